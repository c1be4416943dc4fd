// Benchmarks: figures printed, never asserted (speed targets do not belong in unit tests).
//
//   npm run bench            a table of figures with the machine they were measured on
//   npm run bench -- --json  one JSON object keyed by figure name
//   npm run bench -- --only engine,power   run some sections
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
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
    { key: 'engine.actionsPerSecond', label: 'engine actions applied per second', value: Math.round(total / (best / 1000)), unit: 'actions/s', target: '≥ 200,000' },
    { key: 'engine.gameMs', label: `whole 6-seat random game (${Math.round(actionsPerRound / 300)} actions a round), median`, value: +median(times).toFixed(3), unit: 'ms', target: '< 5' },
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
  return [{ key: 'power.fiftySeatsMs', label: 'power indices of a 50-seat game, median', value: +median(times).toFixed(2), unit: 'ms', target: 'milliseconds' }];
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
    { key: 'tournament.standardSeconds', label: 'standard trust tournament (13 strategies, 200 turns, 10 repetitions)', value: +standard.toFixed(3), unit: 's', target: '< 0.5' },
    { key: 'bots.thousandGamesSeconds', label: '1,000 seeded 6-seat coalition games with personas', value: +thousand.toFixed(2), unit: 's', target: '< 5' },
  ];
}

/**
 * The browser client: its gzipped JavaScript (everything the built page loads) and the time from
 * navigation to the lobby's ready marker in headless Chromium on loopback, median of 7 fresh
 * browser profiles (no cache).
 */
async function client(): Promise<Figure[]> {
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { gzipSync } = await import('node:zlib');
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'leverage-bench-client-'));
  try {
    await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
    let gz = 0;
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.js')) gz += gzipSync(readFileSync(p), { level: 9 }).length;
      }
    };
    walk(dir);
    const figures: Figure[] = [{ key: 'client.jsGzipKB', label: 'client JavaScript, gzipped', value: +(gz / 1024).toFixed(1), unit: 'KB', target: '< 500' }];
    const { hasChromium, launch, newPage } = await import('../tests/e2e/browser');
    if (!hasChromium()) {
      console.error('bench: no Chromium at /usr/bin/chromium (apt-get install -y chromium); client.lobbyMs skipped');
      return figures;
    }
    const { createApp } = await import('../server/app');
    const app = createApp({ dbPath: ':memory:', clientDir: dir, log: () => undefined });
    const port = 20000 + Math.floor(Math.random() * 20000);
    await app.server.listen(port);
    const times: number[] = [];
    try {
      for (let run = 0; run < 7; run++) {
        const browser = await launch({ width: 1280, height: 720 });
        try {
          const page = await newPage(browser);
          await page.goto(`http://127.0.0.1:${port}/`);
          await page.waitForFunction(() => document.documentElement.dataset.readyMs !== undefined, null, { timeout: 20_000 });
          times.push(Number(await page.evaluate(() => document.documentElement.dataset.readyMs)));
        } finally {
          await browser.close();
        }
      }
    } finally {
      await app.close();
    }
    figures.push({ key: 'client.lobbyMs', label: 'navigation to a usable lobby in headless Chromium, median of 7', value: median(times), unit: 'ms', target: '< 1500' });
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SECTIONS: Record<string, Section> = { engine, power, tournaments, client };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, only: { type: 'string' } }, strict: true });
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
    const out: Record<string, number | string> = { 'machine.cpuModel': machine.cpuModel, 'machine.cpuCount': machine.cpuCount, 'machine.node': machine.node };
    for (const f of figures) out[f.key] = f.value;
    console.log(JSON.stringify(out));
    return;
  }
  console.log(`Leverage benchmarks on ${machine.cpuCount} × ${machine.cpuModel}, Node ${machine.node}\n`);
  const width = Math.max(...figures.map((f) => f.label.length));
  for (const f of figures) {
    console.log(`${f.label.padEnd(width)}  ${f.value.toLocaleString('en-GB').padStart(12)} ${f.unit.padEnd(9)} ${f.target ? `(target ${f.target})` : ''}`);
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
