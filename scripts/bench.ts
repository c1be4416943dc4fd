// Benchmarks: figures printed, never asserted (speed targets do not belong in unit tests).
//
//   npm run bench            a table of figures with the machine they were measured on
//   npm run bench -- --json  one JSON object keyed by figure name
//   npm run bench -- --only engine,power   run some sections
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { BENCHMARK_GAMES, runBenchmark } from '../shared/bots/benchmark';
import { rotation } from '../shared/bots/coalition-tournament';
import { PERSONA_NAMES } from '../shared/bots/personas';
import { playRandomGame } from '../shared/bots/random';
import { simulate } from '../shared/bots/simulate';
import { trustTournament } from '../shared/bots/tournament';
import { STRATEGY_NAMES } from '../shared/bots/strategies';
import { apply } from '../shared/engine/apply';
import { powerMap } from '../shared/engine/power';
import { Rng } from '../shared/engine/rng';
import { createGame } from '../shared/engine/setup';
import type { GameState } from '../shared/engine/types';
import type { LogEntry } from '../shared/record/log';
import { scenarioById } from '../shared/scenarios';
import { classBench } from './bench-class';

interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  target?: string;
}

type Section = () => Promise<Figure[]> | Figure[];

const sixSeats = scenarioById('warehouse-workers')!;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Engine throughput: replaying recorded random games measures apply() alone. */
function engine(): Figure[] {
  const logs: { config: GameState['config']; log: LogEntry[] }[] = [];
  for (let seed = 0; seed < 300; seed++) {
    const g = playRandomGame(sixSeats, { mode: 'coalition', seed }, 30);
    logs.push({ config: g.state.config, log: g.log });
  }
  const total = logs.reduce((a, g) => a + g.log.length, 0);
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (const g of logs) {
      let state = createGame(sixSeats, g.config);
      for (const e of g.log) {
        const r = apply(state, e.action);
        if (r.ok) state = r.state;
      }
    }
    best = Math.min(best, performance.now() - t0);
  }
  // A whole 6-seat game with random players choosing from their views, 30 actions a phase.
  const times: number[] = [];
  let actionsPerRound = 0;
  for (let seed = 0; seed < 300; seed++) {
    const t0 = performance.now();
    const g = playRandomGame(sixSeats, { mode: 'coalition', seed: 10_000 + seed }, 30);
    times.push(performance.now() - t0);
    actionsPerRound += (g.applied + g.refused) / g.state.totalRounds;
  }
  return [
    {
      key: 'engine.actionsPerSecond',
      label: 'engine actions applied per second',
      value: Math.round(total / (best / 1000)),
      unit: 'actions/s',
      target: '≥ 200,000',
    },
    {
      key: 'engine.gameMs',
      label: `whole 6-seat random game (${Math.round(actionsPerRound / 300)} actions a round), median`,
      value: +median(times).toFixed(3),
      unit: 'ms',
      target: '< 5',
    },
  ];
}

function power(): Figure[] {
  const rng = new Rng(7);
  const times: number[] = [];
  for (let game = 0; game < 30; game++) {
    const weights = Array.from({ length: 50 }, () => rng.int(1, 100));
    const quota = Math.floor(weights.reduce((a, b) => a + b, 0) * 0.51) + 1;
    const t0 = performance.now();
    powerMap({ weights, quota });
    times.push(performance.now() - t0);
  }
  return [
    {
      key: 'power.fiftySeatsMs',
      label: 'power indices of a 50-seat game, median',
      value: +median(times).toFixed(2),
      unit: 'ms',
      target: 'milliseconds',
    },
  ];
}

function tournaments(): Figure[] {
  trustTournament({ strategies: [...STRATEGY_NAMES], turns: 200, repetitions: 10, noise: 0, seed: 1 }); // warm-up
  const t0 = performance.now();
  trustTournament({ strategies: [...STRATEGY_NAMES], turns: 200, repetitions: 10, noise: 0, seed: 2 });
  const standard = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (let game = 0; game < 1000; game++) simulate(sixSeats, rotation(PERSONA_NAMES, 6, game, 'normal'), game);
  const thousand = (performance.now() - t1) / 1000;
  return [
    {
      key: 'tournament.standardSeconds',
      label: 'standard trust tournament (13 strategies, 200 turns, 10 repetitions)',
      value: +standard.toFixed(3),
      unit: 's',
      target: '< 0.5',
    },
    {
      key: 'bots.thousandGamesSeconds',
      label: '1,000 seeded 6-seat coalition games with personas',
      value: +thousand.toFixed(2),
      unit: 's',
      target: '< 5',
    },
  ];
}

