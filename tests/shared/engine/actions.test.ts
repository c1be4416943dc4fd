import { describe, expect, it } from 'vitest';
import { apply } from '../../../shared/engine/apply';
import { pressingSide } from '../../../shared/engine/rules';
import { createGame } from '../../../shared/engine/setup';
import { viewFor } from '../../../shared/engine/view';
import type { Action, GameState, RefusalCode } from '../../../shared/engine/types';
import { deepFreeze, smallScenario } from '../fixtures';
import { advance, BEST, negotiating, run } from './helpers';

function refusalOf(state: GameState, action: Action): RefusalCode | null {
  const r = apply(deepFreeze(state), action);
  return r.ok ? null : r.refusal.code;
}

const deal = (
  seat: number,
  members: number[],
  split: number[],
  extra: Partial<Extract<Action, { type: 'propose' }>> = {},
): Action => ({
  type: 'propose',
  seat,
  members,
  split,
  terms: BEST,
  ...extra,
});

describe('setup', () => {
  it('ends at random after the minimum and never past the cap, drawn from a stream of its own', () => {
    // The fixture: at least 4 rounds, then 80 %, at most 18. P(length = 4) = 0.2, P(reach 18) = 0.8^14 ≈ 4.4 %.
    const lengths: number[] = [];
    for (let seed = 0; seed < 1000; seed++) {
      let s = createGame(smallScenario(), { mode: 'coalition', seed });
      expect(s.totalRounds).toBe(0);
      while (s.phase !== 'end') {
        s = run(s, advance).state;
        if (s.phase !== 'end') expect(s.totalRounds).toBe(0);
      }
      lengths.push(s.totalRounds);
      expect(s.history).toHaveLength(s.totalRounds);
    }
    expect(Math.min(...lengths)).toBe(4);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(18);
    const four = lengths.filter((n) => n === 4).length / lengths.length;
    expect(four).toBeGreaterThan(0.15);
    expect(four).toBeLessThan(0.25);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    // 4 + Σ_{k=1..14} 0.8^k = 7.82.
    expect(mean).toBeGreaterThan(7.4);
    expect(mean).toBeLessThan(8.3);
    // What players do never moves the horizon: the same seed with a deal every round lasts as long.
    let quiet = createGame(smallScenario(), { mode: 'coalition', seed: 42 });
    while (quiet.phase !== 'end') quiet = run(quiet, advance).state;
    let busy = createGame(smallScenario(), { mode: 'coalition', seed: 42 });
    while (busy.phase !== 'end') {
      if (busy.phase === 'negotiate' && busy.round === 1)
        busy = run(busy, deal(0, [0, 1], [70, 30]), { type: 'accept', seat: 1, proposal: 1 }).state;
      if (busy.phase === 'trust') busy = run(busy, { type: 'trust', seat: 1, partner: 0, move: 'defect' }).state;
      busy = run(busy, advance).state;
    }
    expect(busy.totalRounds).toBe(quiet.totalRounds);
    const s = createGame(smallScenario(), { mode: 'coalition', seed: 3 });
    expect(s.phase).toBe('prepare');
    expect(s.seats.map((x) => x.reputation)).toEqual([50, 50, 50, 50]);
  });
  it('uses a fixed number of rounds when the config gives one', () => {
    expect(createGame(smallScenario(), { mode: 'trust', seed: 1, rounds: 12 }).totalRounds).toBe(12);
  });
});

