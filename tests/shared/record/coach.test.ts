import { describe, expect, it } from 'vitest';
import { rotation } from '../../../shared/bots/coalition-tournament';
import { PERSONA_NAMES } from '../../../shared/bots/personas';
import { simulate } from '../../../shared/bots/simulate';
import type { Role, Scenario } from '../../../shared/engine/types';
import { coachNote, type CoachNote } from '../../../shared/record/coach';
import { isLessonId } from '../../../shared/record/lessons';
import type { GameRecord } from '../../../shared/record/log';
import { builtInScenarios } from '../../../shared/scenarios';
import { smallScenario } from '../fixtures';
import { accept, AUTHORITY, defect, GREENS, nextId, propose, RESIDENTS, Table, UNION } from './build';

const all = (n: CoachNote) => [n.headline, ...n.moved, n.suggestion].join('\n');

describe('coachNote: what moved the numbers', () => {
  it('breaks a round down by source, with the trust stage and reputation', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const note = coachNote(t.record(), UNION, 1);
    expect(note).toEqual({
      headline: 'Round 1: you gained 47 points (47 in all); your reputation rose 1 to 51.',
      moved: [
        'You earned 37: 30 from your 30% share of the prize, 7 from the terms.',
        'The trust stage added 10: Authority honoured you.',
        'Your reputation rose 1 to 51: +1 for honouring every partner.',
      ],
      suggestion:
        'You have not asked anyone what matters most to them. Ask your partners: the answer ranks their issues truthfully, and a package built on it can give them more at little cost to you.',
      lesson: 'ask-what-matters',
    });
  });

  it('explains a seat outside the deal, its walk-away and the terms in force, and maps the power', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const note = coachNote(t.record(), GREENS, 1);
    expect(note.moved).toEqual([
      'You were outside the winning deal: 5 from your walk-away; the terms in force added 13.',
    ]);
    expect(note.lesson).toBe('map-power');
    expect(note.suggestion).toMatch(
      /^You were outside the winning deal\. Map the power: you and Authority would hold 7 of 12, enough for the quota of 7/,
    );
  });

  it('explains concessions given and received, and escalation costs', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    t.round([
      { type: 'concede', seat: UNION, to: RESIDENTS, points: 4, labelled: true },
      { type: 'escalate', seat: RESIDENTS, target: AUTHORITY, demand: { kind: 'share', share: 10 } },
    ]);
    expect(coachNote(t.record(), UNION, 2).moved).toContain('Concessions: you gave 4 to Residents (labelled).');
    const residents = coachNote(t.record(), RESIDENTS, 2).moved;
    expect(residents).toContain('Concessions: Union gave you 4.');
    expect(residents).toContain('Escalation cost you 2: 2 for the stages you opened, raised or renewed.');
  });

  it('refuses a round that has not been scored and a seat that is not at the table', () => {
    const t = new Table();
    t.round();
    expect(() => coachNote(t.record(), 0, 2)).toThrow(RangeError);
    expect(() => coachNote(t.record(), 4, 1)).toThrow(RangeError);
  });
});

