// Every event this seat can see becomes a readable sentence, in the glossary's words, and the
// sentences name "you" for the viewer's own seat.
import { describe, expect, it } from 'vitest';
import { apply } from '../../shared/engine/apply';
import { createGame } from '../../shared/engine/setup';
import type { Action, Escalation, GameEvent, GameState, Proposal, Terms } from '../../shared/engine/types';
import { viewFor } from '../../shared/engine/view';
import { scenarioById } from '../../shared/scenarios/index';
import { demandText, describe as sentence, termsText } from '../../client/game/format';

const harbour = scenarioById('harbour-development')!;
const terms = Object.fromEntries(harbour.issues.map((i) => [i.id, i.options[1].id]));

function play(steps: (Action | ((s: GameState) => Action))[]): { state: GameState; events: GameEvent[] } {
  let state = createGame(harbour, { mode: 'coalition', seed: 3 });
  const events: GameEvent[] = [];
  for (const step of steps) {
    const a = typeof step === 'function' ? step(state) : step;
    const r = apply(state, a);
    if (!r.ok) throw new Error(`${a.type}: ${r.refusal.message}`);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

describe('the event feed', () => {
  const { state, events } = play([
    { type: 'advance' },
    { type: 'declare', seat: 1, share: 20 },
    { type: 'propose', seat: 1, members: [1, 2, 3], split: [40, 30, 30], terms, rationale: 'jobs for all' },
    (s) => ({ type: 'accept', seat: 2, proposal: s.proposals[0].id }),
    { type: 'ask', seat: 1, target: 2 },
    (s) => ({ type: 'answer', seat: 2, ask: s.asks[0].id }),
    { type: 'chat', seat: 1, to: null, text: 'hello table' },
    (s) => ({ type: 'accept', seat: 3, proposal: s.proposals[0].id }),
    { type: 'advance' },
    { type: 'advance' },
    { type: 'trust', seat: 1, partner: 2, move: 'honour' },
    { type: 'trust', seat: 2, partner: 1, move: 'defect' },
    { type: 'advance' },
    { type: 'advance' },
    { type: 'concede', seat: 1, to: 2, points: 1, labelled: true, rationale: 'a gift' },
    { type: 'escalate', seat: 1, target: 0, demand: { kind: 'share', share: 30 }, rationale: 'fair' },
  ]);
  const view = viewFor(state, 1);
  const lines = events.filter((e) => e.to === 'all' || e.to.includes(1)).map((e) => sentence(view, e));

  it('played a game that raised every kind of event the sentences below check in isolation', () => {
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(12);
    expect(lines.filter((l) => l !== null).length).toBeGreaterThan(12);
  });

  it('speaks to the viewer as "you"', () => {
    const text = lines.map((l) => l?.text ?? '').join('\n');
    expect(text).toContain('You proposed');
    expect(text).toContain('You declared a minimum share: no deal below 20%.');
    expect(text).toMatch(/Deal wins: You, Harbour Traders' Guild and Eastside Residents' Association/);
    expect(text).toMatch(/Trust revealed: .*Harbour Traders' Guild defected on you/);
    expect(text).toContain('a labelled concession costing');
    expect(text).toContain(
      'went public against Harbour Development Authority, demanding at least 30% of the next winning deal',
    );
  });

  it('marks the lines that involve the viewer', () => {
    const mine = lines.filter((l) => l?.mine).length;
    expect(mine).toBeGreaterThan(5);
  });

  it('names terms and demands by their options', () => {
    expect(termsText(harbour, terms)).toBe(harbour.issues.map((i) => i.options[1].name).join(' · '));
    expect(demandText(harbour, { kind: 'option', issue: 'jobs', option: 'union' })).toBe(
      'Jobs on the site: Union jobs',
    );
    expect(demandText(harbour, { kind: 'concession', points: 7 })).toBe('a concession of 7 points');
  });
});

// One hand-written sentence for every kind of event, seen by the Dockworkers' Union (seat 1) of
// Harbour development. The mapped type makes a new kind of event a type error here until it has one.
type Sample<K extends GameEvent['type']> = [
  event: Omit<Extract<GameEvent, { type: K }>, 'to'>,
  sentence: string | null,
  mine?: boolean,
];
type Samples = { [K in GameEvent['type']]: Sample<K>[] };

const T: Terms = { jobs: 'union', housing: 'affordable-20', review: 'independent', waterfront: 'promenade' };
const TERMS = 'Union jobs · 20% affordable · Independent review · Public promenade';
const proposal: Proposal = {
  id: 4,
  round: 1,
  proposer: 2,
  members: [1, 2, 3],
  split: [40, 35, 25],
  terms: T,
  promises: [],
  rationale: 'jobs for all',
  visibility: 'members',
  counterTo: 3,
  rejections: [],
};
const escalation: Escalation = {
  id: 1,
  escalator: 1,
  target: 0,
  demand: { kind: 'share', share: 30 },
  rationale: 'fair',
  stage: 1,
  cosigners: [],
  openedRound: 1,
  expiresRound: 2,
  refusal: null,
  conceded: 0,
};
const pair = (a: number, b: number, moveA: 'honour' | 'defect', moveB: 'honour' | 'defect') => ({
  a,
  b,
  moveA,
  moveB,
  chosenA: moveA,
  chosenB: moveB,
});

const samples: Samples = {
  phase: [
    [{ type: 'phase', phase: 'trust', round: 2 }, 'Round 2: Trust.', false],
    [{ type: 'phase', phase: 'end', round: 6 }, 'The game is over. The debrief is open.', false],
  ],
  proposed: [
    [
      { type: 'proposed', proposal },
      `Harbour Traders' Guild proposed (a counter-proposal) to its members only: You 40%, Harbour Traders' Guild 35%, Eastside Residents' Association 25%; ${TERMS} — “jobs for all”`,
      true,
    ],
    [
      {
        type: 'proposed',
        proposal: {
          ...proposal,
          proposer: 0,
          members: [0, 4],
          split: [70, 30],
          rationale: '',
          visibility: 'public',
          counterTo: null,
        },
      },
      `Harbour Development Authority proposed: Harbour Development Authority 70%, Green Harbour Coalition 30%; ${TERMS}`,
      false,
    ],
  ],
  accepted: [[{ type: 'accepted', seat: 1, proposal: 4 }, 'You accept proposal #4.', true]],
  withdrew: [
    [{ type: 'withdrew', seat: 3, proposal: 4 }, "Eastside Residents' Association withdrew from proposal #4.", false],
  ],
  rejected: [
    [
      { type: 'rejected', seat: 4, proposal: 4, reason: 'too little' },
      'Green Harbour Coalition rejected proposal #4: “too little”',
      false,
    ],
    [{ type: 'rejected', seat: 1, proposal: 4, reason: '' }, 'You rejected proposal #4.', true],
  ],
  asked: [
    [{ type: 'asked', ask: 2, from: 0, target: 1 }, 'Harbour Development Authority asked you what matters most.', true],
  ],
  answered: [
    [
      {
        type: 'answered',
        ask: 2,
        from: 1,
        target: 3,
        answer: [
          { issue: 'jobs', preferred: 'local' },
          { issue: 'housing', preferred: 'affordable-35' },
          { issue: 'review', preferred: 'none' },
        ],
      },
      "Eastside Residents' Association answered you: cares most about Jobs on the site (prefers Local hiring quota), then Housing on the old docks (prefers 35% affordable).",
      true,
    ],
  ],
  declined: [
    [
      { type: 'declined', ask: 3, from: 0, target: 2 },
      "Harbour Traders' Guild declined to say what matters most.",
      false,
    ],
  ],
  conceded: [
    [
      { type: 'conceded', from: 1, receiver: 2, points: 3, labelled: true, costShare: 0.03, rationale: 'a gift' },
      "You gave Harbour Traders' Guild 3 points — a labelled concession costing 3% of your points: “a gift”",
      true,
    ],
    [
      { type: 'conceded', from: 2, receiver: 1, points: 2.5, labelled: false, costShare: 0.02, rationale: '' },
      "Harbour Traders' Guild gave you 2.5 points (silently)",
      true,
    ],
  ],
  declared: [
    [
      { type: 'declared', seat: 3, share: 20 },
      "Eastside Residents' Association declared a minimum share: no deal below 20%.",
      false,
    ],
  ],
  escalated: [
    [
      { type: 'escalated', escalation },
      'You went public against Harbour Development Authority, demanding at least 30% of the next winning deal — “fair”',
      true,
    ],
    [
      {
        type: 'escalated',
        escalation: {
          ...escalation,
          escalator: 4,
          target: 1,
          demand: { kind: 'option', issue: 'review', option: 'independent' },
          rationale: '',
        },
      },
      'Green Harbour Coalition went public against you, demanding Environmental review: Independent review',
      true,
    ],
  ],
  raised: [
    [
      { type: 'raised', escalation: 1, stage: 2 },
      'You raised the escalation against Harbour Development Authority to stage 2 (mobilise).',
      true,
    ],
    [{ type: 'raised', escalation: 9, stage: 3 }, 'Escalation #9 rose to stage 3 (formal complaint).', false],
  ],
  renewed: [
    [
      { type: 'renewed', escalation: 1 },
      'You renewed the escalation against Harbour Development Authority for another round.',
      true,
    ],
    [{ type: 'renewed', escalation: 9 }, 'Escalation #9 was renewed for another round.', false],
  ],
  cosigned: [
    [
      { type: 'cosigned', escalation: 1, seat: 4 },
      'Green Harbour Coalition co-signed your escalation against Harbour Development Authority.',
      false,
    ],
    [{ type: 'cosigned', escalation: 9, seat: 4 }, 'Green Harbour Coalition co-signed escalation #9.', false],
  ],
  refused: [
    [
      { type: 'refused', escalation: 1, rationale: 'we cannot' },
      "Harbour Development Authority refused the demand of Dockworkers' Union publicly: “we cannot”",
      true,
    ],
    [
      { type: 'refused', escalation: 9, rationale: 'no' },
      'The demand of escalation #9 was refused publicly: “no”',
      false,
    ],
  ],
  'demand-met': [
    [
      { type: 'demand-met', escalation: 1, byTarget: true },
      "The demand of Dockworkers' Union on Harbour Development Authority was met; the escalation ends.",
      true,
    ],
    [
      { type: 'demand-met', escalation: 9, byTarget: false },
      'The demand of escalation #9 was met; the escalation ends.',
      false,
    ],
  ],
  lapsed: [
    [
      { type: 'lapsed', escalation: 1 },
      "The escalation of Dockworkers' Union against Harbour Development Authority lapsed.",
      true,
    ],
    [{ type: 'lapsed', escalation: 9 }, 'Escalation #9 lapsed.', false],
  ],
  chat: [
    [
      { type: 'chat', message: { id: 1, round: 1, from: 2, to: 1, text: 'a word?' } },
      "Harbour Traders' Guild (to you): a word?",
      true,
    ],
    [{ type: 'chat', message: { id: 2, round: 1, from: 1, to: null, text: 'hello table' } }, 'You: hello table', true],
    [
      { type: 'chat', message: { id: 3, round: 1, from: 0, to: 4, text: 'psst' } },
      'Harbour Development Authority (to Green Harbour Coalition): psst',
      false,
    ],
  ],
  'trust-chosen': [
    [
      { type: 'trust-chosen', seat: 1, partner: 2, move: 'honour' },
      "You chose to honour with Harbour Traders' Guild (hidden until the reveal).",
      true,
    ],
  ],
  'trust-revealed': [
    [
      {
        type: 'trust-revealed',
        pairs: [pair(1, 2, 'honour', 'defect'), pair(1, 3, 'defect', 'honour'), pair(2, 3, 'honour', 'honour')],
      },
      "Trust revealed: 4 of 6 moves honoured: Harbour Traders' Guild defected on you (you honoured); Eastside Residents' Association honoured you (you defected).",
      true,
    ],
    [
      { type: 'trust-revealed', pairs: [pair(2, 3, 'defect', 'defect')] },
      'Trust revealed: 0 of 2 moves honoured.',
      false,
    ],
    [{ type: 'trust-revealed', pairs: [] }, null],
  ],
  deal: [
    [
      {
        type: 'deal',
        deal: { proposalId: 4, members: [1, 2, 3], split: [40, 35, 25], terms: T, promises: [], power: 53, wins: true },
      },
      `Deal wins: You, Harbour Traders' Guild and Eastside Residents' Association (power 53 of 51 needed). Its terms apply to every seat: ${TERMS}.`,
      true,
    ],
    [
      {
        type: 'deal',
        deal: { proposalId: 5, members: [3, 4], split: [50, 50], terms: T, promises: [], power: 27, wins: false },
      },
      "A deal formed without winning: Eastside Residents' Association and Green Harbour Coalition (power 27, quota 51).",
      false,
    ],
  ],
  'no-winning-deal': [
    [{ type: 'no-winning-deal' }, 'No deal won this round: every seat gets its walk-away and no terms apply.', false],
  ],
  points: [
    [{ type: 'points', seat: 1, delta: 12.5, cause: 'prize' }, '+12.5 points to you (share of the prize).', true],
    [{ type: 'points', seat: 1, delta: -4, cause: 'escalation' }, '−4 points to you (escalation).', true],
    [{ type: 'points', seat: 2, delta: 30, cause: 'prize' }, null],
  ],
  reputation: [
    [
      { type: 'reputation', seat: 2, delta: -6, cause: 'defect-on-honour' },
      "Harbour Traders' Guild’s reputation −6: defected on a partner who honoured.",
      false,
    ],
    [{ type: 'reputation', seat: 1, delta: 2, cause: 'answer' }, 'Your reputation +2: answered a question.', true],
  ],
  ready: [[{ type: 'ready', seat: 2 }, null]],
  ended: [
    [{ type: 'ended', totalRounds: 7 }, 'The game lasted 7 rounds. Nobody knew which round was the last.', false],
  ],
};

describe('the sentence of each kind of event', () => {
  const view = { ...viewFor(createGame(harbour, { mode: 'coalition', seed: 3 }), 1), escalations: [escalation] };
  const rows = Object.values(samples).flat() as Sample<GameEvent['type']>[];

  it('covers all 26 kinds', () => {
    expect(Object.keys(samples)).toHaveLength(26);
  });

  it.each(rows.map(([event, text, mine]) => [event.type, event, text, mine] as const))(
    '%s: %j',
    (_kind, event, text, mine) => {
      const line = sentence(view, { ...event, to: 'all' } as GameEvent);
      expect(line && { text: line.text, mine: line.mine }).toEqual(text === null ? null : { text, mine });
    },
  );
});
