// `npm run loadtest -- --tables N --seats 5 --pace 2-5 --duration S [--url ws://…] [--json]`
//
// Capacity of one server process: N tables of `--seats` people each, every person connected
// through the official @colyseus/sdk (spread over worker threads, so that the generator is not
// the bottleneck), playing legal moves (proposals, chat, ready, trust moves) with a think time
// drawn from `--pace` seconds, or `--pace flat` for flat out (as fast as results come back, under
// the server's flood limit). It starts a server of its own (a fresh database in a temporary
// folder, per-address limits off) unless `--url` names a running one on this machine, warms up,
// measures for `--duration` seconds, and prints the move-to-result latency (p50/p95/p99: from
// sending a move to seeing its result in a view, or its refusal), moves per second, errors, and
// the server's CPU, RSS and event-loop delay (GET /api/metrics, loopback only). It stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { freePort } from '../server/free-port';
import type { Metrics } from '../server/metrics';
import type { FromWorker, ToWorker, WorkerConfig } from './loadtest-worker';

interface Options {
  tables: number;
  seats: number;
  pace: [number, number];
  duration: number;
  warmup: number;
  url: string | null;
  json: boolean;
  workers: number;
  sync: 'full' | 'normal';
}

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run loadtest -- --tables N --seats 5 --pace 2-5|flat --duration S [--warmup S] [--workers W] [--url ws://127.0.0.1:PORT] [--sync full|normal] [--json]`,
  );
  process.exit(2);
}

function parse(argv: string[]): Options {
  const o: Options = {
    tables: 10,
    seats: 5,
    pace: [2000, 5000],
    duration: 30,
    warmup: 0,
    url: null,
    json: false,
    workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
    sync: 'full',
  };
  let warmupGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? usage(`${flag} needs a value.`);
    const count = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) usage(`${flag} must be a whole number of at least ${min}.`);
      return n;
    };
    if (flag === '--tables') o.tables = count(1);
    else if (flag === '--seats') o.seats = count(1);
    else if (flag === '--duration') o.duration = count(1);
    else if (flag === '--warmup') {
      o.warmup = count(0);
      warmupGiven = true;
    } else if (flag === '--workers') o.workers = count(1);
    else if (flag === '--json') o.json = true;
    else if (flag === '--url') o.url = value();
    else if (flag === '--sync') {
      const v = value();
      if (v !== 'full' && v !== 'normal') usage('--sync is full or normal.');
      o.sync = v;
    } else if (flag === '--pace') {
      const v = value();
      if (v === 'flat' || v === '0') o.pace = [0, 0];
      else {
        const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(v);
        if (!m) usage('--pace is seconds between moves, like 2-5, or flat.');
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        if (hi < lo || hi <= 0) usage('--pace: the range must go up, like 2-5.');
        o.pace = [lo * 1000, hi * 1000];
      }
    } else usage(`Unknown option ${flag}.`);
  }
  // Long enough for every person's first move (spread over one think time) to have happened.
  if (!warmupGiven) o.warmup = Math.min(10, Math.max(3, Math.ceil(o.pace[1] / 1000)));
  if (o.url !== null) {
    let host: string;
    try {
      host = new URL(o.url).hostname;
    } catch {
      usage(`--url ${o.url} is not a URL.`);
    }
    // A load test is traffic of our own making: it goes to this machine only.
    if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
      usage('--url must be a server on this machine (127.0.0.1 or localhost).');
  }
  return o;
}

interface Server {
  url: string;
  stop(): Promise<void>;
}

/**
 * A server process of its own, as `npm start` runs it, with the per-address limits off (every
 * client is on loopback) and no role-percentile benchmarks.
 */
