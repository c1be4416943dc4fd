// The benchmark cache of the server (DESIGN 4), with a runner the test controls: one computation
// per key however many tables ask, tables ahead of background warming, progress while it runs,
// failures retried, and what was computed reused from the store after a restart.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchmarkKey } from '../../shared/bots/benchmark';
import type { RoleReference } from '../../shared/engine/percentiles';
import type { Scenario } from '../../shared/engine/types';
import { scenarioById } from '../../shared/scenarios/index';
import { Benchmarks, type BenchmarkRunner } from '../../server/benchmarks/service';
import { tableFromOptions } from '../../server/rooms/setup';
import { Store } from '../../server/store/store';
import { SHORT_HORIZON, shortVersion } from '../../shared/lengths';
import { smallScenario } from '../shared/fixtures';

interface Run {
  scenario: Scenario;
  games: number;
  progress: (done: number, total: number) => void;
  finish: (ref: RoleReference) => void;
  fail: (e: Error) => void;
  cancelled: boolean;
}

/** A runner whose runs the test finishes by hand. */
function manualRunner(): { runner: BenchmarkRunner; runs: Run[] } {
  const runs: Run[] = [];
  const runner: BenchmarkRunner = (scenario, games, progress) => {
    let finish!: Run['finish'];
    let fail!: Run['fail'];
    const result = new Promise<RoleReference>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const run: Run = { scenario, games, progress, finish, fail, cancelled: false };
    runs.push(run);
    return { result, cancel: () => (run.cancelled = true) };
  };
  return { runner, runs };
}

const reference = (created: number): RoleReference => ({
  roles: { authority: { claimed: [1, 2], mutualGain: [3, 4] } },
  created: [created],
});

let dir: string;
const stores: Store[] = [];
function openStore(): Store {
  dir ??= mkdtempSync(join(tmpdir(), 'leverage-bench-'));
  const s = new Store(join(dir, 'bench.db'), 'NORMAL');
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined as unknown as string;
});

const flush = () => new Promise((r) => setImmediate(r));

