// Old logs still replay (DESIGN 8, issue 8): a record saved before rules v3 names no rules
// version and must rebuild to exactly the result it had. The fixture was recorded with the v2
// engine (three persona games with escalations and concessions, and a noisy trust game).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GameConfig, Scenario } from '../../../shared/engine/types';
import { replay, type LogEntry } from '../../../shared/record/log';

interface V2Record {
  scenario: Scenario;
  config: GameConfig;
  log: LogEntry[];
  points: number[];
  reputation: number[];
  totalRounds: number;
}

const records = JSON.parse(
  readFileSync(new URL('./fixtures/rules-v2-records.json', import.meta.url), 'utf8'),
) as V2Record[];

describe('records of rules v2', () => {
  it('name no rules version and use the old scenario format', () => {
    expect(records).toHaveLength(4);
    for (const r of records) {
      expect(r.config.rules).toBeUndefined();
      expect(r.scenario.rounds).toEqual({ min: 6, max: 9 });
      expect(r.scenario.trust.payoffs).toEqual({ T: 5, R: 3, P: 1, S: 0 });
    }
    // The coalition games used what changed in v3: escalations at stage 2+, concessions, deals.
    const types = new Set(records.flatMap((r) => r.log.map((e) => e.action.type)));
    for (const t of ['escalate', 'raise', 'cosign', 'concede', 'propose', 'accept', 'trust'])
      expect(types).toContain(t);
  });
  it.each(records.map((r, i) => [i, r] as const))(
    'record %i replays to the points, reputation and length it had',
    (_i, r) => {
      const state = replay({ scenario: r.scenario, config: r.config, log: r.log });
      expect(state.phase).toBe('end');
      expect(state.config.rules).toBe(2);
      expect(state.totalRounds).toBe(r.totalRounds);
      expect(state.seats.map((s) => s.points)).toEqual(r.points);
      expect(state.seats.map((s) => s.reputation)).toEqual(r.reputation);
    },
  );
  it('the same log under rules v3 is a different game (the version matters)', () => {
    const r = records[0];
    let differs: boolean;
    try {
      const state = replay({ scenario: r.scenario, config: { ...r.config, rules: 3 }, log: r.log });
      differs = JSON.stringify(state.seats.map((s) => s.points)) !== JSON.stringify(r.points);
    } catch {
      differs = true; // the log no longer even applies: v3 has no fixed length to reach
    }
    expect(differs).toBe(true);
  });
});
