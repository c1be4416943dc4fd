// Role percentiles on a real server (DESIGN 4): a table played to the end gets every seat placed
// against its scenario's benchmark of seeded bot tables, computed in a worker thread once and
// reused from the store after a restart; a custom scenario gets a benchmark of its own; seats a
// bot held are marked; nothing opens before the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../shared/bots/benchmark';
import { placeSeat, seatOutcomes } from '../../shared/engine/percentiles';
import { replay, type LogEntry } from '../../shared/record/log';
import type { PlacementsAnswer } from '../../shared/record/placements';
import { scenarioById } from '../../shared/scenarios/index';
import type { BenchmarkStatus } from '../../server/benchmarks/service';
import { autoPlay, bootServer, createTable, joinTable, waitFor, type Booted } from './helpers';

const GAMES = 12;
const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;
const dir = mkdtempSync(join(tmpdir(), 'leverage-placements-'));
const db = join(dir, 'placements.db');
let b: Booted | null = null;
afterAll(async () => {
  await b?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = async <T = unknown>(path: string): Promise<{ status: number; data: T }> => {
  try {
    const res = await b!.colyseus.http.get(path);
    return { status: 200, data: res.data as T };
  } catch (e) {
    return { status: (e as { statusCode: number }).statusCode, data: null as T };
  }
};

async function placementsWhenReady(code: string): Promise<PlacementsAnswer & { status: 'ready' }> {
  let answer: PlacementsAnswer | null = null;
  const start = Date.now();
  while (answer?.status !== 'ready') {
    if (Date.now() - start > 60_000) throw new Error(`no placements for ${code}: ${JSON.stringify(answer)}`);
    answer = (await get<PlacementsAnswer>(`/api/tables/${code}/placements`)).data;
    expect(answer.status).not.toBe('none');
    if (answer.status !== 'ready') await new Promise((r) => setTimeout(r, 100));
  }
  return answer;
}

const SHORT = { roundRange: { min: 2, continue: 0.5, max: 6 } };

describe('role percentiles on the server', () => {
  let code = '';

  it('places every seat of a finished solo table against its benchmark, and opens only at the end', async () => {
    b = await bootServer({ benchmarkGames: GAMES }, db);
    const p = await createTable(b, { scenario: 'merger-integration', solo: true, name: 'Mo', seed: 11, ...SHORT });
    code = p.welcome!.code;
    // The table asked for its benchmark when it opened.
    const status = (await get<BenchmarkStatus>(`/api/tables/${code}/benchmark`)).data;
    expect(['queued', 'running', 'ready']).toContain(status.state);
    expect(status.total).toBe(GAMES);
    expect((await get(`/api/tables/${code}/placements`)).status).toBe(409);
    p.send('start', {});
    const stop = autoPlay(p);
    await p.waitView((v) => v.phase === 'end', 60_000, 'the end');
    stop();
    const { placements } = await placementsWhenReady(code);

    // Oracle: the shared benchmark and placement arithmetic, run here on the same scenario.
    const logRes = (
      await get<{ log: LogEntry[]; scenario: never; config: never; placements: PlacementsAnswer }>(
        `/api/tables/${code}/log`,
      )
    ).data;
    const state = replay({ scenario: logRes.scenario, config: logRes.config, log: logRes.log });
    const reference = runBenchmark(logRes.scenario, { games: GAMES });
    const outcomes = seatOutcomes(state);
    expect(placements.games).toBe(GAMES);
    expect(placements.seats).toHaveLength(5);
    for (const [seat, o] of outcomes.entries()) {
      const expected = placeSeat(reference, o);
      const s = placements.seats[seat];
      expect(s.roleId).toBe(o.roleId);
      expect(s.claimed.value).toBeCloseTo(o.claimed, 9);
      expect(s.claimed.percentile).toBeCloseTo(expected.claimed, 9);
      expect(s.mutualGain.percentile).toBeCloseTo(expected.mutualGain, 9);
      expect(placements.created.percentile).toBeCloseTo(expected.created, 9);
    }
    expect(placements.seats.map((s) => s.heldBy)).toEqual(['person', 'bot', 'bot', 'bot', 'bot']);
    expect(logRes.placements).toEqual({ status: 'ready', placements });

    // The results carry them, and the export has a column per measure and no rank.
    const results = (await get<{ placements: PlacementsAnswer }>(`/api/tables/${code}/results`)).data;
    expect(results.placements).toEqual({ status: 'ready', placements });
    const csv = String((await get(`/api/tables/${code}/results.csv`)).data)
      .trim()
      .split('\r\n');
    const header = csv[0].split(',');
    expect(header).not.toContain('rank');
    expect(header).toEqual(
      expect.arrayContaining([
        'held_by',
        'claimed_percentile',
        'mutual_gain_percentile',
        'created_percentile',
        'benchmark_tables',
      ]),
    );
    const row0 = csv[1].split(',');
    expect(Number(row0[header.indexOf('claimed_percentile')])).toBeCloseTo(placements.seats[0].claimed.percentile, 1);
    expect(row0[header.indexOf('held_by')]).toBe('person');
    expect(Number(row0[header.indexOf('benchmark_tables')])).toBe(GAMES);
    expect(b.app.ctx.benchmarks.computed).toBe(1);
  });

  it('reuses the benchmark for the next table and, after a restart, from the store', async () => {
    const p = await createTable(b!, { scenario: 'merger-integration', solo: true, name: 'Ned', seed: 12, ...SHORT });
    expect((await get<BenchmarkStatus>(`/api/tables/${p.welcome!.code}/benchmark`)).data).toEqual({
      state: 'ready',
      ready: true,
      done: GAMES,
      total: GAMES,
    });
    await p.room.leave();
    const before = (await get<PlacementsAnswer>(`/api/tables/${code}/placements`)).data;
    await b!.stop();
    b = await bootServer({ benchmarkGames: GAMES }, db);
    expect(b.store.benchmarkKeys()).toHaveLength(1);
    const q = await createTable(b, { scenario: 'merger-integration', solo: true, name: 'Ola', seed: 13, ...SHORT });
    expect((await get<BenchmarkStatus>(`/api/tables/${q.welcome!.code}/benchmark`)).data.state).toBe('ready');
    // The finished table's placements are the stored ones.
    expect((await get<PlacementsAnswer>(`/api/tables/${code}/placements`)).data).toEqual(before);
    expect(b.app.ctx.benchmarks.computed).toBe(0);
    await q.room.leave();
  });

  it('gives a custom scenario a benchmark of its own, computed once for two tables that open together', async () => {
    const base = scenarioById('merger-integration')!;
    const custom = {
      ...base,
      id: 'our-merger',
      name: 'Our merger',
      roles: base.roles.map((r, i) => (i === 0 ? { ...r, walkAway: r.walkAway + 1 } : r)),
    };
    const [one, two] = await Promise.all([
      createTable(b!, { scenario: custom, solo: true, name: 'Pat', seed: 21, ...SHORT }),
      createTable(b!, { scenario: custom, solo: true, name: 'Quinn', seed: 22, ...SHORT }),
    ]);
    const progress = (await get<BenchmarkStatus>(`/api/tables/${one.welcome!.code}/benchmark`)).data;
    expect(progress.total).toBe(GAMES);
    expect(progress.done).toBeLessThanOrEqual(GAMES);
    one.send('start', {});
    const stop = autoPlay(one);
    await one.waitView((v) => v.phase === 'end', 60_000, 'the end');
    stop();
    const { placements } = await placementsWhenReady(one.welcome!.code);
    expect(placements.scenarioId).toBe('our-merger');
    expect((await get<BenchmarkStatus>(`/api/tables/${two.welcome!.code}/benchmark`)).data.state).toBe('ready');
    expect(b!.app.ctx.benchmarks.computed).toBe(1);
    expect(b!.store.benchmarkKeys()).toHaveLength(2);
    // The progress of a shipped scenario at its own length: another benchmark, not computed here.
    expect((await get<BenchmarkStatus>('/api/benchmarks/merger-integration')).data).toEqual({
      state: 'absent',
      ready: false,
      done: 0,
      total: GAMES,
    });
    expect((await get('/api/benchmarks/our-merger')).status).toBe(404);
    await two.room.leave();
  });

  it('marks a seat a bot held before its player arrived, and a seat nobody claimed', async () => {
    const host = await createTable(b!, {
      scenario: 'merger-integration',
      seed: 31,
      ...SHORT,
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }, BOT, BOT],
      name: 'Host',
    });
    const code2 = host.welcome!.code;
    host.send('start', {});
    const stopHost = autoPlay(host);
    await host.waitView((v) => v.round >= 2, 30_000, 'round 2');
    // A latecomer takes a seat its stand-in bot has played so far.
    const late = await joinTable(b!, code2, { name: 'Late' });
    expect(late.seat).toBe(1);
    const stopLate = autoPlay(late);
    await host.waitView((v) => v.phase === 'end', 60_000, 'the end');
    stopHost();
    stopLate();
    const { placements } = await placementsWhenReady(code2);
    expect(placements.seats.map((s) => s.heldBy)).toEqual(['person', 'both', 'bot', 'bot', 'bot']);
  });

  it("does not place a game played under older rules against today's benchmark", async () => {
    const store = b!.store;
    const scenario = scenarioById('merger-integration')!;
    // A record that names no rules version was played under rules v2 (shared/record/log.ts).
    store.insertTable({
      code: 'OLDER',
      created: 1,
      status: 'open',
      scenario,
      config: { mode: 'coalition', seed: 1 },
      settings: {
        durations: { negotiate: null, trust: null, resolve: null, score: null },
        policy: 'in-class',
        private: true,
        solo: false,
      },
      seats: scenario.roles.map((_, seat) => ({
        seat,
        kind: 'bot',
        bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' },
        name: null,
        tokenHash: null,
        standIn: false,
      })),
      hostTokenHash: null,
      deadline: null,
      results: null,
      finished: null,
    });
    store.finish('OLDER', { code: 'OLDER', seats: [], score: { seats: [] } }, 2);
    const answer = (await get<PlacementsAnswer>('/api/tables/OLDER/placements')).data;
    expect(answer).toMatchObject({ status: 'none', reason: expect.stringMatching(/older rules/) });
    expect(store.getPlacements('OLDER')).toBeNull();
  });

  it('gives the trust game no role percentiles, and says why', async () => {
    const p = await createTable(b!, {
      scenario: 'trust-game',
      mode: 'trust',
      solo: true,
      name: 'Tia',
      seed: 41,
      rounds: 3,
    });
    p.send('start', {});
    const stop = autoPlay(p);
    // A solo trust game holds its end until the practice's guesses are locked in.
    await waitFor(() => p.views.at(-1)?.practice?.due === true, 60_000, 'guesses due');
    stop();
    const bots = p.views.at(-1)!.practice!.bots;
    p.send('guesses', { guesses: bots.map((seat) => ({ seat, strategy: 'tit-for-tat' })) });
    await p.waitView((v) => v.phase === 'end', 60_000, 'the end');
    await waitFor(() => p.room.state.status === 'ended', 5000, 'ended');
    const answer = (await get<PlacementsAnswer>(`/api/tables/${p.welcome!.code}/placements`)).data;
    expect(answer).toMatchObject({ status: 'none', reason: expect.stringMatching(/trust game/) });
  });
});
