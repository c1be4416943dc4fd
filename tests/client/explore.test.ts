// The explorable's model: the same engine code as the bots, and a guided path whose every
// sentence is read off the result it describes.
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../shared/bots/strategies';
import { evolve, trustTournament } from '../../shared/bots/tournament';
import { STRATEGY_TITLES } from '../../shared/trust-game/words';
import { compute, DEFAULT_CONFIG, isDilemma, STEPS, stepConfig, survivors } from '../../client/explore/model';

const byId = (id: string) => STEPS.find((s) => s.id === id)!;

describe('the explorable computes with the engine’s own tournament and evolution', () => {
  it('returns the ranking of trustTournament and the shares of evolve for the same settings', () => {
    const config = {
      ...DEFAULT_CONFIG,
      strategies: [...STRATEGY_NAMES],
      turns: 30,
      repetitions: 5,
      noise: 0.02,
      generations: 40,
    };
    const r = compute(config);
    const t = trustTournament({
      strategies: config.strategies,
      turns: 30,
      repetitions: 5,
      noise: 0.02,
      seed: config.seed,
      payoffs: config.payoffs,
    });
    expect(r.ranking).toEqual(t.ranking);
    const e = evolve({
      strategies: config.strategies,
      generations: 40,
      turns: 30,
      noise: 0.02,
      seed: config.seed,
      repetitions: 5,
      payoffs: config.payoffs,
    });
    expect(r.shares).toEqual(e.shares);
  });

  it('knows a prisoner’s dilemma from other games', () => {
    expect(isDilemma({ T: 5, R: 3, P: 1, S: 0 })).toBe(true);
    expect(isDilemma({ T: 7, R: 3, P: 1, S: 0 })).toBe(false);
    expect(isDilemma({ T: 5, R: 3, P: 3, S: 0 })).toBe(false);
  });
});

describe('the guided path reads each sentence off the result', () => {
  it('names the tournament’s leader and the strategy that won most matches', () => {
    const r = compute(stepConfig(byId('tournament')));
    const text = byId('tournament').read(r).join(' ');
    expect(r.config.turns).toBe(200);
    const lead = r.ranking[0];
    const mostWins = [...r.ranking].sort((a, b) => b.wins - a.wins)[0];
    expect(text).toContain(
      `${STRATEGY_TITLES[lead.strategy].replace(/^./, (c) => c.toUpperCase())} scores most (${lead.medianScorePerTurn.toFixed(2)}`,
    );
    expect(text).toContain(`won the most (${mostWins.wins}`);
    // The lesson line appears only because the measured leader beat nobody.
    expect(lead.wins).toBe(0);
    expect(text).toContain('the leader beat nobody');
  });

  it('says what leads a short game, and what noise does at 200 rounds, as measured', () => {
    const short = compute(stepConfig(byId('short')));
    expect(byId('short').read(short)[0]).toBe(
      `With only 4 rounds, ${STRATEGY_TITLES[short.ranking[0].strategy]} scores most (${short.ranking[0].medianScorePerTurn.toFixed(2)} a round).`,
    );
    const noisy = compute(stepConfig(byId('noise')));
    const text = byId('noise').read(noisy).join(' ');
    expect(text).toContain(`${STRATEGY_TITLES[noisy.ranking[0].strategy]} scores most`);
    // Axelrod 4.13 is cited only when this tournament agrees with it.
    expect(text.includes('Axelrod’s library')).toBe(noisy.ranking[0].strategy === 'alternator');
    const forgivingLeads = compute({ ...stepConfig(byId('noise-short')) });
    const lines = byId('noise-short').read(forgivingLeads);
    expect(lines.some((l) => l.includes('forgive when it is noisy'))).toBe(
      forgivingLeads.ranking.findIndex(
        (e) => e.strategy === 'generous-tit-for-tat' || e.strategy === 'tit-for-two-tats',
      ) > 0,
    );
  });

  it('lists the survivors of the evolution with their measured shares', () => {
    const r = compute(stepConfig(byId('evolution')));
    const text = byId('evolution').read(r).join(' ');
    for (const a of survivors(r))
      expect(text).toContain(`${STRATEGY_TITLES[a.strategy]} ${(a.share * 100).toFixed(a.share < 0.1 ? 1 : 0)} %`);
    const alld = r.config.strategies.indexOf('always-defect');
    expect(r.shares[r.shares.length - 1][alld]).toBeLessThan(r.shares[0][alld]);
    expect(text).toMatch(/Always defect (first grew|fell)/);
  });

  it('tells a tournament ranking and an evolution apart only when they disagree', () => {
    const r = compute(stepConfig(byId('evolution-noise')));
    const disagree = survivors(r)[0].strategy !== r.ranking[0].strategy;
    expect(
      byId('evolution-noise')
        .read(r)
        .some((l) => l.includes('can disagree')),
    ).toBe(disagree);
  });
});
