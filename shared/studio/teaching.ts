// The numbers that make a scenario teach (DESIGN 7), computed for any valid scenario so the studio
// can show them while a trainer types: the same facts the tests pin for the shipped scenarios,
// each as a verdict with a sentence that names the numbers behind it. Pure.
import { apply } from '../engine/apply';
import { isWinning, powerMap, type PowerMap, type WeightedGame } from '../engine/power';
import { bestTerms } from '../engine/scoring';
import { createGame } from '../engine/setup';
import type { Action, GameState, Scenario, Seat } from '../engine/types';
import { strongestSeat } from '../claims/tables';
import { seatsOfScenario, weakSeats } from '../students';

export type TeachingId =
  'package' | 'walk-aways' | 'weak-without-strongest' | 'escalation' | 'strongest-walk-away' | 'priorities';

export interface TeachingCheck {
  id: TeachingId;
  /** The lesson the numbers carry, in a few words. */
  title: string;
  /** true: the numbers teach it; false: they do not; null: cannot be measured on this scenario. */
  ok: boolean | null;
  sentence: string;
}

/** The power map's game of a scenario: weights, quota, veto seats. */
export function gameOf(s: Scenario): WeightedGame {
  return { weights: s.roles.map((r) => r.power), quota: s.quota, veto: s.roles.flatMap((r, i) => (r.veto ? [i] : [])) };
}

const names = (s: Scenario, seats: readonly Seat[]) => seats.map((i) => s.roles[i].name).join(' + ');
const pts = (n: number) => String(Math.round(n * 10) / 10);

function packageCheck(s: Scenario): TeachingCheck {
  const best = bestTerms(s);
  const ok = best.value > s.prize;
  return {
    id: 'package',
    title: 'A package is worth more than the money',
    ok,
    sentence: ok
      ? `The best package of terms is worth ${pts(best.value)} a round to the table, more than the prize of ${pts(s.prize)}: trading terms creates value.`
      : `The best package of terms is worth only ${pts(best.value)} a round to the table, not more than the prize of ${pts(s.prize)}: give roles options they value differently, so a package beats money alone.`,
  };
}

function walkAwayCheck(s: Scenario, map: PowerMap): TeachingCheck {
  const over = map.minimalWinning.filter((c) => c.reduce((a, i) => a + s.roles[i].walkAway, 0) >= s.prize);
  const title = 'Every minimal winning coalition gains by dealing';
  if (map.minimalWinning.length === 0)
    return {
      id: 'walk-aways',
      title,
      ok: false,
      sentence: 'No coalition can win: check the quota and the veto seats.',
    };
  if (over.length === 0)
    return {
      id: 'walk-aways',
      title,
      ok: true,
      sentence: `In each of the ${map.minimalWinning.length} minimal winning coalitions the walk-aways add up to less than the prize of ${pts(s.prize)}, so each can split it above what its members get alone.`,
    };
  const c = over[0];
  return {
    id: 'walk-aways',
    title,
    ok: false,
    sentence: `${over.length} minimal winning coalition${over.length === 1 ? '' : 's'} cannot split the prize above their walk-aways, e.g. ${names(s, c)}: ${pts(c.reduce((a, i) => a + s.roles[i].walkAway, 0))} against a prize of ${pts(s.prize)}. Lower those walk-aways or raise the prize.`,
  };
}

function structureCheck(s: Scenario, map: PowerMap): TeachingCheck {
  const strong = strongestSeat(s);
  const name = s.roles[strong].name;
  const title = 'The weak can win without the strongest, or the strongest holds a veto';
  const without = map.minimalWinning.filter((c) => !c.includes(strong));
  if (s.roles[strong].veto) {
    return {
      id: 'weak-without-strongest',
      title,
      ok: true,
      sentence: `${name} holds a veto: the weak cannot win without it, so publicity and escalation are their route.`,
    };
  }
  if (without.length > 0)
    return {
      id: 'weak-without-strongest',
      title,
      ok: true,
      sentence: `The weak can win without ${name}, e.g. ${names(s, without[0])}: a seat's weight is not its power.`,
    };
  return {
    id: 'weak-without-strongest',
    title,
    ok: false,
    sentence: `${name} is in every winning coalition without holding a veto: give it the veto (then the weak must escalate) or lower its power so others can win without it.`,
  };
}