describe('propose', () => {
  it('opens a proposal that its proposer accepts', () => {
    const { state, events } = run(negotiating(), deal(0, [0, 1], [70, 30]));
    expect(state.proposals).toHaveLength(1);
    expect(state.seats[0].acceptance).toBe(state.proposals[0].id);
    expect(events[0]).toMatchObject({ type: 'proposed', to: 'all' });
  });
  it('sorts members and keeps each share with its member', () => {
    const { state } = run(negotiating(), deal(1, [1, 0], [30, 70]));
    expect(state.proposals[0].members).toEqual([0, 1]);
    expect(state.proposals[0].split).toEqual([70, 30]);
  });
  it("replaces the seat's open proposal and drops acceptances of the old one", () => {
    let s = run(negotiating(), deal(0, [0, 1], [70, 30])).state;
    const first = s.proposals[0].id;
    s = run(s, { type: 'accept', seat: 1, proposal: first }).state;
    s = run(s, deal(0, [0, 2], [60, 40])).state;
    expect(s.proposals.map((p) => p.proposer)).toEqual([0]);
    expect(s.proposals[0].id).not.toBe(first);
    expect(s.seats[1].acceptance).toBeNull();
  });
  it('sends a members-only proposal to its members only', () => {
    const { events } = run(negotiating(), deal(0, [0, 1], [70, 30], { visibility: 'members' }));
    expect(events[0].to).toEqual([0, 1]);
  });
  it('records the proposal it counters', () => {
    let s = run(negotiating(), deal(0, [0, 1], [80, 20])).state;
    s = run(s, deal(1, [0, 1], [60, 40], { counterTo: s.proposals[0].id })).state;
    expect(s.proposals[1].counterTo).toBe(s.proposals[0].id);
  });
  it.each<[string, Action, RefusalCode]>([
    ['a single member', deal(0, [0], [100]), 'bad-members'],
    ['an unknown seat', deal(0, [0, 9], [50, 50]), 'bad-members'],
    ['a repeated seat', deal(0, [0, 1, 1], [50, 25, 25]), 'bad-members'],
    ['a deal without the proposer', deal(0, [1, 2], [50, 50]), 'bad-members'],
    ['a split of the wrong length', deal(0, [0, 1], [100]), 'bad-split'],
    ['a split not summing to 100', deal(0, [0, 1], [50, 40]), 'bad-split'],
    ['a fractional share', deal(0, [0, 1], [50.5, 49.5]), 'bad-split'],
    ['a negative share', deal(0, [0, 1], [110, -10]), 'bad-split'],
    ['a missing issue', deal(0, [0, 1], [50, 50], { terms: { jobs: 'local' } }), 'bad-terms'],
    ['an unknown option', deal(0, [0, 1], [50, 50], { terms: { jobs: 'robots', review: 'none' } }), 'bad-terms'],
    ['an unknown issue', deal(0, [0, 1], [50, 50], { terms: { ...BEST, parking: 'yes' } }), 'bad-terms'],
    [
      'a promise to an outsider',
      deal(0, [0, 1], [50, 50], { promises: [{ from: 0, to: 2, points: 5 }] }),
      'bad-promise',
    ],
    ['a promise of no points', deal(0, [0, 1], [50, 50], { promises: [{ from: 0, to: 1, points: 0 }] }), 'bad-promise'],
    ['a rationale over 280 characters', deal(0, [0, 1], [50, 50], { rationale: 'x'.repeat(281) }), 'text-too-long'],
    ['a counter to a missing proposal', deal(0, [0, 1], [50, 50], { counterTo: 999 }), 'unknown-proposal'],
  ])('refuses %s', (_name, action, code) => {
    expect(refusalOf(negotiating(), action)).toBe(code);
  });
  it('refuses outside the negotiate phase', () => {
    const prepare = createGame(smallScenario(), { mode: 'coalition', seed: 1 });
    expect(refusalOf(prepare, deal(0, [0, 1], [50, 50]))).toBe('wrong-phase');
  });
});

describe('accept, withdraw, reject', () => {
  const open = () => run(negotiating(), deal(0, [0, 1, 2], [60, 25, 15])).state;
  it('accepting replaces the earlier acceptance', () => {
    let s = open();
    s = run(s, deal(1, [1, 2], [50, 50])).state;
    const mine = s.proposals.find((p) => p.proposer === 1)!.id;
    expect(s.seats[1].acceptance).toBe(mine);
    const { state, events } = run(s, { type: 'accept', seat: 1, proposal: s.proposals[0].id });
    expect(state.seats[1].acceptance).toBe(s.proposals[0].id);
    expect(events.map((e) => e.type)).toEqual(['withdrew', 'accepted']);
  });
  it('withdraw clears the acceptance', () => {
    let s = run(open(), { type: 'accept', seat: 1, proposal: 1 }).state;
    s = run(s, { type: 'withdraw', seat: 1 }).state;
    expect(s.seats[1].acceptance).toBeNull();
  });
  it('reject records the reason and withdraws an acceptance', () => {
    let s = run(open(), { type: 'accept', seat: 2, proposal: 1 }).state;
    s = run(s, { type: 'reject', seat: 2, proposal: 1, reason: '15% is below my power index' }).state;
    expect(s.proposals[0].rejections).toEqual([{ seat: 2, reason: '15% is below my power index' }]);
    expect(s.seats[2].acceptance).toBeNull();
  });
  it('a deal that gives a member less than its declared walk-away costs it reputation when the deal forms', () => {
    let s = run(open(), { type: 'declare', seat: 2, share: 20 }, { type: 'accept', seat: 1, proposal: 1 }).state;
    // Accepting alone costs nothing yet: the deal has not formed.
    s = run(s, { type: 'accept', seat: 2, proposal: 1 }).state;
    expect(s.seats[2].reputation).toBe(50);
    const { state, events } = run(s, advance);
    expect(state.seats[2].reputation).toBe(44);
    expect(events).toContainEqual({ to: 'all', type: 'reputation', seat: 2, delta: -6, cause: 'broke-declaration' });
    expect(state.seats[1].reputation).toBe(50);
  });
  it('a declaration made after accepting still counts, and the proposer is bound by its own', () => {
    let s = run(
      open(),
      { type: 'accept', seat: 1, proposal: 1 },
      { type: 'accept', seat: 2, proposal: 1 },
      { type: 'declare', seat: 0, share: 70 },
    ).state;
    s = run(s, advance).state;
    expect(s.seats[0].reputation).toBe(44);
  });
  it.each<[string, Action, RefusalCode]>([
    ['accepting a missing proposal', { type: 'accept', seat: 1, proposal: 42 }, 'unknown-proposal'],
    ['accepting as a non-member', { type: 'accept', seat: 3, proposal: 1 }, 'not-a-member'],
    ['accepting twice', { type: 'accept', seat: 0, proposal: 1 }, 'already-accepted'],
    ['withdrawing nothing', { type: 'withdraw', seat: 3 }, 'nothing-to-withdraw'],
    ['rejecting own proposal', { type: 'reject', seat: 0, proposal: 1 }, 'own-proposal'],
    ['rejecting as a non-member', { type: 'reject', seat: 3, proposal: 1 }, 'not-a-member'],
    ['rejecting a missing proposal', { type: 'reject', seat: 1, proposal: 77 }, 'unknown-proposal'],
    ['a long reason', { type: 'reject', seat: 1, proposal: 1, reason: 'y'.repeat(300) }, 'text-too-long'],
  ])('refuses %s', (_name, action, code) => {
    expect(refusalOf(open(), action)).toBe(code);
  });
  it('hides a members-only proposal from others, who cannot accept it', () => {
    const s = run(negotiating(), deal(0, [0, 1], [70, 30], { visibility: 'members' })).state;
    expect(refusalOf(s, { type: 'reject', seat: 2, proposal: 1 })).toBe('unknown-proposal');
  });
});

