// A finished table placed against a benchmark (DESIGN 4): who held each seat, every seat placed
// among its own role per round played, and the words the debrief, the coach and the export use.
import { describe, expect, it } from 'vitest';
import { coachNote, standingSentence } from '../../../shared/record/coach';
import type { LogEntry } from '../../../shared/record/log';
import {
  heldBy,
  placeTable,
  placementHeadline,
  shareWords,
  tableHeadline,
  type TablePlacements,
} from '../../../shared/record/placements';
import { accept, AUTHORITY, nextId, propose, Table, UNION } from './build';

const entry = (actor: number, by: 'human' | 'bot'): LogEntry => ({
  seq: 0,
  round: 1,
  phase: 'negotiate',
  actor,
  by,
  action: { type: 'ready', seat: actor },
  reason: null,
  time: 0,
});

describe('heldBy', () => {
  const seats = [
    { seat: 0, kind: 'human' as const, name: 'Ada' },
    { seat: 1, kind: 'human' as const, name: 'Bo' },
    { seat: 2, kind: 'human' as const, name: 'Cy' },
    { seat: 3, kind: 'human' as const, name: null },
    { seat: 4, kind: 'bot' as const, name: null },
  ];
  it.each([
    ['a person who played throughout', [entry(0, 'human')], [], 0, 'person'],
    ['a stand-in bot acted for the seat (the log says by: bot)', [entry(1, 'human'), entry(1, 'bot')], [], 1, 'both'],
    ['a takeover, even before the bot acted', [entry(2, 'human')], [{ seat: 2, kind: 'takeover' }], 2, 'both'],
    [
      'a stand-in before the person arrived',
      [],
      [
        { seat: 2, kind: 'stand-in' },
        { seat: 2, kind: 'claimed' },
      ],
      2,
      'both',
    ],
    ['a seat nobody ever claimed', [entry(3, 'bot')], [{ seat: 3, kind: 'stand-in' }], 3, 'bot'],
    ['a bot seat', [entry(4, 'bot')], [], 4, 'bot'],
    [
      'a person whose seat was only claimed and reclaimed',
      [entry(0, 'human')],
      [
        { seat: 0, kind: 'claimed' },
        { seat: 0, kind: 'reclaimed' },
      ],
      0,
      'person',
    ],
  ] as const)('%s', (_what, log, changes, seat, expected) => {
    expect(heldBy(seats, log, changes)[seat]).toBe(expected);
  });
  it('reads one seat’s entries, not its neighbours’', () => {
    expect(heldBy(seats, [entry(1, 'bot')], [{ seat: 2, kind: 'takeover' }])).toEqual([
      'person',
      'both',
      'both',
      'bot',
      'bot',
    ]);
  });
});

describe('placeTable', () => {
  it('places a table where nothing happened: every seat at its walk-away, nothing created', () => {
    const t = new Table(undefined, { mode: 'coalition', seed: 3, rounds: 2 }).finish();
    const reference = {
      games: 5,
      roles: { authority: { claimed: [-5, -1, 0, 3, 8], mutualGain: [1, 2, 3, 4, 5] } },
      created: [-0.1, 0.2, 0.5, 0.9],
    };
    const p = placeTable(t.state, reference, ['person', 'bot', 'both', 'bot']);
    expect(p.games).toBe(5);
    expect(p.scenarioId).toBe('small');
    // Surplus 0 ties the middle of five values: (2 below + 1 tie ÷ 2) ÷ 5.
    expect(p.seats[AUTHORITY].claimed).toEqual({ value: 0, percentile: 50, median: 0 });
    expect(p.seats[AUTHORITY].mutualGain).toEqual({ value: 0, percentile: 0, median: 3 });
    // One of four tables created less than nothing.
    expect(p.created).toEqual({ value: 0, percentile: 25, median: 0.35 });
    // A role the benchmark never saw stands in the middle.
    expect(p.seats[UNION].claimed).toEqual({ value: 0, percentile: 50, median: 0 });
    expect(p.seats.map((s) => [s.roleName, s.heldBy])).toEqual([
      ['Authority', 'person'],
      ['Union', 'bot'],
      ['Residents', 'both'],
      ['Greens', 'bot'],
    ]);
  });

  it('takes every score per round played', () => {
    const t = new Table(undefined, { mode: 'coalition', seed: 7, rounds: 2 });
    const p1 = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p1)]);
    t.finish();
    // Union: 47 points a round (30 prize, 7 terms, 10 trust; the accepted deal stands in round 2).
    expect(t.state.seats[UNION].points).toBe(94);
    const p = placeTable(
      t.state,
      { games: 1, roles: { union: { claimed: [36, 38], mutualGain: [] } }, created: [] },
      [],
    );
    // Per round: (94 − 2 × walk-away 10) ÷ 2 = 37, between the two reference seats.
    expect(p.seats[UNION].claimed.value).toBe(37);
    expect(p.seats[UNION].claimed.percentile).toBe(50);
    expect(p.seats[UNION].heldBy).toBe('person');
  });
});