function strongestWalkAway(s: Scenario): TeachingCheck {
  const strong = strongestSeat(s);
  const r = s.roles[strong];
  const higher = s.roles.filter((x, i) => i !== strong && x.walkAway >= r.walkAway);
  const ok = r.walkAway > 0.1 * s.prize && higher.length === 0;
  return {
    id: 'strongest-walk-away',
    title: 'The strongest can refuse a bad split',
    ok,
    sentence: ok
      ? `${r.name}'s walk-away of ${pts(r.walkAway)} a round is above a tenth of the prize and above every other seat's: it can afford to refuse.`
      : higher.length > 0
        ? `${higher.map((x) => x.name).join(', ')} ${higher.length === 1 ? 'has' : 'have'} a walk-away at least as high as ${r.name}'s (${pts(r.walkAway)}): strong seats should be the ones that can absorb failure.`
        : `${r.name}'s walk-away of ${pts(r.walkAway)} is not above a tenth of the prize (${pts(0.1 * s.prize)}): the strongest seat should be able to refuse a bad split.`,
  };
}

/** The issue a role cares most about: the widest spread between its best and worst option. */
function topIssue(s: Scenario, seat: Seat): string {
  let top = s.issues[0].id;
  let widest = -Infinity;
  for (const issue of s.issues) {
    const v = Object.values(s.roles[seat].values[issue.id] ?? {});
    const spread = Math.max(...v) - Math.min(...v);
    if (spread > widest) {
      widest = spread;
      top = issue.id;
    }
  }
  return top;
}

function prioritiesCheck(s: Scenario): TeachingCheck {
  const tops = new Set(s.roles.map((_r, i) => topIssue(s, i)));
  const want = Math.min(3, s.issues.length);
  const negative = s.roles.some((r) => Object.values(r.values).some((o) => Object.values(o).some((v) => v < 0)));
  const ok = tops.size >= want && negative;
  const parts = [
    tops.size >= want
      ? `Roles care most about ${tops.size} different issues`
      : `Roles care most about only ${tops.size} issue${tops.size === 1 ? '' : 's'} (aim for ${want})`,
    negative ? 'someone values an option negatively' : 'nobody values any option negatively',
  ];
  return {
    id: 'priorities',
    title: 'Roles care about different issues',
    ok,
    sentence: `${parts.join('; ')}${ok ? ': asking what matters most pays.' : ': asking what matters most has little to find.'}`,
  };
}

function act(state: GameState, action: Action): GameState {
  const r = apply(state, action);
  if (!r.ok) throw new Error(`${action.type}: ${r.refusal.message}`);
  return r.state;
}

function untilNextRound(state: GameState): GameState {
  const round = state.round;
  let g = state;
  while (!(g.round === round + 1 && g.phase === 'negotiate')) g = act(g, { type: 'advance' });
  return g;
}

function finishRound(state: GameState): GameState {
  let g = state;
  while (g.phase !== 'score') g = act(g, { type: 'advance' });
  return g;
}

/**
 * Played through the engine: the weak third of the seats escalate together against the strongest
 * with a 10 % share demand each, co-sign and raise to stage 4 while the strongest sits in a
 * winning deal without them; then, in one round, refusing is compared with meeting the demands.
 */