describe('ask and answer', () => {
  it("answers with the issues ranked by the seat's own values and raises its reputation", () => {
    const s = run(negotiating(), { type: 'ask', seat: 0, target: 3 }).state;
    const { state, events } = run(s, { type: 'answer', seat: 3, ask: s.asks[0].id });
    expect(state.asks[0].answer).toEqual([
      { issue: 'review', preferred: 'independent' },
      { issue: 'jobs', preferred: 'local' },
    ]);
    expect(events[0].to).toEqual([0, 3]);
    expect(state.seats[3].reputation).toBe(52);
  });
  it('declining changes no reputation', () => {
    let s = run(negotiating(), { type: 'ask', seat: 0, target: 3 }).state;
    s = run(s, { type: 'decline', seat: 3, ask: s.asks[0].id }).state;
    expect(s.asks[0].status).toBe('declined');
    expect(s.seats[3].reputation).toBe(50);
  });
  it.each<[string, Action[], Action, RefusalCode]>([
    ['asking yourself', [], { type: 'ask', seat: 1, target: 1 }, 'self-target'],
    ['asking a missing seat', [], { type: 'ask', seat: 1, target: 8 }, 'unknown-seat'],
    [
      'asking twice in a round',
      [{ type: 'ask', seat: 1, target: 2 }],
      { type: 'ask', seat: 1, target: 2 },
      'already-asked',
    ],
    [
      'answering a question put to another',
      [{ type: 'ask', seat: 1, target: 2 }],
      { type: 'answer', seat: 3, ask: 1 },
      'not-asked',
    ],
    ['answering a missing question', [], { type: 'answer', seat: 3, ask: 5 }, 'unknown-ask'],
    [
      'answering twice',
      [
        { type: 'ask', seat: 1, target: 2 },
        { type: 'answer', seat: 2, ask: 1 },
      ],
      { type: 'answer', seat: 2, ask: 1 },
      'unknown-ask',
    ],
    ['declining for another', [{ type: 'ask', seat: 1, target: 2 }], { type: 'decline', seat: 0, ask: 1 }, 'not-asked'],
  ])('refuses %s', (_name, before, action, code) => {
    expect(refusalOf(run(negotiating(), ...before).state, action)).toBe(code);
  });
});

/** Round 1 with a winning deal between Authority (70) and Union (30), then back to round 2's negotiate. */
function roundTwo(): GameState {
  let s = run(negotiating({ seed: 11 }), deal(0, [0, 1], [70, 30]), { type: 'accept', seat: 1, proposal: 1 }).state;
  s = run(
    s,
    advance,
    advance,
    { type: 'trust', seat: 0, partner: 1, move: 'honour' },
    { type: 'trust', seat: 1, partner: 0, move: 'honour' },
    advance,
    advance,
  ).state;
  return s;
}

