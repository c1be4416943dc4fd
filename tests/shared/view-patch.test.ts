// Patches of views (shared/view-patch.ts): applying the diff of two views to the first gives the
// second, for any JSON and for a table's views; the old view is not changed. (The server tests
// check the views that clients rebuild from patches against the views of the replayed log.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../shared/engine/view';
import { applyViewPatch, diffView } from '../../shared/view-patch';
import { apply } from '../../shared/engine/apply';
import { createGame } from '../../shared/engine/setup';
import { scenarioById } from '../../shared/scenarios/index';
import type { GameState } from '../../shared/engine/types';

const json = fc.jsonValue({ maxDepth: 4 });

describe('view patches', () => {
  it('turn any JSON value into any other', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = JSON.stringify(a);
        const patched = applyViewPatch(a, diffView(a, b));
        expect(patched).toEqual(b);
        expect(JSON.stringify(a)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('are empty for equal views, and small for a chat message added to a large one', () => {
    const game = createGame(scenarioById('harbour-development')!, { mode: 'coalition', seed: 3 });
    let state: GameState = game;
    const step = (s: GameState, action: Parameters<typeof apply>[1]) => {
      const r = apply(s, action);
      if (!r.ok) throw new Error(r.refusal.message);
      return r.state;
    };
    state = step(state, { type: 'advance' });
    const before = viewFor(state, 0);
    expect(diffView(before, viewFor(state, 0))).toEqual([]);
    state = step(state, { type: 'chat', seat: 1, to: null, text: 'hello' });
    const after = viewFor(state, 0);
    const ops = diffView(before, after);
    expect(applyViewPatch(before, ops)).toEqual(after);
    expect(JSON.stringify(ops).length).toBeLessThan(JSON.stringify(after).length / 10);
  });

  it('keep a key named __proto__ a plain key', () => {
    const a = { terms: {} as Record<string, unknown> };
    const b = JSON.parse('{"terms":{"__proto__":{"x":1}}}') as typeof a;
    const patched = applyViewPatch(a, diffView(a, b));
    expect(Object.keys(patched.terms)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBe(undefined);
  });
});