async function startServer(o: Options): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'leverage-load-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      LEVERAGE_DB: join(dir, 'load.db'),
      LEVERAGE_DB_SYNC: o.sync,
      LEVERAGE_CLIENT_DIR: join(dir, 'no-client'),
      LEVERAGE_REDIS_URL: '',
      LEVERAGE_PUBLIC_ADDRESS: '',
      LEVERAGE_MAX_TABLES_PER_ADDRESS: '0',
      LEVERAGE_MAX_CONNECTIONS_PER_ADDRESS: '0',
      // A fresh database would compute every scenario's role-percentile benchmark during the run,
      // work a running server does once and keeps: left out, so the figures are the tables' own.
      LEVERAGE_BENCHMARK_GAMES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const start = Date.now();
  while (!out.includes('Press Ctrl+C to stop')) {
    if (child.exitCode !== null || Date.now() - start > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function metrics(url: string): Promise<Metrics> {
  const res = await fetch(`${url.replace(/^ws/, 'http')}/api/metrics`);
  if (!res.ok) throw new Error(`GET /api/metrics: ${res.status} (the server must be on this machine)`);
  return (await res.json()) as Metrics;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * How busy the machine was besides this run (Linux): the 1-minute load average and the share of
 * the last 60 s in which some runnable task waited for a CPU. Figures from a shared machine
 * mean little without these.
 */
function machineLoad(): { loadAverage: number; cpuPressurePercent: number | null } {
  let pressure: number | null = null;
  try {
    const m = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    if (m) pressure = Number(m[1]);
  } catch {
    pressure = null;
  }
  return { loadAverage: round1(loadavg()[0]), cpuPressurePercent: pressure };
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const log = (m: string) => {
    if (!o.json) console.log(m);
    else console.error(m);
  };
  const server = o.url ? null : await startServer(o);
  const url = o.url ?? server!.url;
  try {
    const scenarios = (await (await fetch(`${url.replace(/^ws/, 'http')}/api/scenarios`)).json()) as {
      id: string;
      roles: unknown[];
    }[];
    const fits = scenarios.filter((s) => s.roles.length >= o.seats).sort((a, b) => a.roles.length - b.roles.length);
    if (fits.length === 0) usage(`No scenario has ${o.seats} roles.`);
    const scenario = fits[0];
    const workers = Math.min(o.workers, o.tables);
    log(
      `Load test: ${o.tables} tables x ${o.seats} people (${scenario.id}), pace ${o.pace[1] === 0 ? 'flat out' : `${o.pace[0] / 1000}-${o.pace[1] / 1000} s`}, ` +
        `${o.duration} s after ${o.warmup} s warm-up, ${workers} worker threads, server ${o.url ? url : `${url} (started for this run, synchronous=${o.sync})`}`,
    );

    const threads = Array.from({ length: workers }, (_, w) => {
      const config: WorkerConfig = {
        url,
        tables: Math.floor(o.tables / workers) + (w < o.tables % workers ? 1 : 0),
        people: o.seats,
        seatsOfScenario: scenario.roles.length,
        scenario: scenario.id,
        pace: o.pace,
        worker: w,
      };
      return new Worker(new URL('./loadtest-worker.ts', import.meta.url), {
        workerData: config,
        execArgv: ['--import', 'tsx'],
      });
    });
    const inbox = threads.map(() => [] as FromWorker[]);
    threads.forEach((t, i) =>
      t.on('message', (m: FromWorker) => {
        if (m.type === 'log') log(m.message);
        else inbox[i].push(m);
      }),
    );
    for (const t of threads) t.on('error', (e) => log(`worker error: ${e.stack ?? e.message}`));
    const next = async <K extends FromWorker['type']>(type: K): Promise<Extract<FromWorker, { type: K }>[]> => {
      while (inbox.some((box) => !box.some((m) => m.type === type))) await new Promise((r) => setTimeout(r, 50));
      return inbox.map((box) => box.find((m) => m.type === type)! as Extract<FromWorker, { type: K }>);
    };
    const tell = (m: ToWorker) => threads.forEach((t) => t.postMessage(m));

    const setupStart = Date.now();
    const ready = await next('ready');
    const clients = ready.reduce((n, r) => n + r.clients, 0);
    const failedTables = ready.reduce((n, r) => n + r.failed, 0);
    log(
      `${clients} clients at ${o.tables - failedTables} tables in ${round1((Date.now() - setupStart) / 1000)} s${failedTables ? ` (${failedTables} tables failed to set up)` : ''}; warming up`,
    );

    tell({ type: 'play' });
    await new Promise((r) => setTimeout(r, o.warmup * 1000));
    const before = await metrics(url);
    const genBefore = process.cpuUsage();
    const t0 = performance.now();
    tell({ type: 'measure' });
    let rssMax = before.rssBytes;
    const eventLoop: Metrics['eventLoop'][] = [];
    const sampler = setInterval(() => {
      void metrics(url)
        .then((m) => {
          rssMax = Math.max(rssMax, m.rssBytes);
          eventLoop.push(m.eventLoop);
        })
        .catch(() => undefined);
    }, 1000);
    await new Promise((r) => setTimeout(r, o.duration * 1000));
    clearInterval(sampler);
    const after = await metrics(url);
    eventLoop.push(after.eventLoop);
    const seconds = (performance.now() - t0) / 1000;
    const genAfter = process.cpuUsage(genBefore);
    tell({ type: 'stop' });
    const done = await next('done');
    await Promise.all(threads.map((t) => new Promise((r) => t.once('exit', r))));

    const latencies = done.flatMap((d) => d.latencies).sort((a, b) => a - b);
    const moves = done.reduce((n, d) => n + d.moves, 0);
    const refused: Record<string, number> = {};
    for (const d of done) for (const [k, v] of Object.entries(d.refused)) refused[k] = (refused[k] ?? 0) + v;
    const refusals = Object.values(refused).reduce((a, b) => a + b, 0);
    const timeouts = done.reduce((n, d) => n + d.timeouts, 0);
    const disconnects = done.reduce((n, d) => n + d.disconnects, 0);
    const cpuServer =
      (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) /
      1000 /
      (after.wallMs - before.wallMs || 1);
    const result = {
      tables: o.tables,
      seats: o.seats,
      clients,
      pace: o.pace[1] === 0 ? 'flat' : `${o.pace[0] / 1000}-${o.pace[1] / 1000}`,
      durationSeconds: round1(seconds),
      latencyMs: {
        p50: round1(percentile(latencies, 50)),
        p95: round1(percentile(latencies, 95)),
        p99: round1(percentile(latencies, 99)),
        max: round1(latencies[latencies.length - 1] ?? NaN),
      },
      movesPerSecond: round1(moves / seconds),
      errors: { refused: refusals, byCode: refused, timeouts, disconnects, tablesNotSetUp: failedTables },
      server: {
        cpuPercent: round1(cpuServer * 100),
        rssMB: round1(rssMax / 1048576),
        eventLoopDelayMs: {
          p50: round1(Math.max(...eventLoop.map((e) => e.p50))),
          p99: round1(Math.max(...eventLoop.map((e) => e.p99))),
          max: round1(Math.max(...eventLoop.map((e) => e.max))),
        },
        synchronous: o.url ? 'unknown' : o.sync,
      },
      generatorCpuPercent: round1(((genAfter.user + genAfter.system) / 1000 / (seconds * 1000)) * 100),
      machine: { cores: availableParallelism(), ...machineLoad() },
    };
    if (o.json) console.log(JSON.stringify(result, null, 2));
    else {
      log('');
      log(
        `move -> result   p50 ${result.latencyMs.p50} ms   p95 ${result.latencyMs.p95} ms   p99 ${result.latencyMs.p99} ms   max ${result.latencyMs.max} ms`,
      );
      log(`moves            ${result.movesPerSecond}/s (${moves} in ${result.durationSeconds} s)`);
      log(
        `errors           ${refusals} refused${
          refusals
            ? ` (${Object.entries(refused)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')})`
            : ''
        }, ${timeouts} timed out, ${disconnects} disconnected`,
      );
      log(
        `server           CPU ${result.server.cpuPercent}% of one core, RSS ${result.server.rssMB} MB, event-loop delay p50 ${result.server.eventLoopDelayMs.p50} ms / p99 ${result.server.eventLoopDelayMs.p99} ms / max ${result.server.eventLoopDelayMs.max} ms (worst second)`,
      );
      log(`generator        CPU ${result.generatorCpuPercent}% of one core`);
      log(
        `machine          ${result.machine.cores} cores, load average ${result.machine.loadAverage}` +
          (result.machine.cpuPressurePercent === null
            ? ''
            : `, CPU pressure ${result.machine.cpuPressurePercent}% (tasks waiting for a CPU, last 60 s)`),
      );
    }
  } finally {
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  },
);