describe('coachNote: one suggestion grounded in a lesson', () => {
  it('answers a partner who defected with tit-for-tat', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)], [defect(AUTHORITY, UNION)]);
    const note = coachNote(t.record(), UNION, 1);
    expect(note.lesson).toBe('cooperation-pays-when-repeated');
    expect(note.suggestion).toMatch(
      /^Authority defected on you while you honoured\. Answer in kind next round — tit-for-tat/,
    );
    // Honouring a partner who defects is the sucker's payoff: S −1 × stake 5.
    expect(note.moved).toContain('The trust stage cost you 5: Authority defected on you.');
    const defector = coachNote(t.record(), AUTHORITY, 1);
    expect(defector.lesson).toBe('cooperation-pays-when-repeated');
    expect(defector.suggestion).toMatch(
      /^Your defection on Union, who honoured, earned the temptation payoff once and cost you 6 reputation/,
    );
  });

  it('offers the face-saving way out to the target of an escalation', () => {
    const t = new Table();
    t.round([{ type: 'escalate', seat: RESIDENTS, target: AUTHORITY, demand: { kind: 'share', share: 10 } }]);
    const note = coachNote(t.record(), AUTHORITY, 1);
    expect(note.lesson).toBe('de-escalation-saves-face');
    expect(note.suggestion).toBe(
      "Residents' public demand (10% of the next winning deal) stands against you at stage 1. Each round you ignore it costs you 8 reputation. Meeting it ends the escalation and credits you both: a way to concede without losing face. If you cannot meet it, refuse it publicly with a reason: that costs 3 instead of 8.",
    );
  });

  it('suggests the next stage when a demand is ignored', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([
      propose(AUTHORITY, [0, 1], [70, 30]),
      accept(UNION, p),
      { type: 'escalate', seat: UNION, target: AUTHORITY, demand: { kind: 'share', share: 40 } },
    ]);
    const note = coachNote(t.record(), UNION, 1);
    expect(note.lesson).toBe('staged-escalation');
    expect(note.suggestion).toMatch(
      /^Authority ignored your public demand and lost 8 reputation for it\. If that is not enough, mobilise/,
    );
  });

  it('suggests staged escalation with co-signers when the strong seat keeps refusing a seat shut out', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const mine = nextId(t);
    t.round([
      propose(RESIDENTS, [0, 2], [50, 50]),
      { type: 'reject', seat: AUTHORITY, proposal: mine, reason: 'Too much.' },
    ]);
    const note = coachNote(t.record(), RESIDENTS, 2);
    expect(note.lesson).toBe('staged-escalation');
    expect(note.suggestion).toBe(
      "You have been outside the winning deal for 2 rounds and Authority keeps refusing. Escalate in stages: go public with one clear demand, then mobilise and ask Greens to co-sign. Each co-signer's power adds to the pressure, and each stage gives Authority another chance to concede.",
    );
  });

  it('suggests a labelled concession to a seat whose reputation is low', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)], [defect(UNION, AUTHORITY)]);
    t.round([], [defect(UNION, AUTHORITY)]);
    t.round([{ type: 'ask', seat: UNION, target: AUTHORITY }]);
    expect(t.state.seats[UNION].reputation).toBe(39);
    const note = coachNote(t.record(), UNION, 3);
    expect(note.lesson).toBe('label-concessions');
    expect(note.suggestion).toMatch(/^Your reputation is 39/);
  });

  it('tells a seat that broke its declared minimum share to hold its line', () => {
    const t = new Table();
    t.act({ type: 'declare', seat: UNION, share: 40 }).advance();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const note = coachNote(t.record(), UNION, 1);
    expect(note.lesson).toBe('walk-away-clarity');
    expect(note.moved).toContain(
      'Your reputation fell 5 to 45: -6 for accepting less than your declared minimum share, +1 for honouring every partner.',
    );
  });

  it('points out a package the answers it got would improve, with its own cost', () => {
    const t = new Table();
    const ask = nextId(t);
    t.advance().act({ type: 'ask', seat: AUTHORITY, target: GREENS }, { type: 'answer', seat: GREENS, ask });
    const p = nextId(t);
    t.round([
      propose(AUTHORITY, [0, 1, 3], [60, 30, 10], { terms: { jobs: 'none', review: 'none' } }),
      accept(UNION, p),
      accept(GREENS, p),
    ]);
    const note = coachNote(t.record(), AUTHORITY, 1);
    expect(note.lesson).toBe('create-value-with-packages');
    // The Authority's own values: review none 4, independent −2: the change costs it 6.
    expect(note.suggestion).toBe(
      'Greens told you its top priority is Independent on Review, and the terms in force do not give it. Offering it costs you 6 a round; propose the same coalition with that option and ask for something you value in return.',
    );
  });

  it('asks for a rationale, then for patience when everyone honoured', () => {
    const t = new Table();
    t.advance().act({ type: 'ask', seat: AUTHORITY, target: UNION });
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30], { rationale: '' }), accept(UNION, p)]);
    expect(coachNote(t.record(), AUTHORITY, 1).lesson).toBe('explain-demands');
    t.round();
    expect(coachNote(t.record(), AUTHORITY, 2).lesson).toBe('shadow-of-the-future');
  });

  it('coaches the trust game, forgiving under noise', () => {
    const t = new Table(smallScenario(), { mode: 'trust', seed: 3, rounds: 3 });
    t.trustRound();
    const calm = coachNote(t.record(), UNION, 1);
    expect(calm.lesson).toBe('shadow-of-the-future');
    expect(calm.moved).toEqual([
      'The trust stage added 15: Authority, Residents and Greens honoured you.',
      'Your reputation rose 1 to 51: +1 for honouring every partner.',
    ]);
    const noisy = new Table(smallScenario(), { mode: 'trust', seed: 1, rounds: 1, noise: 1 });
    noisy.trustRound([defect(AUTHORITY, UNION)]);
    expect(coachNote(noisy.record(), AUTHORITY, 1).lesson).toBe('forgiveness-under-noise');
  });
});

