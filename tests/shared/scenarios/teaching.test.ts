// The numbers that make a scenario teach (DESIGN 7), checked for every shipped scenario.
import { describe, expect, it } from 'vitest';
import { isWinning, powerMap, type WeightedGame } from '../../../shared/engine/power';
import { apply } from '../../../shared/engine/apply';
import { createGame } from '../../../shared/engine/setup';
import type { Action, GameState, Scenario, Seat, Terms } from '../../../shared/engine/types';
import { seatsOfScenario, weakSeats } from '../../../shared/students';
import { builtInScenarios } from '../../../shared/scenarios';

// ---------------------------------------------------------------------------
// Helpers, written from the rules as stated (not from the engine), so a drift shows up here.

function gameOf(s: Scenario): WeightedGame {
  return {
    weights: s.roles.map((r) => r.power),
    quota: s.quota,
    veto: s.roles.flatMap((r, i) => (r.veto ? [i] : [])),
  };
}

function totalPower(s: Scenario): number {
  return s.roles.reduce((sum, r) => sum + r.power, 0);
}

/** The seat with the most power (the tests also check that it is unique). */
function strongest(s: Scenario): Seat {
  let best = 0;
  s.roles.forEach((r, i) => {
    if (r.power > s.roles[best].power) best = i;
  });
  return best;
}

function allTerms(s: Scenario): Terms[] {
  let out: Terms[] = [{}];
  for (const issue of s.issues) {
    out = out.flatMap((t) => issue.options.map((o) => ({ ...t, [issue.id]: o.id })));
  }
  return out;
}

function valueTo(s: Scenario, seat: Seat, terms: Terms): number {
  return s.issues.reduce((sum, issue) => sum + s.roles[seat].values[issue.id][terms[issue.id]], 0);
}

function tableValue(s: Scenario, terms: Terms): number {
  return s.roles.reduce((sum, _r, seat) => sum + valueTo(s, seat, terms), 0);
}

function bestPackage(s: Scenario): { terms: Terms; value: number } {
  let best = { terms: {} as Terms, value: -Infinity };
  for (const terms of allTerms(s)) {
    const value = tableValue(s, terms);
    if (value > best.value) best = { terms, value };
  }
  return best;
}

function favouriteTerms(s: Scenario, seat: Seat): Terms {
  let best = { terms: {} as Terms, value: -Infinity };
  for (const terms of allTerms(s)) {
    const value = valueTo(s, seat, terms);
    if (value > best.value) best = { terms, value };
  }
  return best.terms;
}

/** The issue a role cares most about: the widest spread between its best and worst option. */
function topIssue(s: Scenario, seat: Seat): string {
  let top = s.issues[0].id;
  let widest = -Infinity;
  for (const issue of s.issues) {
    const v = Object.values(s.roles[seat].values[issue.id]);
    const spread = Math.max(...v) - Math.min(...v);
    if (spread > widest) {
      widest = spread;
      top = issue.id;
    }
  }
  return top;
}