/**
 * The browser client: the gzipped JavaScript the lobby loads (the entry chunk and its static
 * imports; the table's chunk with Phaser loads only when a table opens), all of it, and the time
 * from navigation to the lobby's ready marker (its join form rendered and usable) in headless
 * Chromium on loopback: at 1280×720, median of 7 fresh browser profiles (no cache), and on a
 * phone, 390×844 with the CPU slowed 4× through the DevTools protocol
 * (Emulation.setCPUThrottlingRate), median of 5.
 */
async function client(): Promise<Figure[]> {
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  // eslint-disable-next-line @typescript-eslint/unbound-method -- path.join does not use `this`
  const { join } = await import('node:path');
  const { gzipSync } = await import('node:zlib');
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'leverage-bench-client-'));
  try {
    await build({
      configFile: 'vite.config.ts',
      mode: 'production',
      logLevel: 'silent',
      build: { outDir: dir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; isEntry?: boolean; imports?: string[] }
    >;
    const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
    // What the lobby loads: the entry and, transitively, its static imports.
    const lobby = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || lobby.has(chunk.file)) return;
      lobby.add(chunk.file);
      for (const k of chunk.imports ?? []) visit(k);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
    const all = new Set(
      Object.values(manifest)
        .map((c) => c.file)
        .filter((f) => f.endsWith('.js')),
    );
    const lobbyKB = [...lobby].filter((f) => f.endsWith('.js')).reduce((a, f) => a + gz(f), 0) / 1024;
    const allKB = [...all].reduce((a, f) => a + gz(f), 0) / 1024;
    const figures: Figure[] = [
      {
        key: 'client.jsGzipKB',
        label: 'client JavaScript the lobby loads, gzipped',
        value: +lobbyKB.toFixed(1),
        unit: 'KB',
        target: '< 500',
      },
      {
        key: 'client.allJsGzipKB',
        label: 'all client JavaScript (with the table and Phaser), gzipped',
        value: +allKB.toFixed(1),
        unit: 'KB',
      },
    ];
    const { hasChromium, launch, newPage } = await import('../tests/e2e/browser');
    if (!hasChromium()) {
      console.error(
        'bench: no Chromium at /usr/bin/chromium (apt-get install -y chromium); client.lobbyMs and client.lobbyPhoneMs skipped',
      );
      return figures;
    }
    const { createApp } = await import('../server/app');
    const app = createApp({ dbPath: ':memory:', clientDir: dir, log: () => undefined });
    const port = 20000 + Math.floor(Math.random() * 20000);
    await app.server.listen(port);
    const lobbyMs = async (runs: number, phone: boolean): Promise<number> => {
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const browser = phone
          ? await launch({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 3 })
          : await launch({ width: 1280, height: 720 });
        try {
          const page = await newPage(browser);
          if (phone) {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          }
          await page.goto(`http://127.0.0.1:${port}/`);
          await page.waitForFunction(() => document.documentElement.dataset.readyMs !== undefined, null, {
            timeout: 30_000,
          });
          times.push(Number(await page.evaluate(() => document.documentElement.dataset.readyMs)));
        } finally {
          await browser.close();
        }
      }
      return median(times);
    };
    try {
      figures.push({
        key: 'client.lobbyMs',
        label: 'navigation to a usable lobby in headless Chromium, median of 7',
        value: await lobbyMs(7, false),
        unit: 'ms',
        target: '< 1500',
      });
      figures.push({
        key: 'client.lobbyPhoneMs',
        label: 'the same on a phone (390×844, CPU 4× slower), median of 5',
        value: await lobbyMs(5, true),
        unit: 'ms',
        target: '< 1500',
      });
    } finally {
      await app.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The role-percentile benchmark (DESIGN 4): how fast its seeded bot tables play in one process,
 * and how long a table's moves take to be answered while the server plays a benchmark in its
 * worker thread (a refused move's round trip, every 20 ms, against the same after it is done).
 */
async function benchmark(): Promise<Figure[]> {
  runBenchmark(sixSeats, { games: 10 }); // warm-up
  const t0 = performance.now();
  runBenchmark(sixSeats, { games: BENCHMARK_GAMES });
  const seconds = (performance.now() - t0) / 1000;
  const figures: Figure[] = [
    {
      key: 'benchmark.seconds',
      label: `role-percentile benchmark of a 6-seat scenario (${BENCHMARK_GAMES} bot tables)`,
      value: +seconds.toFixed(2),
      unit: 's',
      target: 'seconds',
    },
    {
      key: 'benchmark.gamesPerSecond',
      label: 'benchmark bot tables played per second',
      value: Math.round(BENCHMARK_GAMES / seconds),
      unit: 'games/s',
    },
  ];
  const { createApp } = await import('../server/app');
  const { Client } = await import('@colyseus/sdk');
  // The flood guard would drop a ping every 20 ms: this measures the server, not the guard.
  const app = createApp({
    dbPath: ':memory:',
    log: () => undefined,
    settings: { botDelayMs: 0, rateBurst: 1e6, ratePerSecond: 1e6 },
  });
  const port = 20000 + Math.floor(Math.random() * 20000);
  await app.server.listen(port);
  try {
    const started = performance.now();
    // A solo table asks for its scenario's benchmark as it opens: its moves are measured meanwhile.
    const room = await new Client(`http://127.0.0.1:${port}`).create('table', {
      scenario: sixSeats.id,
      solo: true,
      name: 'Bench',
    });
    let answered: (() => void) | null = null;
    room.onMessage('*', (type) => {
      if (type === 'error') answered?.();
    });
    const roundTrip = async (): Promise<number> => {
      const t = performance.now();
      await new Promise<void>((resolve) => {
        answered = resolve;
        room.send('accept', { proposal: 999_999 });
      });
      return performance.now() - t;
    };
    const during: number[] = [];
    while (!app.ctx.benchmarks.status(sixSeats).ready) {
      during.push(await roundTrip());
      await new Promise((r) => setTimeout(r, 20));
    }
    const serverSeconds = (performance.now() - started) / 1000;
    const after: number[] = [];
    for (let i = 0; i < 100; i++) {
      after.push(await roundTrip());
      await new Promise((r) => setTimeout(r, 20));
    }
    await room.leave();
    const sorted = during.slice().sort((a, b) => a - b);
    const idle = after.slice().sort((a, b) => a - b);
    figures.push(
      {
        key: 'benchmark.serverSeconds',
        label: `the same in the server's worker thread, from table creation to ready`,
        value: +serverSeconds.toFixed(2),
        unit: 's',
      },
      {
        key: 'benchmark.moveMedianMs',
        label: `a table's move answered while it runs, median of ${during.length}`,
        value: +median(during).toFixed(2),
        unit: 'ms',
      },
      {
        key: 'benchmark.moveP99Ms',
        label: `a table's move answered while it runs, 99th percentile`,
        value: +sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))].toFixed(2),
        unit: 'ms',
        target: '< 50',
      },
      {
        key: 'benchmark.moveMaxMs',
        label: `a table's move answered while it runs, slowest`,
        value: +sorted[sorted.length - 1].toFixed(2),
        unit: 'ms',
        target: '< 50',
      },
      {
        key: 'benchmark.moveIdleMedianMs',
        label: "a table's move answered after it is done, median of 100",
        value: +median(after).toFixed(2),
        unit: 'ms',
      },
      {
        key: 'benchmark.moveIdleMaxMs',
        label: "a table's move answered after it is done, slowest",
        value: +idle[idle.length - 1].toFixed(2),
        unit: 'ms',
      },
    );
  } finally {
    await app.close();
  }
  return figures;
}

