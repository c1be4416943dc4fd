// A class of tables played headless by bots (seeded): the compare view's rows, the bot seats
// marked as the input says, and the bot benchmark reported apart from the class.
import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../../../shared/bots/benchmark';
import { compareTables } from '../../../shared/class/compare';
import { classDebrief } from '../../../shared/class/debrief';
import { demoSession } from '../../../shared/class/demo';
import { percentileOf } from '../../../shared/engine/percentiles';
import { debriefData } from '../../../shared/record/timeline';
import { scenarioById } from '../../../shared/scenarios';

const scenario = scenarioById('harbour-development')!;
const input = demoSession(scenario, 4, 77);
const bench = runBenchmark(scenario, { games: 12 });
const m = classDebrief(input, { benchmarks: [bench] });

describe('a simulated class', () => {
  it('has one row per table and one seat per table for every role', () => {
    expect(m.tables).toHaveLength(4);
    expect(m.roles).toHaveLength(scenario.roles.length);
    for (const r of m.roles) expect(r.seats.map((s) => s.table)).toEqual(['D001', 'D002', 'D003', 'D004']);
  });

  it('marks exactly the seats the input says a bot held', () => {
    for (const [i, t] of input.tables.entries())
      expect(m.tables[i].seats.map((s) => s.heldBy)).toEqual(t.seats.map((s) => (s.kind === 'bot' ? 'bot' : 'person')));
  });

  it('takes each table timeline from the single-table debrief', () => {
    for (const [i, t] of input.tables.entries()) {
      const d = debriefData({ scenario: t.scenario, config: t.config, log: t.log });
      expect(m.tables[i].timeline.map((r) => [r.round, r.members, r.split])).toEqual(
        d.coalitions.map((c) => [c.round, c.members, c.split]),
      );
      expect(m.tables[i].roundsPlayed).toBe(d.rounds.length);
    }
  });

  it('places seats against the bot benchmark apart from the class', () => {
    const role = m.roles[0];
    for (const s of role.seats) {
      expect(s.benchmark!.games).toBe(12);
      expect(s.benchmark!.claimed).toBe(percentileOf(s.claimed, bench.roles[role.roleId].claimed));
    }
    // The class reference is the other tables' seats of the role, not the benchmark's.
    const claimed = role.seats.map((s) => s.claimed);
    expect(role.seats[0].inClass!.claimed).toBe(percentileOf(claimed[0], claimed.slice(1)));
  });

  it('ignores a benchmark played on other scenario content', () => {
    const other = classDebrief(input, { benchmarks: [{ ...bench, key: 'stale' }] });
    expect(other.tables.every((t) => t.createdBenchmark === null)).toBe(true);
  });

  it('compares two tables aligned by round, up to the longer one’s last round played', () => {
    const [a, b] = m.tables;
    const c = compareTables(m, a.id, b.id)!;
    const last = Math.max(a.roundsPlayed, b.roundsPlayed);
    expect(c.rows.map((r) => r.round)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    for (const row of c.rows) {
      expect(row.a === null).toBe(row.round > a.roundsPlayed);
      expect(row.b === null).toBe(row.round > b.roundsPlayed);
      if (row.a) expect(row.a).toEqual(a.timeline[row.round - 1]);
    }
    expect(c.sameScenario).toBe(true);
    expect(compareTables(m, a.id, 'nope')).toBeNull();
  });
});