describe('the benchmark cache', () => {
  it('keys a benchmark by the SHA-256 of the scenario key at its size', () => {
    const b = new Benchmarks(openStore(), {
      games: 40,
      log: () => undefined,
      now: () => 0,
      runner: manualRunner().runner,
    });
    const s = smallScenario();
    expect(b.keyOf(s)).toBe(createHash('sha256').update(benchmarkKey(s, 40)).digest('hex'));
    expect(b.keyOf(s)).not.toBe(b.keyOf(smallScenario({ prize: 101 })));
  });

  it('warms the very benchmark a short solo game from the lobby asks for', () => {
    const b = new Benchmarks(openStore(), {
      games: 40,
      log: () => undefined,
      now: () => 0,
      runner: manualRunner().runner,
    });
    const harbour = scenarioById('harbour-development')!;
    const table = tableFromOptions(
      { scenario: 'harbour-development', solo: true, name: 'Sam', roundRange: SHORT_HORIZON },
      { displaySeconds: 5, acceptSeed: false },
    );
    expect(b.keyOf(table.scenario)).toBe(b.keyOf(shortVersion(harbour)));
    expect(b.keyOf(table.scenario)).not.toBe(b.keyOf(harbour));
  });

  it('computes once per key when two tables ask at once, shows progress, and stores the result', async () => {
    const store = openStore();
    const { runner, runs } = manualRunner();
    const b = new Benchmarks(store, { games: 40, log: () => undefined, now: () => 1234, runner });
    const s = smallScenario();
    expect(b.status(s)).toEqual({ state: 'absent', ready: false, done: 0, total: 40 });
    const first = b.request(s);
    const second = b.request(s);
    expect(runs).toHaveLength(1);
    expect(runs[0].games).toBe(40);
    runs[0].progress(15, 40);
    expect(b.status(s)).toEqual({ state: 'running', ready: false, done: 15, total: 40 });
    runs[0].finish(reference(0.5));
    const [x, y] = await Promise.all([first, second]);
    expect(x).toBe(y);
    expect(x!.reference).toEqual(reference(0.5));
    expect(b.computed).toBe(1);
    expect(b.status(s)).toEqual({ state: 'ready', ready: true, done: 40, total: 40 });
    expect(store.getBenchmark(b.keyOf(s))).toEqual({
      key: b.keyOf(s),
      scenarioId: 'small',
      games: 40,
      created: 1234,
      reference: reference(0.5),
    });
    // Asked again: no second run.
    expect((await b.request(s))!.reference).toEqual(reference(0.5));
    expect(runs).toHaveLength(1);
  });

  it('reuses a stored benchmark after a restart without computing it again', async () => {
    const store = openStore();
    const first = manualRunner();
    const before = new Benchmarks(store, { games: 40, log: () => undefined, now: () => 0, runner: first.runner });
    const s = smallScenario();
    const asked = before.request(s);
    first.runs[0].finish(reference(0.25));
    await asked;
    before.close();
    store.close();

    const again = manualRunner();
    const after = new Benchmarks(openStore(), { games: 40, log: () => undefined, now: () => 0, runner: again.runner });
    expect(after.status(s).state).toBe('ready');
    expect((await after.request(s))!.reference).toEqual(reference(0.25));
    expect(again.runs).toHaveLength(0);
    expect(after.computed).toBe(0);
    // A different size is a different benchmark.
    const bigger = new Benchmarks(stores[1], { games: 41, log: () => undefined, now: () => 0, runner: again.runner });
    expect(bigger.status(s).state).toBe('absent');
  });

  it('runs one at a time, a table’s request ahead of background warming', async () => {
    const { runner, runs } = manualRunner();
    const b = new Benchmarks(openStore(), { games: 10, log: () => undefined, now: () => 0, runner });
    const harbour = scenarioById('harbour-development')!;
    const dam = scenarioById('river-dam')!;
    const custom = smallScenario();
    b.warm([harbour, dam]);
    expect(runs.map((r) => r.scenario.id)).toEqual(['harbour-development']);
    expect(b.status(dam).state).toBe('queued');
    const table = b.request(custom);
    runs[0].finish(reference(0.1));
    await flush();
    expect(runs.map((r) => r.scenario.id)).toEqual(['harbour-development', 'small']);
    runs[1].finish(reference(0.2));
    expect((await table)!.scenarioId).toBe('small');
    await flush();
    expect(runs.map((r) => r.scenario.id)).toEqual(['harbour-development', 'small', 'river-dam']);
  });

  it('a table that needs a warming benchmark moves it to the front', async () => {
    const { runner, runs } = manualRunner();
    const b = new Benchmarks(openStore(), { games: 10, log: () => undefined, now: () => 0, runner });
    const [a, c, d] = ['harbour-development', 'climate-summit', 'river-dam'].map((id) => scenarioById(id)!);
    b.warm([a, c, d]);
    void b.request(d);
    runs[0].finish(reference(0.1));
    await flush();
    expect(runs.map((r) => r.scenario.id)).toEqual(['harbour-development', 'river-dam']);
  });

  it('reports a failure, then tries again at the next request', async () => {
    const logged: string[] = [];
    const { runner, runs } = manualRunner();
    const b = new Benchmarks(openStore(), { games: 10, log: (m) => logged.push(m), now: () => 0, runner });
    const s = smallScenario();
    const asked = b.request(s);
    runs[0].fail(new Error('worker crashed'));
    expect(await asked).toBeNull();
    expect(b.status(s)).toMatchObject({ state: 'failed', ready: false, error: 'worker crashed' });
    expect(logged.join('\n')).toMatch(/benchmark of small failed: worker crashed/);
    const retry = b.request(s);
    expect(runs).toHaveLength(2);
    runs[1].finish(reference(0.3));
    expect((await retry)!.reference.created).toEqual([0.3]);
  });

  it('is off with 0 games, and closing cancels the running computation', async () => {
    const { runner, runs } = manualRunner();
    const off = new Benchmarks(openStore(), { games: 0, log: () => undefined, now: () => 0, runner });
    expect(await off.request(smallScenario())).toBeNull();
    expect(off.status(smallScenario()).state).toBe('off');
    expect(runs).toHaveLength(0);

    const on = new Benchmarks(stores[0], { games: 10, log: () => undefined, now: () => 0, runner });
    const asked = on.request(smallScenario());
    on.close();
    expect(runs[0].cancelled).toBe(true);
    expect(await asked).toBeNull();
  });
});