const SECTIONS: Record<string, Section> = { engine, power, tournaments, benchmark, client, class: classBench };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
    strict: true,
  });
  const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SECTIONS);
  const unknown = chosen.filter((c) => !SECTIONS[c]);
  if (unknown.length) {
    console.error(`bench: unknown section ${unknown.join(', ')}; sections are ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  const figures: Figure[] = [];
  for (const name of chosen) figures.push(...(await SECTIONS[name]()));
  const cpu = cpus();
  const machine = { cpuModel: cpu[0]?.model ?? 'unknown', cpuCount: cpu.length, node: process.version };
  if (values.json) {
    const out: Record<string, number | string> = {
      'machine.cpuModel': machine.cpuModel,
      'machine.cpuCount': machine.cpuCount,
      'machine.node': machine.node,
    };
    for (const f of figures) out[f.key] = f.value;
    console.log(JSON.stringify(out));
    return;
  }
  console.log(`Leverage benchmarks on ${machine.cpuCount} × ${machine.cpuModel}, Node ${machine.node}\n`);
  const width = Math.max(...figures.map((f) => f.label.length));
  for (const f of figures) {
    console.log(
      `${f.label.padEnd(width)}  ${f.value.toLocaleString('en-GB').padStart(12)} ${f.unit.padEnd(9)} ${f.target ? `(target ${f.target})` : ''}`,
    );
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
