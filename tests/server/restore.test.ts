// Nothing lost (issue 4, item 7): a real server process, killed with SIGKILL mid-game and
// started again on the same database, restores each unfinished table from its log.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { viewFor } from '../../shared/engine/view';
import { replay } from '../../shared/record/log';
import { Store } from '../../server/store/store';
import { autoPlay, freePort, Player, waitFor } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'leverage-restore-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` in one process of its own, exactly as `npm start` does. */
async function startServer(port: number, db: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      LEVERAGE_REDIS_URL: '',
      LEVERAGE_PUBLIC_ADDRESS: '',
      PORT: String(port),
      LEVERAGE_DB: db,
      LEVERAGE_BOT_DELAY_MS: '0',
      LEVERAGE_TAKEOVER_SECONDS: '600',
      LEVERAGE_ACCEPT_SEED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitFor(
    () => out.includes('Press Ctrl+C to stop') || child.exitCode !== null,
    20_000,
    'the server to start',
  ).catch((e) => {
    throw new Error(`${(e as Error).message}; its output:\n${out}`);
  });
  if (child.exitCode !== null) throw new Error(`the server exited:\n${out}`);
  return { child, output: () => out, exited };
}

async function rejoin(sdk: Client, code: string, options: Record<string, unknown>): Promise<Player> {
  const p = new Player(await sdk.joinById(code, options));
  await waitFor(() => p.welcome !== null && p.view !== null, 5000, 'welcome');
  return p;
}

/** The table as the database holds it, rebuilt by replaying the log. */
function replayed(db: string, code: string) {
  const store = new Store(db, 'NORMAL');
  try {
    const record = store.getTable(code)!;
    const log = store.log(code);
    return { record, log, state: replay({ scenario: record.scenario, config: record.config, log }) };
  } finally {
    store.close();
  }
}