describe('resolve and trust', () => {
  it('pays the winning split, applies the terms to every seat and pays outsiders their walk-away', () => {
    let s = run(negotiating(), deal(0, [0, 1], [70, 30]), { type: 'accept', seat: 1, proposal: 1 }).state;
    s = run(s, advance).state;
    expect(s.phase).toBe('resolve');
    expect(s.deals).toHaveLength(1);
    expect(s.deals[0].wins).toBe(true);
    // Terms local + independent: Authority 2-2=0, Union 6+1=7, Residents 8+6=14, Greens 1+12=13.
    expect(s.seats.map((x) => x.points)).toEqual([70, 37, 5 + 14, 5 + 13]);
  });
  it('a deal without the veto seat does not win, and everyone gets its walk-away', () => {
    const s = run(
      negotiating(),
      deal(1, [1, 2, 3], [40, 30, 30]),
      { type: 'accept', seat: 2, proposal: 1 },
      { type: 'accept', seat: 3, proposal: 1 },
    ).state;
    const { state, events } = run(s, advance);
    expect(state.deals[0].wins).toBe(false);
    expect(events.some((e) => e.type === 'no-winning-deal')).toBe(true);
    expect(state.seats.map((x) => x.points)).toEqual([30, 10, 5, 5]);
    // A losing deal has no terms to deliver and plays no trust stage (rules v3).
    const after = run(state, advance).state;
    expect(after.phase).toBe('score');
    expect(after.history[0].trust).toEqual([]);
  });
  it('only fully accepted proposals become deals', () => {
    const s = run(
      negotiating(),
      deal(0, [0, 1, 2], [50, 30, 20]),
      { type: 'accept', seat: 1, proposal: 1 },
      advance,
    ).state;
    expect(s.deals).toEqual([]);
    expect(run(s, advance).state.phase).toBe('score');
  });
  it('pays stake × the mean payoff over partners and hands over each promise when its giver honoured its receiver', () => {
    let s = run(
      negotiating(),
      deal(0, [0, 1, 2], [50, 30, 20], {
        promises: [
          { from: 0, to: 2, points: 4 },
          { from: 1, to: 2, points: 3 },
        ],
      }),
      { type: 'accept', seat: 1, proposal: 1 },
      { type: 'accept', seat: 2, proposal: 1 },
      advance,
      advance,
    ).state;
    expect(s.phase).toBe('trust');
    const before = s.seats.map((x) => x.points);
    s = run(
      s,
      { type: 'trust', seat: 0, partner: 1, move: 'honour' },
      { type: 'trust', seat: 0, partner: 2, move: 'honour' },
      { type: 'trust', seat: 1, partner: 0, move: 'defect' },
      { type: 'trust', seat: 1, partner: 2, move: 'honour' },
      { type: 'trust', seat: 2, partner: 0, move: 'honour' },
      { type: 'trust', seat: 2, partner: 1, move: 'honour' },
      advance,
    ).state;
    const gained = s.seats.map((x, i) => x.points - before[i]);
    // Payoffs T 4, R 2, P 0, S −1. Authority: mean(S −1, R 2) × 5 = 2.5, honoured the Residents, so
    // pays its promise of 4. Union: mean(T 4, R 2) × 5 = 15; it defected on the Authority but honoured
    // the Residents, so its promise of 3 to them is paid. Residents: mean(R, R) × 5 = 10, receive 4 + 3.
    expect(gained).toEqual([2.5 - 4, 15 - 3, 10 + 4 + 3, 0]);
    expect(s.seats[1].reputation).toBe(44);
    expect(s.seats[0].reputation).toBe(51);
    expect(s.history[0].trust).toHaveLength(3);
  });
  it('a silent seat honours by default', () => {
    let s = run(
      negotiating(),
      deal(0, [0, 1], [70, 30]),
      { type: 'accept', seat: 1, proposal: 1 },
      advance,
      advance,
    ).state;
    s = run(s, advance).state;
    expect(s.history[0].trust[0]).toMatchObject({ moveA: 'honour', moveB: 'honour' });
  });
  it('a trust move may change before the reveal; refusals for non-partners and wrong phase', () => {
    let s = run(
      negotiating(),
      deal(0, [0, 1], [70, 30]),
      { type: 'accept', seat: 1, proposal: 1 },
      advance,
      advance,
    ).state;
    s = run(
      s,
      { type: 'trust', seat: 0, partner: 1, move: 'defect' },
      { type: 'trust', seat: 0, partner: 1, move: 'honour' },
    ).state;
    expect(s.trust[0].moveA).toBe('honour');
    expect(refusalOf(s, { type: 'trust', seat: 2, partner: 0, move: 'honour' })).toBe('not-partner');
    expect(refusalOf(s, { type: 'trust', seat: 0, partner: 1, move: 'maybe' } as unknown as Action)).toBe('bad-move');
    expect(refusalOf(negotiating(), { type: 'trust', seat: 0, partner: 1, move: 'honour' })).toBe('wrong-phase');
  });
  it('standing proposals and acceptances carry over, so a coalition holds until someone moves', () => {
    const s = roundTwo();
    expect(s.round).toBe(2);
    expect(s.phase).toBe('negotiate');
    const r = run(s, advance).state;
    expect(r.deals).toHaveLength(1);
  });
});

