// The console's form for a new class session: what it asks the server for.
import { describe, expect, it } from 'vitest';
import { defaultForm, requestOf } from '../../client/class/create';
import type { ScenarioFacts } from '../../client/game/store';

const harbour = {
  id: 'harbour-development',
  name: 'Harbour Development',
  summary: '',
  roles: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
  durations: { negotiate: 90, trust: 20 },
} as unknown as ScenarioFacts;

describe('a new class session from the form', () => {
  it('asks for the coalition game on the chosen scenario by default', () => {
    const r = requestOf(defaultForm([harbour]));
    expect(r.mode).toBe('coalition');
    expect(r.scenario).toBe('harbour-development');
    expect(r.seats).toHaveLength(3);
  });

  it('asks for the trust game on its own table, whatever scenario or upload the form held', () => {
    const f = {
      ...defaultForm([harbour]),
      mode: 'trust' as const,
      upload: { name: 'x.json', data: { roles: [] } },
      seats: Array.from({ length: 5 }, () => 'human' as const),
    };
    const r = requestOf(f);
    expect(r.mode).toBe('trust');
    expect(r.scenario).toBe('trust-game');
    expect(r.seats).toHaveLength(5);
  });
});