function apply1(state: GameState, action: Action): GameState {
  const r = apply(state, action);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.refusal.code} ${r.refusal.message}`);
  return r.state;
}

/** Advances to the next round's negotiate phase; silent seats honour in the trust stage. */
function nextRound(state: GameState): GameState {
  const round = state.round;
  let g = state;
  while (!(g.round === round + 1 && g.phase === 'negotiate')) g = apply1(g, { type: 'advance' });
  return g;
}

/** Plays the rest of the round through its score. */
function finishRound(state: GameState): GameState {
  let g = state;
  while (g.phase !== 'score') g = apply1(g, { type: 'advance' });
  return g;
}

function words(text: string): number {
  return text.trim().split(/\s+/).length;
}

const cases = builtInScenarios.map((s) => [s.id, s] as const);

// ---------------------------------------------------------------------------

describe.each(cases)('%s', (_id, s) => {
  const strong = strongest(s);
  const total = totalPower(s);
  const game = gameOf(s);

  it('has the table of DESIGN 7: 4–7 roles, 2–4 issues of 2–4 options, the default numbers', () => {
    expect(s.roles.length).toBeGreaterThanOrEqual(4);
    expect(s.roles.length).toBeLessThanOrEqual(7);
    expect(s.issues.length).toBeGreaterThanOrEqual(2);
    expect(s.issues.length).toBeLessThanOrEqual(4);
    for (const issue of s.issues) {
      expect(issue.options.length).toBeGreaterThanOrEqual(2);
      expect(issue.options.length).toBeLessThanOrEqual(4);
    }
    expect(s.prize).toBe(100);
    // DESIGN 1 (v3): at least 4 rounds, then 80 %, at most 18; T 4, R 2, P 0, S −1; λ = seats.
    expect(s.rounds).toEqual({ min: 4, continue: 0.8, max: 18 });
    expect(s.trust).toEqual({ stake: 5, payoffs: { T: 4, R: 2, P: 0, S: -1 } });
    expect(s.lambda).toBeUndefined();
    expect(s.durations).toEqual({ negotiate: 90, trust: 20 });
    expect(s.quota).toBeGreaterThan(total / 2);
  });

  it('uses the same escalation and reputation numbers as every other shipped scenario', () => {
    expect(s.escalation).toEqual(builtInScenarios[0].escalation);
    expect(s.reputation).toEqual(builtInScenarios[0].reputation);
  });

  it('(a) has a package of terms worth more to the table than the prize, which the strongest seat must concede to reach', () => {
    const best = bestPackage(s);
    expect(best.value).toBeGreaterThan(s.prize);
    expect(best.terms).not.toEqual(favouriteTerms(s, strong));
    expect(tableValue(s, favouriteTerms(s, strong))).toBeLessThan(best.value);
  });

  it('gives roles different first priorities, and someone values an option negatively', () => {
    const tops = new Set(s.roles.map((_r, i) => topIssue(s, i)));
    expect(tops.size).toBeGreaterThanOrEqual(Math.min(3, s.issues.length));
    const negative = s.roles.some((r) =>
      Object.values(r.values).some((byOption) => Object.values(byOption).some((v) => v < 0)),
    );
    expect(negative).toBe(true);
  });

  it('(b) lets every minimal winning coalition split the prize above its walk-aways', () => {
    const map = powerMap(game);
    expect(map.minimalWinningTruncated).toBe(false);
    expect(map.minimalWinning.length).toBeGreaterThan(0);
    for (const coalition of map.minimalWinning) {
      expect(isWinning(game, coalition)).toBe(true);
      const walkAways = coalition.reduce((sum, i) => sum + s.roles[i].walkAway, 0);
      expect(walkAways).toBeLessThan(s.prize);
    }
  });

  it('(d) gives the single strongest seat a walk-away that lets it refuse a bad split, above every other seat', () => {
    expect(s.roles.filter((r) => r.power === s.roles[strong].power)).toHaveLength(1);
    expect(s.roles[strong].walkAway).toBeGreaterThan(0.1 * s.prize);
    s.roles.forEach((r, i) => {
      if (i !== strong) expect(r.walkAway).toBeLessThan(s.roles[strong].walkAway);
    });
  });

  it('gives strong seats high walk-aways and weak seats low ones', () => {
    const byPower = s.roles.map((r) => r).sort((a, b) => b.power - a.power);
    const half = Math.floor(byPower.length / 2);
    const mean = (rs: typeof byPower) => rs.reduce((sum, r) => sum + r.walkAway, 0) / rs.length;
    expect(mean(byPower.slice(0, half))).toBeGreaterThan(mean(byPower.slice(byPower.length - half)));
    expect(byPower[byPower.length - 1].walkAway).toBeLessThan(0.5 * s.roles[strong].walkAway);
  });

  it('(e) makes conceding the best reply of the strongest seat once a third of the seats escalate together, played through the engine', () => {
    // The weak third of the seats (never the strongest) escalate together with a share demand of
    // 10 % each, co-sign each other and raise one stage a round; the strongest seat sits in a
    // winning deal without them. At stage 4 it either refuses publicly or meets the demands by
    // adding them to its deal, paying their shares out of its own. The engine scores both.
    const weak = weakSeats(seatsOfScenario(s)).filter((x) => x !== strong);
    expect(weak.length).toBeGreaterThanOrEqual(Math.round(s.roles.length / 3));
    const others = s.roles.map((_r, i) => i).filter((i) => i !== strong && !weak.includes(i));
    let deal: Seat[] | null = null;
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const members = [strong, ...others.filter((_x, k) => mask & (1 << k))].sort((a, b) => a - b);
      if (isWinning(game, members) && (!deal || members.length < deal.length)) deal = members;
    }
    expect(deal, 'a winning deal without the weak seats').not.toBeNull();
    const members = deal!;
    const split = members.map((m) => (m === strong ? 100 - 15 * (members.length - 1) : 15));
    const terms = bestPackage(s).terms;
    let g = apply1(createGame(s, { mode: 'coalition', seed: 1, rounds: 8 }), { type: 'advance' });
    g = apply1(g, { type: 'propose', seat: strong, members, split, terms });
    for (const m of members) if (m !== strong) g = apply1(g, { type: 'accept', seat: m, proposal: g.proposals[0].id });
    for (const w of weak)
      g = apply1(g, { type: 'escalate', seat: w, target: strong, demand: { kind: 'share', share: 10 } });
    const ids = () => g.escalations.map((e) => e.id);
    for (let stage = 2; stage <= 4; stage++) {
      g = nextRound(g);
      for (const e of g.escalations) g = apply1(g, { type: 'raise', seat: e.escalator, escalation: e.id });
      if (stage === 2)
        for (const e of g.escalations)
          for (const w of weak) if (w !== e.escalator) g = apply1(g, { type: 'cosign', seat: w, escalation: e.id });
    }
    expect(ids()).toHaveLength(weak.length);
    expect(g.escalations.every((e) => e.stage === 4)).toBe(true);
    // Round 5 under action: refuse, or meet the demands.
    const before = nextRound(g);
    const refused = finishRound(
      apply1(before, { type: 'refuse', seat: strong, escalation: before.escalations[0].id, rationale: 'No.' }),
    );
    const enlarged = [...members, ...weak].sort((a, b) => a - b);
    const newSplit = enlarged.map((m) =>
      m === strong ? split[members.indexOf(strong)] - 10 * weak.length : weak.includes(m) ? 10 : 15,
    );
    let met = apply1(before, { type: 'propose', seat: strong, members: enlarged, split: newSplit, terms });
    const id = met.proposals.find((p) => p.proposer === strong)!.id;
    for (const m of enlarged) if (m !== strong) met = apply1(met, { type: 'accept', seat: m, proposal: id });
    met = finishRound(met);
    expect(met.escalations).toEqual([]);
    const gain = (x: GameState) => x.seats[strong].points - before.seats[strong].points;
    // Conceding costs it 10 % a weak seat; refusing costs it the complaint's cut and the action.
    expect(gain(met)).toBeGreaterThan(gain(refused));
    // And the action costs the escalators less than it costs the strongest seat each round.
    const lost = (x: GameState, seat: Seat) => x.history[x.history.length - 1].income[seat].escalation;
    expect(-lost(refused, strong)).toBeGreaterThan(-weak.reduce((a, w) => a + lost(refused, w), 0));
  });

  it('is consistent about the veto: a veto seat is in every winning coalition, otherwise the weak can win without the strongest or must escalate', () => {
    const others = s.roles.map((_r, i) => i).filter((i) => i !== strong);
    const map = powerMap(game);
    if (s.roles[strong].veto) {
      expect(isWinning(game, others)).toBe(false);
      expect(map.minimalWinning.every((c) => c.includes(strong))).toBe(true);
      expect(s.roles.filter((r) => r.veto)).toHaveLength(1);
    } else {
      expect(s.roles.every((r) => !r.veto)).toBe(true);
    }
  });

  it('has a briefing per role in the second person, 120–220 words, naming its power and walk-away', () => {
    for (const r of s.roles) {
      const n = words(r.briefing);
      expect(n, `${r.id}: ${n} words`).toBeGreaterThanOrEqual(120);
      expect(n, `${r.id}: ${n} words`).toBeLessThanOrEqual(220);
      expect(r.briefing.startsWith('You are ')).toBe(true);
      expect(r.briefing).toContain(`${r.power} of the ${total}`);
      expect(r.briefing).toMatch(new RegExp(`walk-away[^.]{0,40}?\\b${r.walkAway} points a round`));
    }
  });

  it('has a debrief of 200–350 words that names lessons and asks the class questions', () => {
    const n = words(s.debrief);
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThanOrEqual(350);
    expect(s.debrief).toContain('Lessons named:');
    expect(s.debrief).toContain('Questions for the class:');
    expect(s.debrief).toContain(String(Math.round(bestPackage(s).value)));
  });
});

describe('across the shipped scenarios', () => {
  const withoutStrongest = builtInScenarios.filter((s) => {
    if (s.roles.some((r) => r.veto)) return false;
    const strong = strongest(s);
    return powerMap(gameOf(s)).minimalWinning.some((c) => !c.includes(strong));
  });
  const strongestVeto = builtInScenarios.filter((s) => s.roles[strongest(s)].veto);

  it('(c) has at least two scenarios where the weak can win without the strongest seat', () => {
    expect(withoutStrongest.length).toBeGreaterThanOrEqual(2);
  });

  it('(c) has at least two scenarios where the strongest seat holds a veto', () => {
    expect(strongestVeto.length).toBeGreaterThanOrEqual(2);
  });

  it('covers every scenario with one of the two power structures', () => {
    expect(withoutStrongest.length + strongestVeto.length).toBe(builtInScenarios.length);
  });

  it('names roles uniquely within each scenario and scenarios uniquely', () => {
    expect(new Set(builtInScenarios.map((s) => s.name)).size).toBe(builtInScenarios.length);
    for (const s of builtInScenarios) expect(new Set(s.roles.map((r) => r.name)).size).toBe(s.roles.length);
  });
});