describe('concede', () => {
  it('a labelled concession is public, shows its cost against the prize and raises reputation once per pair per round', () => {
    const s = roundTwo(); // Authority has 70 + 0 (terms) + 10 (trust: R 2 × stake 5) = 80 points.
    expect(s.seats[0].points).toBe(80);
    const { state, events } = run(s, {
      type: 'concede',
      seat: 0,
      to: 2,
      points: 17,
      labelled: true,
      rationale: 'for the neighbourhood',
    });
    expect(state.seats[0].points).toBe(63);
    const ev = events.find((e) => e.type === 'conceded')!;
    expect(ev.to).toBe('all');
    // 17 of a prize of 100, never of the giver's private 80 points (which 0.21 would reveal).
    expect(ev).toMatchObject({ costShare: 0.17 });
    // 40 × 0.17 = 6.8 → 7, under the most of 8.
    expect(state.seats[0].reputation - s.seats[0].reputation).toBe(7);
    const again = run(state, { type: 'concede', seat: 0, to: 2, points: 17, labelled: true }).state;
    expect(again.seats[0].reputation).toBe(state.seats[0].reputation);
  });
  it('a silent concession is private to the two seats and raises reputation less', () => {
    const s = roundTwo();
    const { state, events } = run(s, { type: 'concede', seat: 0, to: 2, points: 40, labelled: false });
    expect(events.find((e) => e.type === 'conceded')!.to).toEqual([0, 2]);
    const labelled = run(s, { type: 'concede', seat: 0, to: 2, points: 40, labelled: true }).state;
    expect(state.seats[0].reputation - 50).toBeLessThan(labelled.seats[0].reputation - 50);
  });
  it.each<[string, Action, RefusalCode]>([
    ['conceding to yourself', { type: 'concede', seat: 0, to: 0, points: 1, labelled: true }, 'self-target'],
    ['conceding zero', { type: 'concede', seat: 0, to: 1, points: 0, labelled: true }, 'bad-points'],
    ['conceding a fraction', { type: 'concede', seat: 0, to: 1, points: 1.5, labelled: true }, 'bad-points'],
    [
      'conceding more than you have',
      { type: 'concede', seat: 3, to: 1, points: 500, labelled: true },
      'not-enough-points',
    ],
    ['conceding to nobody', { type: 'concede', seat: 0, to: 12, points: 1, labelled: true }, 'unknown-seat'],
  ])('refuses %s', (_name, action, code) => {
    expect(refusalOf(roundTwo(), action)).toBe(code);
  });
});

describe('declare and chat', () => {
  it('a declaration is public and may be made while preparing', () => {
    const prepare = createGame(smallScenario(), { mode: 'coalition', seed: 1 });
    const { state, events } = run(prepare, { type: 'declare', seat: 2, share: 15 });
    expect(state.seats[2].declared).toBe(15);
    expect(events[0].to).toBe('all');
    expect(refusalOf(prepare, { type: 'declare', seat: 2, share: 101 })).toBe('bad-share');
  });
  it('chat goes to the table or privately to one seat', () => {
    const s = negotiating();
    expect(run(s, { type: 'chat', seat: 1, to: null, text: ' hello ' }).events[0]).toMatchObject({
      to: 'all',
      message: { text: 'hello' },
    });
    expect(run(s, { type: 'chat', seat: 1, to: 2, text: 'psst' }).events[0].to).toEqual([1, 2]);
    expect(refusalOf(s, { type: 'chat', seat: 1, to: null, text: '   ' })).toBe('empty-text');
    expect(refusalOf(s, { type: 'chat', seat: 1, to: null, text: 'z'.repeat(281) })).toBe('text-too-long');
    expect(refusalOf(s, { type: 'chat', seat: 1, to: 1, text: 'me' })).toBe('self-target');
  });
  it('ready marks the seat and resets at the next phase', () => {
    const s = run(negotiating(), { type: 'ready', seat: 1 }).state;
    expect(s.seats[1].ready).toBe(true);
    expect(refusalOf(s, { type: 'ready', seat: 1 })).toBe('already-ready');
    expect(run(s, advance).state.seats[1].ready).toBe(false);
  });
});