describe('coachNote: only what the seat could see', () => {
  /** Other seats' private numbers are sentinels that cannot arise from the seat's own numbers. */
  function sentinelScenario(): Scenario {
    const base = smallScenario();
    let k = 0;
    const primes = [
      7919, 7927, 7933, 7937, 7949, 7951, 7963, 7993, 8009, 8011, 8017, 8039, 8053, 8059, 8069, 8081, 8087, 8089, 8093,
      8101, 8111, 8117, 8123, 8147, 8161, 8167, 8171, 8179,
    ];
    const roles: Role[] = base.roles.map((r) => ({
      ...r,
      walkAway: primes[k++],
      briefing: `SECRET-BRIEFING-${r.id}`,
      values: Object.fromEntries(
        Object.entries(r.values).map(([issue, opts]) => [
          issue,
          Object.fromEntries(Object.keys(opts).map((o) => [o, primes[k++]])),
        ]),
      ),
    }));
    return { ...base, roles };
  }

  function sentinelGame(): GameRecord {
    const t = new Table(sentinelScenario());
    t.act({ type: 'declare', seat: RESIDENTS, share: 20 }).advance();
    const p = nextId(t);
    const ask = p + 1;
    t.round([
      propose(AUTHORITY, [0, 1], [70, 30]),
      accept(UNION, p),
      { type: 'ask', seat: GREENS, target: UNION },
      { type: 'answer', seat: UNION, ask },
    ]);
    const esc = nextId(t);
    t.round(
      [
        {
          type: 'escalate',
          seat: RESIDENTS,
          target: AUTHORITY,
          demand: { kind: 'share', share: 20 },
          rationale: 'Let us in.',
        },
        { type: 'concede', seat: UNION, to: GREENS, points: 3, labelled: false },
        { type: 'concede', seat: AUTHORITY, to: RESIDENTS, points: 5, labelled: true },
        { type: 'chat', seat: UNION, to: AUTHORITY, text: 'PRIVATE-CHAT' },
      ],
      [defect(UNION, AUTHORITY)],
    );
    t.round([
      { type: 'raise', seat: RESIDENTS, escalation: esc },
      { type: 'cosign', seat: GREENS, escalation: esc },
    ]);
    const q = nextId(t);
    t.round([propose(AUTHORITY, [0, 2, 3], [60, 20, 20]), accept(RESIDENTS, q), accept(GREENS, q)]);
    return t.record();
  }

  it("never mentions another seat's walk-away, values, points or briefing", () => {
    const record = sentinelGame();
    const scenario = record.scenario;
    for (let seat = 0; seat < scenario.roles.length; seat++) {
      const own = new Set<number>([
        scenario.roles[seat].walkAway,
        ...Object.values(scenario.roles[seat].values).flatMap((o) => Object.values(o)),
      ]);
      const secrets = scenario.roles.flatMap((r, i) =>
        i === seat ? [] : [r.walkAway, ...Object.values(r.values).flatMap((o) => Object.values(o))],
      );
      for (let round = 1; round <= 4; round++) {
        const text = all(coachNote(record, seat, round));
        for (const secret of secrets) if (!own.has(secret)) expect(text).not.toMatch(new RegExp(`\\b${secret}\\b`));
        expect(text).not.toMatch(/SECRET-BRIEFING|PRIVATE-CHAT/);
      }
    }
  });

  it("is the same whatever the other seats' private data are", () => {
    const record = sentinelGame();
    for (let seat = 0; seat < record.scenario.roles.length; seat++) {
      // Shift every other seat's walk-away and every value of an issue by one amount: its points
      // change, but what this seat saw (answers rank issues by their spread) does not.
      const scrambled: GameRecord = {
        ...record,
        scenario: {
          ...record.scenario,
          roles: record.scenario.roles.map((r, i) =>
            i === seat
              ? r
              : {
                  ...r,
                  walkAway: r.walkAway + 1000 + i,
                  briefing: 'other',
                  values: Object.fromEntries(
                    Object.entries(r.values).map(([issue, o]) => [
                      issue,
                      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v + 500])),
                    ]),
                  ),
                },
          ),
        },
      };
      for (let round = 1; round <= 4; round++)
        expect(coachNote(scrambled, seat, round)).toEqual(coachNote(record, seat, round));
    }
  });

  it('writes a note for every seat and round of simulated games of every scenario', () => {
    for (const scenario of builtInScenarios) {
      const sim = simulate(scenario, rotation(PERSONA_NAMES, scenario.roles.length, 3, 'normal'), 21);
      const record: GameRecord = { scenario, config: sim.state.config, log: sim.log };
      for (let seat = 0; seat < scenario.roles.length; seat++) {
        for (let round = 1; round <= sim.state.totalRounds; round++) {
          const note = coachNote(record, seat, round);
          expect(note.headline.startsWith(`Round ${round}: `)).toBe(true);
          expect(isLessonId(note.lesson)).toBe(true);
          expect(note.suggestion.length).toBeGreaterThan(20);
          expect(all(note)).not.toMatch(/undefined|NaN|\[object/);
        }
      }
    }
  });
});
