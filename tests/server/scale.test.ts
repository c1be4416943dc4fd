// Scale-out: server processes sharing one Redis. A client that asks the second server for a table
// the first one holds is sent there; after a crash each process restores its own tables.
// Redis comes from LEVERAGE_TEST_REDIS_URL or a redis-server on PATH, started here on a free port.
// Without either the tests are skipped with a warning; under CI a missing Redis fails the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Player, waitFor } from './helpers';

/** The first executable called `name` on PATH, as a shell would find it. */
function onPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return null;
}

const external = process.env.LEVERAGE_TEST_REDIS_URL || undefined;
const redisBinary = external ? null : onPath('redis-server');
const canRun = Boolean(external || redisBinary);
const MISSING =
  'The scale-out tests need Redis: put redis-server on PATH (apt-get install -y redis-server) or set LEVERAGE_TEST_REDIS_URL.';
if (!canRun) {
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${MISSING} Under CI a missing Redis fails the run.`);
  console.warn(`${MISSING} Skipping them outside CI.`);
}

let redis: ChildProcess | null = null;
let url = external ?? '';
const dir = mkdtempSync(join(tmpdir(), 'leverage-scale-'));

interface ServerProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<void>;
}
const running = new Set<ServerProcess>();

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Answers once Redis replies to PING: it is up, not merely spawned. */
async function redisReady(redisUrl: string, timeout = 15_000): Promise<void> {
  const { hostname, port } = new URL(redisUrl);
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname);
      let reply = '';
      socket.once('error', () => resolve(false));
      socket.on('data', (d) => {
        reply += String(d);
        if (reply.includes('\r\n')) {
          socket.destroy();
          resolve(reply.startsWith('+PONG'));
        }
      });
      socket.once('connect', () => socket.write('PING\r\n'));
    });
  const start = Date.now();
  while (!(await ping())) {
    if (redis && redis.exitCode !== null) throw new Error(`redis-server exited with code ${redis.exitCode}`);
    if (Date.now() - start > timeout) throw new Error(`Redis at ${redisUrl} did not answer PING within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One server process, as `npm start` runs it, sharing the Redis; `db` names its own database file. */
async function startProcess(db: string, port?: number): Promise<ServerProcess> {
  port ??= await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      LEVERAGE_DB: join(dir, db),
      LEVERAGE_BOT_DELAY_MS: '0',
      LEVERAGE_REDIS_URL: url,
      LEVERAGE_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const p: ServerProcess = { child, port, output: () => out, exited: exitOf(child) };
  running.add(p);
  await waitFor(
    () => out.includes('Press Ctrl+C to stop') || child.exitCode !== null,
    30_000,
    'a server process',
  ).catch((e) => {
    throw new Error(`${(e as Error).message}: ${out}`);
  });
  if (child.exitCode !== null) throw new Error(`the server exited: ${out}`);
  return p;
}

async function kill(p: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  p.child.kill(signal);
  await p.exited;
  running.delete(p);
}

/** The process whose database holds a table (the HTTP API answers from its own store only). */
async function holderOf(code: string, processes: ServerProcess[]): Promise<ServerProcess> {
  const holders: ServerProcess[] = [];
  for (const p of processes)
    if ((await fetch(`http://127.0.0.1:${p.port}/api/tables/${code}`)).status === 200) holders.push(p);
  expect(holders).toHaveLength(1);
  return holders[0];
}

/** The codes a process printed under "Restored tables:" when it started. */
function restoredBy(p: ServerProcess): string[] {
  const line = /Restored tables: +(.*)/.exec(p.output());
  return line ? line[1].split(',').map((c) => c.trim()) : [];
}

const SEATS = [
  { kind: 'human' },
  { kind: 'human' },
  { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'incumbent', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'hardliner', difficulty: 'normal' } },
] as const;

beforeAll(async () => {
  if (!canRun) return;
  if (!external) {
    const port = await freePort();
    redis = spawn(redisBinary!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    url = `redis://127.0.0.1:${port}`;
  }
  await redisReady(url);
}, 60_000);

afterAll(async () => {
  for (const p of [...running]) await kill(p, 'SIGTERM');
  if (redis) {
    redis.kill();
    await exitOf(redis);
  }
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe.skipIf(!canRun)('scaling out with Redis', () => {
  it('a player joining through another process reaches the table where it lives', async () => {
    const processes = [await startProcess('p0.db'), await startProcess('p1.db')];
    const host = new Player(
      await new Client(`http://127.0.0.1:${processes[0].port}`).create('table', {
        scenario: 'harbour-development',
        name: 'Ada',
        seats: [...SEATS],
      }),
    );
    await waitFor(() => host.welcome !== null, 5000, 'welcome');
    const code = host.welcome!.code;
    const holder = await holderOf(code, processes);
    const elsewhere = processes.find((p) => p !== holder)!;
    const guest = new Player(await new Client(`http://127.0.0.1:${elsewhere.port}`).joinById(code, { name: 'Bo' }));
    await waitFor(() => guest.welcome !== null && guest.view !== null, 5000, 'the guest’s welcome');
    expect(guest.welcome!.code).toBe(code);
    expect(guest.welcome!.seat).toBe(1);
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate on the guest');
    await host.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate on the host');
    await host.room.leave();
    await guest.room.leave();
    for (const p of processes) await kill(p, 'SIGTERM');
  }, 90_000);

  it('after a crash each process restores its own tables, and players reach them through either', async () => {
    let one = await startProcess('r0.db');
    let two = await startProcess('r1.db');
    // Matchmaking places each new table on the least busy process, whichever was asked: make
    // tables until both processes hold one.
    const tables: { player: Player; code: string; holder: 0 | 1 }[] = [];
    for (let i = 0; i < 8 && new Set(tables.map((t) => t.holder)).size < 2; i++) {
      const via = i % 2 === 0 ? one : two;
      const player = new Player(
        await new Client(`http://127.0.0.1:${via.port}`).create('table', {
          scenario: 'harbour-development',
          name: `P${i}`,
          seats: [...SEATS],
        }),
      );
      await waitFor(() => player.welcome !== null && player.view !== null, 5000, 'the welcome');
      player.send('start', {});
      await player.waitView((v) => v.phase === 'negotiate', 5000, 'the table to start');
      player.room.reconnection.enabled = false;
      const code = player.welcome!.code;
      tables.push({ player, code, holder: (await holderOf(code, [one, two])) === one ? 0 : 1 });
    }
    const heldBy = (i: 0 | 1) =>
      tables
        .filter((t) => t.holder === i)
        .map((t) => t.code)
        .sort();
    expect(heldBy(0).length).toBeGreaterThan(0);
    expect(heldBy(1).length).toBeGreaterThan(0);

    await kill(one);
    await kill(two);
    one = await startProcess('r0.db', one.port);
    two = await startProcess('r1.db', two.port);
    expect(restoredBy(one).sort()).toEqual(heldBy(0));
    expect(restoredBy(two).sort()).toEqual(heldBy(1));

    // Each player comes back through the process that does not hold its table, to its own seat.
    for (const t of tables) {
      const via = t.holder === 0 ? two : one;
      const back = new Player(
        await new Client(`http://127.0.0.1:${via.port}`).joinById(t.code, { token: t.player.welcome!.token! }),
      );
      await waitFor(() => back.welcome !== null && back.view !== null, 5000, 'the welcome back');
      expect(back.welcome!.code).toBe(t.code);
      expect(back.welcome!.seat).toBe(0);
      expect(back.view!.phase).toBe('negotiate');
      await back.room.leave();
    }
  }, 120_000);
});
