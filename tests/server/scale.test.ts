// Scale-out: two server processes sharing one Redis. A client that asks the second
// server for a table the first one holds is sent there, and both players sit at one table.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Player, waitFor } from './helpers';

const redisBinary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
const external = process.env.LEVERAGE_TEST_REDIS_URL;
const canRun = Boolean(external || redisBinary);

let redis: ChildProcess | null = null;
let url = external ?? '';
const dir = mkdtempSync(join(tmpdir(), 'leverage-scale-'));
const servers: { child: ChildProcess; port: number }[] = [];

/** One server process, as `npm start` runs it, sharing the Redis. */
async function startProcess(i: number): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, PORT: String(port), LEVERAGE_DB: join(dir, `p${i}.db`), LEVERAGE_BOT_DELAY_MS: '0',
      LEVERAGE_REDIS_URL: url, LEVERAGE_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await waitFor(() => out.includes('Press Ctrl+C to stop') || child.exitCode !== null, 20_000, 'a server process').catch((e) => {
    throw new Error(`${(e as Error).message}: ${out}`);
  });
  if (child.exitCode !== null) throw new Error(`the server exited: ${out}`);
  return { child, port };
}

beforeAll(async () => {
  if (!canRun) return;
  if (!external) {
    const port = await freePort();
    redis = spawn(redisBinary!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `redis://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 300));
  }
  servers.push(await startProcess(0), await startProcess(1));
}, 60_000);

afterAll(async () => {
  for (const { child } of servers) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  redis?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(canRun)('scaling out with Redis', () => {
  it('a player joining through another process reaches the table where it lives', async () => {
    const a = new Client(`http://127.0.0.1:${servers[0].port}`);
    const b = new Client(`http://127.0.0.1:${servers[1].port}`);
    const host = new Player(await a.create('table', { scenario: 'harbour-development', name: 'Ada', seats: [
      { kind: 'human' }, { kind: 'human' },
      { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
      { kind: 'bot', bot: { kind: 'persona', persona: 'incumbent', difficulty: 'normal' } },
      { kind: 'bot', bot: { kind: 'persona', persona: 'hardliner', difficulty: 'normal' } },
    ] }));
    await waitFor(() => host.welcome !== null, 5000, 'welcome');
    const code = host.welcome!.code;
    const guest = new Player(await b.joinById(code, { name: 'Bo' }));
    await waitFor(() => guest.welcome !== null && guest.view !== null, 5000, 'the guest’s welcome');
    expect(guest.welcome!.code).toBe(code);
    expect(guest.welcome!.seat).toBe(1);
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate on the guest');
    await host.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate on the host');
    await host.room.leave();
    await guest.room.leave();
  });
});