describe('kill and restore', () => {
  it('restores a table killed mid-game with its code, deadline, ready flags and seats; players rejoin with their tokens', async () => {
    const port = await freePort();
    const db = join(dir, 'kill.db');
    let server = await startServer(port, db);
    const sdk = new Client(`ws://127.0.0.1:${port}`);

    const ana = new Player(
      await sdk.create('table', {
        scenario: 'harbour-development',
        seats: [
          { kind: 'human' },
          { kind: 'human' },
          { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
          { kind: 'bot', bot: { kind: 'persona', persona: 'incumbent', difficulty: 'hard' } },
          { kind: 'bot', bot: { kind: 'persona', persona: 'reciprocator', difficulty: 'easy' } },
        ],
        durations: { negotiate: 900, trust: 900, resolve: 0, score: 0 },
        rounds: 3,
        seed: 2024,
        name: 'Ana',
      }),
    );
    await waitFor(() => ana.welcome !== null, 5000);
    const code = ana.welcome!.code;
    const ben = await rejoin(sdk, code, { name: 'Ben' });
    const tokens = { ana: ana.welcome!.token!, ben: ben.welcome!.token!, host: ana.welcome!.hostToken! };

    // Play round 1 through, then stop in round 2's negotiation with Ana ready and Ben not.
    const round2 = (v: { round: number }) => v.round >= 2;
    autoPlay(ana, undefined, round2);
    autoPlay(ben, undefined, round2);
    ana.send('start', {});
    await ana.waitView((v) => v.round === 2 && v.phase === 'negotiate', 10_000, 'round 2');
    ana.send('chat', { to: null, text: 'before the crash' });
    ana.send('ready', {});
    await ben.waitView((v) => v.seats[0].ready && v.chat.some((m) => m.text === 'before the crash'), 3000, 'Ana ready');
    // The schema state is patched on its own beat, behind the views: round 1's negotiation (Ana
    // ready there too) would pass for it and give round 1's deadline.
    await waitFor(
      () => ana.room.state.seats[0].ready && ana.room.state.phase === 'negotiate' && ana.room.state.round === 2,
      2000,
      'the state to catch up',
    );
    const deadline = ana.room.state.deadline;
    const seen = { ana: ana.view!, ben: ben.view! };

    // These connections die with the server; their players come back with seat tokens below.
    ana.room.reconnection.enabled = false;
    ben.room.reconnection.enabled = false;
    server.child.kill('SIGKILL');
    await server.exited;

    // Whatever a client saw was committed first.
    const before = replayed(db, code);
    // Each client's last view is the view of some prefix of the committed log.
    for (const [seat, view] of [
      [0, seen.ana],
      [1, seen.ben],
    ] as const) {
      const prefixes = before.log.map((_, n) =>
        replay({ scenario: before.record.scenario, config: before.record.config, log: before.log.slice(0, n + 1) }),
      );
      expect(
        prefixes.some((g) => JSON.stringify(viewFor(g, seat)) === JSON.stringify(view)),
        `seat ${seat}'s last view`,
      ).toBe(true);
    }
    expect(before.record.status).toBe('open');
    expect(before.record.deadline).toBe(deadline);

    server = await startServer(port, db);
    expect(server.output()).toContain(`Restored tables:   ${code}`);

    const ana2 = await rejoin(sdk, code, { token: tokens.ana, hostToken: tokens.host });
    const ben2 = await rejoin(sdk, code, { token: tokens.ben });
    expect(ana2.seat).toBe(0);
    expect(ben2.seat).toBe(1);
    expect(ana2.welcome!.host).toBe(true);
    await waitFor(() => ana2.room.state.seats.length === 5 && ana2.room.state.deadline > 0, 2000, 'the state');
    expect(ana2.room.state.code).toBe(code);
    expect(ana2.room.state.deadline).toBe(deadline);
    expect(ana2.room.state.seats.map((s: { name: string }) => s.name)).toEqual(['Ana', 'Ben', '', '', '']);

    // The restored table is exactly its replayed log.
    const after = replayed(db, code);
    expect(ana2.view).toEqual(viewFor(after.state, 0));
    expect(ben2.view).toEqual(viewFor(after.state, 1));
    expect(after.state.phase).toBe('negotiate');
    expect(after.state.round).toBe(2);
    expect(after.state.seats.map((s) => s.ready)).toEqual([true, false, true, true, true]);
    expect(ben2.view!.chat.some((m) => m.text === 'before the crash')).toBe(true);

    // And it plays on to the end, the same result as its replayed log.
    const stops2 = [autoPlay(ana2), autoPlay(ben2)];
    await ana2.waitView((v) => v.phase === 'end', 15_000, 'the end');
    stops2.forEach((s) => s());
    const final = replayed(db, code);
    expect(final.record.status).toBe('finished');
    expect(ana2.view).toEqual(viewFor(final.state, 0));
    const results = await (await fetch(`http://127.0.0.1:${port}/api/tables/${code}/results`)).json();
    expect(results.score).toEqual(viewFor(final.state, null).debrief!.score);

    await ana2.room.leave();
    await ben2.room.leave();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('shuts down cleanly on SIGTERM: players are told, the table is saved and comes back', async () => {
    const port = await freePort();
    const db = join(dir, 'term.db');
    let server = await startServer(port, db);
    const sdk = new Client(`ws://127.0.0.1:${port}`);
    const solo = new Player(await sdk.create('table', { scenario: 'river-dam', solo: true, name: 'Sol' }));
    await waitFor(() => solo.welcome !== null, 5000);
    const code = solo.welcome!.code;
    solo.send('start', {});
    await solo.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(solo.received.some(([type]) => type === 'shutdown')).toBe(true);
    await waitFor(() => solo.left !== null, 3000, 'the connection to close');
    expect(server.output()).toContain('Stopped cleanly');

    server = await startServer(port, db);
    const back = await rejoin(sdk, code, { token: solo.welcome!.token! });
    expect(back.view!.phase).toBe('negotiate');
    expect(back.view).toEqual(viewFor(replayed(db, code).state, back.seat));
    await back.room.leave();
    server.child.kill('SIGTERM');
    await server.exited;
  }, 60_000);

  it('keeps its promise of durability: WAL with synchronous=FULL by default', () => {
    const store = new Store(join(dir, 'pragma.db'));
    expect(store.pragma('journal_mode')).toBe('wal');
    expect(store.pragma('synchronous')).toBe(2);
    store.close();
  });
});