function escalationCheck(s: Scenario): TeachingCheck {
  const title = 'Escalation by a third of the seats makes conceding the best reply';
  const strong = strongestSeat(s);
  const game = gameOf(s);
  const weak = weakSeats(seatsOfScenario(s)).filter((x) => x !== strong);
  const others = s.roles.map((_r, i) => i).filter((i) => i !== strong && !weak.includes(i));
  let deal: Seat[] | null = null;
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const members = [strong, ...others.filter((_x, k) => mask & (1 << k))].sort((a, b) => a - b);
    if (isWinning(game, members) && (!deal || members.length < deal.length)) deal = members;
  }
  if (weak.length === 0 || !deal)
    return {
      id: 'escalation',
      title,
      ok: null,
      sentence: `Not measured: ${s.roles[strong].name} has no winning deal without the weakest seats (${names(s, weak)}), so they need not escalate to be heard.`,
    };
  const members = deal;
  try {
    const split = members.map((m) => (m === strong ? 100 - 15 * (members.length - 1) : 15));
    if (split.some((x) => x < 0 || x > 100)) throw new Error('the deal is too large to split');
    const terms = bestTerms(s).terms;
    let g = act(createGame(s, { mode: 'coalition', seed: 1, rounds: 8 }), { type: 'advance' });
    g = act(g, { type: 'propose', seat: strong, members, split, terms });
    for (const m of members) if (m !== strong) g = act(g, { type: 'accept', seat: m, proposal: g.proposals[0].id });
    for (const w of weak)
      g = act(g, { type: 'escalate', seat: w, target: strong, demand: { kind: 'share', share: 10 } });
    for (let stage = 2; stage <= 4; stage++) {
      g = untilNextRound(g);
      for (const e of g.escalations) g = act(g, { type: 'raise', seat: e.escalator, escalation: e.id });
      if (stage === 2)
        for (const e of g.escalations)
          for (const w of weak) if (w !== e.escalator) g = act(g, { type: 'cosign', seat: w, escalation: e.id });
    }
    const before = untilNextRound(g);
    const refused = finishRound(
      act(before, { type: 'refuse', seat: strong, escalation: before.escalations[0].id, rationale: 'No.' }),
    );
    const enlarged = [...members, ...weak].sort((a, b) => a - b);
    const newSplit = enlarged.map((m) =>
      m === strong ? split[members.indexOf(strong)] - 10 * weak.length : weak.includes(m) ? 10 : 15,
    );
    if (newSplit.some((x) => x < 0)) throw new Error('the strongest seat cannot pay every demand out of its share');
    let met = act(before, { type: 'propose', seat: strong, members: enlarged, split: newSplit, terms });
    const id = met.proposals.find((p) => p.proposer === strong)!.id;
    for (const m of enlarged) if (m !== strong) met = act(met, { type: 'accept', seat: m, proposal: id });
    met = finishRound(met);
    const gain = (x: GameState) => x.seats[strong].points - before.seats[strong].points;
    const ok = gain(met) > gain(refused);
    const name = s.roles[strong].name;
    return {
      id: 'escalation',
      title,
      ok,
      sentence: ok
        ? `With ${names(s, weak)} escalating together to stage 4, ${name} makes ${pts(gain(met))} in the round by meeting their demands and ${pts(gain(refused))} by refusing: conceding is its best reply.`
        : `With ${names(s, weak)} escalating together to stage 4, ${name} still makes more by refusing (${pts(gain(refused))}) than by meeting their demands (${pts(gain(met))}): raise the complaint and action numbers, or lower its share of the prize.`,
    };
  } catch (e) {
    return { id: 'escalation', title, ok: null, sentence: `Not measured: ${(e as Error).message}.` };
  }
}

/** Every teaching check of DESIGN 7 for a valid scenario, in the order the studio lists them. */
export function teachingChecks(s: Scenario, map: PowerMap = powerMap(gameOf(s), 200)): TeachingCheck[] {
  return [
    packageCheck(s),
    walkAwayCheck(s, map),
    structureCheck(s, map),
    escalationCheck(s),
    strongestWalkAway(s),
    prioritiesCheck(s),
  ];
}
