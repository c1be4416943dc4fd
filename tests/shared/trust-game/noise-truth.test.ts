// Noise told truthfully (issue 8.5, DESIGN 5 and 10): every sentence the game ships about noise
// or about which strategies do well is checked against the trust tournament, replayed here with
// trustTournament itself at the trust game's lengths and every noise setting it offers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES, type StrategyName } from '../../../shared/bots/strategies';
import { trustTournament, type RankingEntry } from '../../../shared/bots/tournament';
import { COOPERATION_FINDING, LESSONS, NOISE_FINDING } from '../../../shared/record/lessons';
import {
  FINDINGS_REPETITIONS,
  FINDINGS_SEED,
  findingSentence,
  FORGIVING,
  horizonSentence,
  lengthChances,
  OFFERED_NOISE,
} from '../../../shared/trust-game/findings';
import { STRATEGY_LESSONS } from '../../../shared/trust-game/reveal';
import { AXELROD_PAYOFFS, TRUST_ROUNDS } from '../../../shared/trust-game/scenario';
import { STRATEGY_TITLES } from '../../../shared/trust-game/words';

const cache = new Map<string, RankingEntry[]>();
/** The tournament of all 13 at one length and noise, as the game plays it (Axelrod's payoffs, >= 50 repetitions). */
function tournament(noise: number, turns: number): RankingEntry[] {
  const key = `${noise}|${turns}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      trustTournament({
        strategies: STRATEGY_NAMES,
        turns,
        repetitions: FINDINGS_REPETITIONS,
        noise,
        seed: FINDINGS_SEED,
        payoffs: AXELROD_PAYOFFS,
      }).ranking,
    );
  }
  return cache.get(key)!;
}
const leader = (noise: number, turns: number) => tournament(noise, turns)[0].strategy;
const lengths = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);
const GAME_LENGTHS = lengths(3, 18);

describe('the tournament the sentences rest on', () => {
  it('plays at least 50 repetitions with Axelrod’s payoffs, and offers 1, 2, 5 and 10 % noise', () => {
    expect(FINDINGS_REPETITIONS).toBeGreaterThanOrEqual(50);
    expect(AXELROD_PAYOFFS).toEqual({ T: 5, R: 3, P: 1, S: 0 });
    expect(OFFERED_NOISE).toEqual([0, 0.01, 0.02, 0.05, 0.1]);
  });
});

describe('computed sentences say what the tournament shows', () => {
  it.each(OFFERED_NOISE.flatMap((noise) => GAME_LENGTHS.map((turns) => [noise, turns] as const)))(
    'at %s noise and %s rounds',
    (noise, turns) => {
      const ranking = tournament(noise, turns);
      const text = findingSentence(noise, turns, ['generous-tit-for-tat', 'tit-for-two-tats']);
      expect(text).toContain(
        `at ${turns} rounds with ${noise === 0 ? 'no noise' : `${noise * 100} % noise`} (${FINDINGS_REPETITIONS} repetitions), ${STRATEGY_TITLES[ranking[0].strategy]} scores most`,
      );
      expect(text).toContain(`ahead of ${STRATEGY_TITLES[ranking[1].strategy]}`);
      for (const s of FORGIVING) {
        const rank = ranking.find((e) => e.strategy === s)!.rank;
        if (rank > 3) expect(text).toMatch(new RegExp(`${STRATEGY_TITLES[s]} ranks ${rank}(st|nd|rd|th)`));
      }
    },
  );

  it.each(OFFERED_NOISE.flatMap((noise) => (['standard', 'short'] as const).map((length) => [noise, length] as const)))(
    'over the hidden horizon at %s noise, %s game',
    (noise, length) => {
      const rounds = TRUST_ROUNDS[length];
      // Expected points per round over the horizon, from each length's tournament by its chance.
      const total = new Map<StrategyName, number>(STRATEGY_NAMES.map((s) => [s, 0]));
      for (const { turns, chance } of lengthChances(rounds)) {
        if (chance < 1e-4) continue;
        for (const e of tournament(noise, turns))
          total.set(e.strategy, total.get(e.strategy)! + chance * turns * e.meanScorePerTurn);
      }
      const order = [...total.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
      const text = horizonSentence(noise, rounds);
      expect(text).toContain(`${STRATEGY_TITLES[order[0]]} earns most in the tournament of all 13 strategies`);
      expect(text).toContain(`ahead of ${STRATEGY_TITLES[order[1]]}`);
      for (const s of FORGIVING)
        expect(text).toMatch(new RegExp(`${STRATEGY_TITLES[s]} ranks ${order.indexOf(s) + 1}(st|nd|rd|th)`));
      // No minimum or cap: players are told only about how long a game lasts (DESIGN 2).
      expect(text).not.toMatch(new RegExp(`\\b(${rounds.min}|${rounds.max}) rounds`));
    },
  );
});

describe('the lessons’ fixed sentences hold in the tournament', () => {
  it('tit-for-tat scores most without noise at 7 to 12 rounds; always defect at 4 or 5, and at 4 to 12 with 10 % noise', () => {
    expect(LESSONS['cooperation-pays-when-repeated'].text).toContain(COOPERATION_FINDING);
    for (const turns of lengths(7, 12)) expect(leader(0, turns)).toBe('tit-for-tat');
    for (const turns of [4, 5]) expect(leader(0, turns)).toBe('always-defect');
    for (const turns of lengths(4, 12)) expect(leader(0.1, turns)).toBe('always-defect');
  });

  it('no forgiving strategy scores most at 4 to 12 rounds at any offered noise', () => {
    expect(LESSONS['forgiveness-under-noise'].text).toContain(NOISE_FINDING);
    for (const noise of OFFERED_NOISE)
      for (const turns of lengths(4, 12)) expect(FORGIVING).not.toContain(leader(noise, turns));
  });

  it('tells each strategy by its mechanism, never by a ranking', () => {
    for (const { play } of Object.values(STRATEGY_LESSONS)) expect(play).not.toMatch(RANKING_CLAIM);
  });
});

/**
 * Words that claim a strategy or a way of playing does well: such a sentence must come from the
 * tournament (findings.ts) or be one of the vetted sentences below.
 */
const RANKING_CLAIM =
  /\b(wins?|winning|scores? most|earns? (the )?most|does (well|better|best)|do (well|better|best)|strong(est)?|tends? to (earn|win)|beats?|succeeds?)\b/i;
const TOPIC = /(forgiv|nois[ey]|tit-for|strateg|defector|alternator|grudger|generous|reciproc)/i;

/** Every shipped file whose text talks to players about trust, noise or strategies. */
const SHIPPED = [
  'shared/record/coach.ts',
  'shared/record/lessons.ts',
  'shared/record/moments.ts',
  'shared/trust-game/reveal.ts',
  'shared/trust-game/findings.ts',
  'shared/trust-game/scenario.ts',
  'client/ui/lobby.ts',
  'client/ui/debrief.ts',
  'client/ui/trust-debrief.ts',
  'client/ui/panels/trust.ts',
  'client/ui/panels/trust-game.ts',
  'client/ui/panels/guess.ts',
  'client/explore/model.ts',
  'client/explore/explore.ts',
];

/** Sentences with such words that are not ranking claims, or are checked above, each with why. */
const VETTED: Record<string, string> = {
  'scores most (': 'findingSentence: the leader of the replayed tournament (checked above)',
  'scores most in the tournament': 'a computed sentence (checked above)',
  'earns most in the tournament': 'horizonSentence: the leader over the horizon (checked above)',
  'tit-for-tat (honour first, answer a defection, then forgive) scores most in games of 7 to 12 rounds':
    'COOPERATION_FINDING (checked above)',
  'neither forgiving strategy (generous tit-for-tat, tit-for-two-tats) scores most': 'NOISE_FINDING (checked above)',
  '${Title(mostWins.strategy)} won the most (':
    'the explorable: read off the measured result (tests/client/explore.test.ts)',
};

function literals(source: string): string[] {
  const out: string[] = [];
  const re = /'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g;
  for (const m of source.matchAll(re)) out.push(m[0].slice(1, -1));
  return out;
}

describe('every shipped sentence about noise or strategies', () => {
  it.each(SHIPPED)('%s claims nothing the tournament does not show', (file) => {
    const claims = literals(readFileSync(file, 'utf8')).filter((t) => TOPIC.test(t) && RANKING_CLAIM.test(t));
    const unvetted = claims.filter((t) => !Object.keys(VETTED).some((v) => t.includes(v)));
    expect(unvetted).toEqual([]);
  });

  it('finds a ranking claim where one is written (the check can fail)', () => {
    const planted = "'At this noise forgiving strategies win when signals are noisy.'";
    const claims = literals(planted).filter((t) => TOPIC.test(t) && RANKING_CLAIM.test(t));
    expect(claims).toHaveLength(1);
  });
});
