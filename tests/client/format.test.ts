// Every event this seat can see becomes a readable sentence, in the glossary's words, and the
// sentences name "you" for the viewer's own seat.
import { describe, expect, it } from 'vitest';
import { apply } from '../../shared/engine/apply';
import { createGame } from '../../shared/engine/setup';
import type { Action, GameEvent, GameState } from '../../shared/engine/types';
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

  it('has a sentence for every kind of event the seat saw', () => {
    const kinds = new Set(events.map((e) => e.type));
    expect(kinds.size).toBeGreaterThan(12);
    for (const l of lines) if (l) expect(l.text.length).toBeGreaterThan(5);
  });

  it('speaks to the viewer as "you"', () => {
    const text = lines.map((l) => l?.text ?? '').join('\n');
    expect(text).toContain('You proposed');
    expect(text).toContain('You declared a minimum share: no deal below 20%.');
    expect(text).toMatch(/Deal wins: You, Harbour Traders' Guild and Eastside Residents' Association/);
    expect(text).toMatch(/Trust revealed: .*Harbour Traders' Guild defected on you/);
    expect(text).toContain('a labelled concession costing');
    expect(text).toContain('went public against Harbour Development Authority, demanding at least 30% of the next winning deal');
  });

  it('marks the lines that involve the viewer', () => {
    const mine = lines.filter((l) => l?.mine).length;
    expect(mine).toBeGreaterThan(5);
  });

  it('names terms and demands by their options', () => {
    expect(termsText(harbour, terms)).toBe(harbour.issues.map((i) => i.options[1].name).join(' · '));
    expect(demandText(harbour, { kind: 'option', issue: 'jobs', option: 'union' })).toBe('Jobs on the site: Union jobs');
    expect(demandText(harbour, { kind: 'concession', points: 7 })).toBe('a concession of 7 points');
  });
});