describe('the words of a placement', () => {
  it.each([
    [60.9, 'more than 60 % of', 'more than 60 %', 'more than 60 %', '> 60 %'],
    [1, 'more than 1 % of', 'more than 1 %', 'more than 1 %', '> 1 %'],
    [0.5, 'less than nearly all', 'nearly none', 'fewer than 1 %', '< 1 %'],
    [99.99, 'more than 99 % of', 'more than 99 %', 'more than 99 %', '> 99 %'],
    [100, 'more than all', 'all', 'more than all', 'all'],
  ])('%s', (percentile, clause, beat, tile, cell) => {
    expect(shareWords(percentile)).toEqual({ clause, beat, tile, cell });
  });

  const placements = (claimed: number, created: number, mutualGain: number): TablePlacements => ({
    scenarioId: 'harbour-development',
    games: 300,
    created: { value: 0.7, percentile: created, median: 0.6 },
    seats: [
      {
        seat: 0,
        roleId: 'authority',
        roleName: 'Harbour Development Authority',
        heldBy: 'bot',
        claimed: { value: 9, percentile: 10, median: 1 },
        mutualGain: { value: 9, percentile: 10, median: 1 },
      },
      {
        seat: 1,
        roleId: 'dockworkers',
        roleName: "Dockworkers' Union",
        heldBy: 'person',
        claimed: { value: 9, percentile: claimed, median: 1 },
        mutualGain: { value: 9, percentile: mutualGain, median: 1 },
      },
    ],
  });

  it('heads the debrief with DESIGN 4’s sentence', () => {
    expect(placementHeadline(placements(60.2, 80.9, 55), 1)).toBe(
      "You claimed more than 60 % of Dockworkers' Union players; your table created more than 80 % of tables; your mutual-gain score beat more than 55 % of theirs.",
    );
    expect(tableHeadline(placements(60.2, 80.9, 55))).toBe('This table created more than 80 % of tables.');
  });

  it.each([
    [70, 70, /: claiming and creating went together\.$/],
    [70, 30, /: you did well from a smaller pie, so look for the package that would have grown it\.$/],
    [30, 70, /: the table made value, but your share of it was small; say what you need and why\.$/],
    [30, 30, /: map who can win with whom before the next game, and build that coalition early\.$/],
  ])('the coach reads claimed %s and created %s together', (claimed, created, advice) => {
    const sentence = standingSentence(placements(claimed, created, 50), 1);
    expect(sentence).toMatch(
      new RegExp(
        `^Per round played, you claimed more than ${claimed} % of Dockworkers' Union players and your table created more than ${created} % of tables, against 300 seeded bot tables of this scenario`,
      ),
    );
    expect(sentence).toMatch(advice);
  });
});

describe('the coach at the end of the game', () => {
  it('adds the placement in one sentence only when it is given one', () => {
    const t = new Table(undefined, { mode: 'coalition', seed: 3, rounds: 2 }).finish();
    const placements = placeTable(t.state, { games: 4, roles: {}, created: [1, 1, 1, 1] }, []);
    expect(coachNote(t.record(), UNION, 2).standing).toBeUndefined();
    const note = coachNote(t.record(), UNION, 2, placements);
    expect(note.standing).toBe(standingSentence(placements, UNION));
    expect(note.standing).toMatch(
      /^Per round played, you claimed more than 50 % of Union players and your table created less than nearly all tables, against 4 seeded bot tables/,
    );
    // The rest of the note is the round's, unchanged.
    expect({ ...note, standing: undefined }).toEqual({ ...coachNote(t.record(), UNION, 2), standing: undefined });
  });
});