describe('escalation', () => {
  const opened = () =>
    run(roundTwo(), {
      type: 'escalate',
      seat: 2,
      target: 0,
      demand: { kind: 'concession', points: 10 },
      rationale: 'the harbour is ours too',
    }).state;
  it('going public costs the escalator the stage cost and is shown to all', () => {
    const s = roundTwo();
    const { state, events } = run(s, { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 20 } });
    expect(state.seats[2].points).toBe(s.seats[2].points - 2);
    expect(events.find((e) => e.type === 'escalated')!.to).toBe('all');
    expect(state.escalations[0]).toMatchObject({ stage: 1, expiresRound: 3 });
  });
  it('ignoring a demand costs the target more reputation than refusing it publicly', () => {
    // The target leaves its deal so no trust stage moves its reputation.
    const ignored = run(opened(), { type: 'withdraw', seat: 0 }, advance, advance).state;
    const refused = run(
      opened(),
      { type: 'withdraw', seat: 0 },
      { type: 'refuse', seat: 0, escalation: 2, rationale: 'we cannot afford it' },
      advance,
      advance,
    ).state;
    expect(ignored.phase).toBe('score');
    const ignoredLoss = opened().seats[0].reputation - ignored.seats[0].reputation;
    const refusedLoss = opened().seats[0].reputation - refused.seats[0].reputation;
    expect(ignoredLoss).toBe(8);
    expect(refusedLoss).toBe(3);
  });
  it('a concession demand met by the target ends the escalation and credits the target only', () => {
    const s = opened();
    const { state, events } = run(s, { type: 'concede', seat: 0, to: 2, points: 10, labelled: true });
    expect(state.escalations).toEqual([]);
    expect(events.find((e) => e.type === 'demand-met')).toMatchObject({ byTarget: true });
    expect(
      events
        .filter((e) => e.type === 'reputation' && e.cause === 'demand-met')
        .map((e) => (e as { seat: number }).seat),
    ).toEqual([0]);
  });
  it('a pair of seats makes one demand of points per game; shares and options stay open', () => {
    const met = run(opened(), { type: 'concede', seat: 0, to: 2, points: 10, labelled: true }).state;
    expect(refusalOf(met, { type: 'escalate', seat: 2, target: 0, demand: { kind: 'concession', points: 10 } })).toBe(
      'demand-used',
    );
    expect(refusalOf(met, { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 20 } })).toBeNull();
    // Another pair may still make its own.
    expect(
      refusalOf(met, { type: 'escalate', seat: 3, target: 0, demand: { kind: 'concession', points: 10 } }),
    ).toBeNull();
  });
  it('a share demand is met by a winning deal that gives the escalator its share', () => {
    let s = run(roundTwo(), { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 20 } }).state;
    s = run(s, deal(0, [0, 1, 2], [50, 30, 20])).state;
    const id = s.proposals.find((p) => p.proposer === 0)!.id;
    s = run(s, { type: 'accept', seat: 1, proposal: id }, { type: 'accept', seat: 2, proposal: id }, advance).state;
    expect(s.escalations).toEqual([]);
  });
  it("mobilising and a formal complaint lower the target's walk-away by how many seats press it, not their power", () => {
    let s = run(roundTwo(), { type: 'escalate', seat: 1, target: 0, demand: { kind: 'share', share: 40 } }).state;
    const id = s.escalations[0].id;
    s = run(s, { type: 'raise', seat: 1, escalation: id }, { type: 'raise', seat: 1, escalation: id }).state;
    // One seat of four bites (1/2)² = 0.25: drop 0.25 × (0.5 + 0.5), walk-away 30 → 22.5.
    let alone = run(s, { type: 'withdraw', seat: 0 }, advance).state;
    expect(alone.seats[0].points - s.seats[0].points).toBeCloseTo(22.5, 2);
    // A co-signer makes two seats of four, a third of the table and more: full bite, walk-away 0.
    s = run(s, { type: 'cosign', seat: 2, escalation: id }).state;
    alone = run(s, { type: 'withdraw', seat: 0 }, advance).state;
    expect(alone.seats[0].points - s.seats[0].points).toBeCloseTo(0, 2);
  });
  it("a formal complaint shrinks the target's income from the deal it sits in, and the points are destroyed", () => {
    let s = run(roundTwo(), { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 20 } }).state;
    const id = s.escalations[0].id;
    s = run(
      s,
      { type: 'raise', seat: 2, escalation: id },
      { type: 'cosign', seat: 3, escalation: id },
      { type: 'raise', seat: 2, escalation: id },
    ).state;
    const total = (x: GameState) => x.seats.reduce((a, b) => a + b.points, 0);
    const before = s;
    s = run(s, advance).state;
    // The Authority stays in its 70/30 deal with the Union. Two seats of four: full bite, so
    // 0.3 × 70 = 21 of its prize income is destroyed; the Union is paid in full.
    expect(s.income[0].prize).toBe(70);
    expect(s.income[0].escalation).toBeCloseTo(-21, 2);
    expect(s.income[1].escalation).toBe(0);
    // Nobody receives the 21: the table grows by the prize 100, the terms 0 + 7 + 14 + 13 and the
    // outsiders' walk-aways 5 + 5 (their stage 2–3 drop is not theirs: they press), less the cut.
    expect(total(s) - total(before)).toBeCloseTo(100 + 34 + 10 - 21, 2);
  });
  it('stage 4 costs both sides points every round, the target by the bite of the side', () => {
    let s = run(roundTwo(), { type: 'escalate', seat: 1, target: 0, demand: { kind: 'concession', points: 50 } }).state;
    const id = s.escalations[0].id;
    s = run(
      s,
      { type: 'raise', seat: 1, escalation: id },
      { type: 'raise', seat: 1, escalation: id },
      { type: 'raise', seat: 1, escalation: id },
      advance,
    ).state;
    const income = s.income;
    s = run(s, advance, advance).state;
    expect(s.phase).toBe('score');
    // One seat of four bites 0.25: the complaint cut 0.3 × 0.25 × 70 = 5.25 at resolve, then the
    // action 40 × 0.25 = 10 at the score; the Union pays 4 for action.
    expect(s.income[0].escalation).toBeCloseTo(-5.25 - 10, 2);
    expect(s.income[1].escalation - income[1].escalation).toBe(-4);
  });
  it('two escalations by the same side press once: the pressing side is the union of escalators and co-signers', () => {
    let s = run(
      roundTwo(),
      { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 20 } },
      { type: 'escalate', seat: 3, target: 0, demand: { kind: 'share', share: 20 } },
    ).state;
    const [a, b] = s.escalations.map((e) => e.id);
    s = run(
      s,
      { type: 'raise', seat: 2, escalation: a },
      { type: 'raise', seat: 3, escalation: b },
      { type: 'cosign', seat: 3, escalation: a },
    ).state;
    // Residents and Greens, counted once: two seats of four bite fully, 30 × (1 − 1 × 0.5) = 15.
    // Counted twice they would still be capped at 1, so check the count too.
    expect(pressingSide(s, 0, 2)).toEqual([2, 3]);
    const before = s.seats[0].points;
    s = run(s, { type: 'withdraw', seat: 0 }, advance).state;
    expect(s.seats[0].points - before).toBeCloseTo(15, 2);
  });
  it('a share demand that a deal without the target meets ends without credit to anyone', () => {
    let s = run(negotiating(), { type: 'declare', seat: 3, share: 0 }).state;
    s = run(
      s,
      deal(0, [0, 1], [70, 30]),
      { type: 'accept', seat: 1, proposal: 1 },
      advance,
      advance,
      advance,
      advance,
    ).state;
    s = run(s, { type: 'escalate', seat: 1, target: 3, demand: { kind: 'share', share: 30 } }).state;
    const before = s.seats[3].reputation;
    const { state, events } = run(s, advance);
    expect(state.escalations).toEqual([]);
    expect(events.find((e) => e.type === 'demand-met')).toMatchObject({ byTarget: false });
    // The target did nothing, so it earns nothing; the escalator earns no reputation for it either.
    expect(state.seats[3].reputation).toBe(before);
    expect(events.some((e) => e.type === 'reputation' && e.cause === 'demand-met')).toBe(false);
  });
  it('a share demand met by a deal the target sits in credits the target only', () => {
    let s = run(roundTwo(), { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 20 } }).state;
    s = run(s, deal(0, [0, 1, 2], [50, 30, 20])).state;
    const id = s.proposals.find((p) => p.proposer === 0)!.id;
    const { state, events } = run(
      s,
      { type: 'accept', seat: 1, proposal: id },
      { type: 'accept', seat: 2, proposal: id },
      advance,
    );
    expect(events.find((e) => e.type === 'demand-met')).toMatchObject({ byTarget: true });
    expect(state.seats[0].reputation - s.seats[0].reputation).toBe(4);
    expect(state.seats[2].reputation).toBe(s.seats[2].reputation);
  });
  it('renewing is refused before the escalation is due to lapse, so it never costs points for nothing', () => {
    const s = opened();
    expect(refusalOf(s, { type: 'renew', seat: 2, escalation: 2 })).toBe('not-expiring');
  });
  it('a silent concession records no cost share, and a non-party does not see what was conceded toward a demand', () => {
    const s = run(opened(), { type: 'concede', seat: 0, to: 2, points: 3, labelled: false }).state;
    expect(s.concessions.at(-1)!.costShare).toBe(0);
    expect(viewFor(s, 1).escalations[0].conceded).toBe(0);
    expect(viewFor(s, 2).escalations[0].conceded).toBe(3);
  });
  it('refuses free text that is not text', () => {
    expect(refusalOf(opened(), { type: 'refuse', seat: 0, escalation: 2, rationale: 42 } as unknown as Action)).toBe(
      'bad-text',
    );
    expect(refusalOf(negotiating(), { ...deal(0, [0, 1], [50, 50]), rationale: {} } as unknown as Action)).toBe(
      'bad-text',
    );
    expect(refusalOf(negotiating(), { ...deal(0, [0, 1], [50, 50]), promises: [null] } as unknown as Action)).toBe(
      'bad-promise',
    );
  });
  it('lapses at the end of the next round unless renewed', () => {
    let s = opened(); // round 2
    s = run(s, advance, advance, advance, advance).state; // round 3 negotiate
    expect(s.escalations).toHaveLength(1);
    const renewed = run(
      s,
      { type: 'renew', seat: 2, escalation: s.escalations[0].id },
      advance,
      advance,
      advance,
      advance,
    ).state;
    expect(renewed.escalations).toHaveLength(1);
    const lapsed = run(s, advance, advance, advance);
    expect(lapsed.state.escalations).toHaveLength(0);
    expect(lapsed.events.some((e) => e.type === 'lapsed')).toBe(true);
  });
  it.each<[string, Action, RefusalCode]>([
    [
      'a second escalation against the same seat',
      { type: 'escalate', seat: 2, target: 0, demand: { kind: 'share', share: 5 } },
      'already-escalating',
    ],
    [
      'escalating against yourself',
      { type: 'escalate', seat: 2, target: 2, demand: { kind: 'share', share: 5 } },
      'self-target',
    ],
    ['a share over 100', { type: 'escalate', seat: 1, target: 0, demand: { kind: 'share', share: 101 } }, 'bad-demand'],
    [
      'an unknown option',
      { type: 'escalate', seat: 1, target: 0, demand: { kind: 'option', issue: 'jobs', option: 'robots' } },
      'bad-demand',
    ],
    ["raising another seat's escalation", { type: 'raise', seat: 1, escalation: 2 }, 'not-escalator'],
    ['renewing a missing escalation', { type: 'renew', seat: 2, escalation: 99 }, 'unknown-escalation'],
    ['co-signing at stage 1', { type: 'cosign', seat: 1, escalation: 2 }, 'stage-too-low'],
    ['the target co-signing', { type: 'cosign', seat: 0, escalation: 2 }, 'self-target'],
    ['refusing a demand made to another', { type: 'refuse', seat: 1, escalation: 2, rationale: 'no' }, 'not-target'],
    ['refusing without a rationale', { type: 'refuse', seat: 0, escalation: 2, rationale: '  ' }, 'empty-text'],
  ])('refuses %s', (_name, action, code) => {
    expect(refusalOf(opened(), action)).toBe(code);
  });
  it('refuses raising beyond stage 4 and co-signing twice', () => {
    let s = opened();
    s = run(
      s,
      { type: 'raise', seat: 2, escalation: 2 },
      { type: 'cosign', seat: 1, escalation: 2 },
      { type: 'raise', seat: 2, escalation: 2 },
      { type: 'raise', seat: 2, escalation: 2 },
    ).state;
    expect(refusalOf(s, { type: 'raise', seat: 2, escalation: 2 })).toBe('max-stage');
    expect(refusalOf(s, { type: 'cosign', seat: 1, escalation: 2 })).toBe('already-cosigned');
  });
});

