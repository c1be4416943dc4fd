// Storage for more than one machine (issue 11): two server processes share PostgreSQL and Redis
// and play tables on both; one is killed for good, and the other takes over its tables, which
// their players rejoin with their seat tokens, every move they saw still there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Player, waitFor } from './helpers';
import { startPostgres, startRedis, type Service } from './services';

interface Running {
  child: ChildProcess;
  port: number;
  /** Its Colyseus process id: the owner of its tables in PostgreSQL. */
  id: string;
  output: () => string;
}

const dir = mkdtempSync(join(tmpdir(), 'leverage-loss-'));
let postgres: Service | null = null;
let redis: Service | null = null;
const servers: Running[] = [];

async function startProcess(i: number): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: postgres!.url,
      LEVERAGE_REDIS_URL: redis!.url,
      LEVERAGE_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      LEVERAGE_DB: join(dir, `unused-${i}.db`),
      LEVERAGE_CLIENT_DIR: join(dir, 'no-client'),
      LEVERAGE_BOT_DELAY_MS: '0',
      LEVERAGE_TAKEOVER_SECONDS: '600',
      // A stopped process's tables are taken over after 2 s without its heartbeat.
      LEVERAGE_ORPHAN_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await waitFor(() => out.includes('Press Ctrl+C to stop') || child.exitCode !== null, 30_000, `server ${i}`).catch(
    (e: Error) => {
      throw new Error(`${e.message}: ${out}`);
    },
  );
  if (child.exitCode !== null) throw new Error(`server ${i} exited: ${out}`);
  const id = /\(process ([\w-]+)\)/.exec(out)?.[1];
  if (!id) throw new Error(`server ${i} did not say its process id: ${out}`);
  return { child, port, id, output: () => out };
}

beforeAll(async () => {
  postgres = await startPostgres();
  redis = await startRedis();
  if (!postgres || !redis) return;
  servers.push(await startProcess(0), await startProcess(1));
}, 120_000);

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  await postgres?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;

async function owners(): Promise<Map<string, string>> {
  const db = new pg.Client({ connectionString: postgres!.url });
  await db.connect();
  try {
    const rows = (
      await db.query<{ code: string; owner: string }>("SELECT code, owner FROM tables WHERE status = 'open'")
    ).rows;
    return new Map(rows.map((r) => [r.code, r.owner]));
  } finally {
    await db.end();
  }
}

interface Table {
  code: string;
  players: Player[];
  tokens: string[];
}

/** A table of two people and three bots, set up through one process, started, with a chat each. */
async function playTable(via: Client, n: number): Promise<Table> {
  const host = new Player(
    await via.create('table', {
      scenario: 'harbour-development',
      name: `A${n}`,
      seats: [{ kind: 'human' }, { kind: 'human' }, BOT, BOT, BOT],
      durations: { negotiate: 600, trust: 600 },
    }),
  );
  await waitFor(() => host.welcome !== null && host.view !== null, 10_000, 'welcome');
  const code = host.welcome!.code;
  const guest = new Player(await via.joinById(code, { name: `B${n}` }));
  await waitFor(() => guest.welcome !== null && guest.view !== null, 10_000, 'the guest’s welcome');
  host.send('start', {});
  await guest.waitView((v) => v.phase === 'negotiate', 10_000, 'negotiate');
  host.send('chat', { to: null, text: `hello from table ${n}` });
  guest.send('chat', { to: null, text: `reply at table ${n}` });
  await host.waitView((v) => v.chat.some((m) => m.text === `reply at table ${n}`), 10_000, 'the chat');
  return { code, players: [host, guest], tokens: [host.welcome!.token!, guest.welcome!.token!] };
}

describe('machine loss', () => {
  it('another process takes over the tables of a process killed for good, and their players rejoin there', async (test) => {
    // Not installed here (and not CI, where a missing service fails in beforeAll): nothing to run.
    if (!postgres || !redis) return test.skip();
    const [a, b] = servers;
    const viaA = new Client(`http://127.0.0.1:${a.port}`);
    // Colyseus places a new room on the process with the fewest, as each reports its count to
    // Redis (about once a second): tables until both processes hold two.
    const tables: Table[] = [];
    const held = async (id: string) => [...(await owners()).values()].filter((o) => o === id).length;
    while (tables.length < 8 && ((await held(a.id)) < 2 || (await held(b.id)) < 2)) {
      tables.push(await playTable(viaA, tables.length));
      await new Promise((r) => setTimeout(r, 1100));
    }
    const before = await owners();
    const onA = tables.filter((t) => before.get(t.code) === a.id);
    const onB = tables.filter((t) => before.get(t.code) === b.id);
    expect(onA.length).toBeGreaterThanOrEqual(2);
    expect(onB.length).toBeGreaterThanOrEqual(2);
    expect(onA.length + onB.length).toBe(tables.length);

    for (const t of tables) for (const p of t.players) p.room.reconnection.enabled = false;
    a.child.kill('SIGKILL');
    await waitFor(
      () => onA.every((t) => t.players.every((p) => p.left !== null)),
      10_000,
      'A’s clients to lose their connection',
    );

    // B takes A's tables over once A's heartbeat is 2 s old.
    await waitFor(() => b.output().includes('took over'), 30_000, 'B to take over');
    const after = await owners();
    for (const t of tables) expect(after.get(t.code)).toBe(b.id);

    const viaB = new Client(`http://127.0.0.1:${b.port}`);
    for (const [i, t] of tables.entries()) {
      if (onB.includes(t)) continue;
      const back = await Promise.all(
        t.tokens.map(async (token) => {
          const p = new Player(await viaB.joinById(t.code, { token }));
          await waitFor(() => p.welcome !== null && p.view !== null, 10_000, 'a rejoin');
          return p;
        }),
      );
      expect(back.map((p) => p.seat)).toEqual([0, 1]);
      // Every move they saw is there, and the game goes on.
      expect(back[0].view!.chat.map((m) => m.text)).toEqual([`hello from table ${i}`, `reply at table ${i}`]);
      back[1].send('chat', { to: null, text: `after the loss ${i}` });
      await back[0].waitView((v) => v.chat.some((m) => m.text === `after the loss ${i}`), 10_000, 'play to go on');
    }
    // B's own tables played on untouched.
    for (const t of onB) {
      t.players[0].send('chat', { to: null, text: 'still here' });
      await t.players[1].waitView((v) => v.chat.some((m) => m.text === 'still here'), 10_000, 'B’s own table');
    }
  }, 120_000);
});