describe('phases and the end', () => {
  it('runs prepare → negotiate → resolve → trust → score for each round and ends after the hidden count', () => {
    let s = createGame(smallScenario(), { mode: 'coalition', seed: 5 });
    const phases: string[] = [];
    while (s.phase !== 'end') {
      s = run(s, advance).state;
      phases.push(s.phase);
    }
    expect(phases.slice(0, 3)).toEqual(['negotiate', 'resolve', 'score']);
    expect(s.history).toHaveLength(s.totalRounds);
    expect(refusalOf(s, advance)).toBe('game-over');
    expect(refusalOf(s, { type: 'chat', seat: 0, to: null, text: 'hi' })).toBe('game-over');
    // Nobody made a deal: everyone has exactly its baseline.
    expect(s.seats.map((x) => x.points)).toEqual([30, 10, 5, 5].map((w) => w * s.totalRounds));
  });
  it('refuses actions for a seat that does not exist and coalition actions in the trust game', () => {
    expect(refusalOf(negotiating(), { type: 'ready', seat: 4 })).toBe('unknown-seat');
    expect(refusalOf(negotiating(), { type: 'ready', seat: -1 })).toBe('unknown-seat');
    const t = run(createGame(smallScenario(), { mode: 'trust', seed: 1, rounds: 3 }), advance).state;
    expect(refusalOf(t, deal(0, [0, 1], [50, 50]))).toBe('wrong-phase');
  });
});

describe('the trust game', () => {
  it("every pair plays each round and noise flips moves with the game's generator", () => {
    let s = run(createGame(smallScenario(), { mode: 'trust', seed: 9, rounds: 40, noise: 0.1 }), advance).state;
    expect(s.phase).toBe('trust');
    expect(s.trust).toHaveLength(6);
    let flips = 0;
    let moves = 0;
    while (s.phase !== 'end') {
      if (s.phase === 'trust') {
        for (const p of s.trust) {
          s = run(
            s,
            { type: 'trust', seat: p.a, partner: p.b, move: 'honour' },
            { type: 'trust', seat: p.b, partner: p.a, move: 'honour' },
          ).state;
        }
      }
      s = run(s, advance).state;
    }
    for (const h of s.history)
      for (const p of h.trust) {
        moves += 2;
        flips += Number(p.moveA !== p.chosenA) + Number(p.moveB !== p.chosenB);
      }
    expect(moves).toBe(40 * 6 * 2);
    expect(flips / moves).toBeGreaterThan(0.06);
    expect(flips / moves).toBeLessThan(0.14);
  });
});
