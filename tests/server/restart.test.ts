// Restarts in one process (the store outlives the server): the edge cases of restoring a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { autoPlay, bootServer, createTable, joinTable, tableRoom, TestClock, waitFor, type Booted } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'leverage-restart-'));
let db = '';
let n = 0;
let b: Booted | null = null;
let clock = new TestClock();
afterEach(async () => {
  await b?.stop();
  b = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server on a new database, its time standing still unless the test moves it. */
async function fresh(settings = {}) {
  db = join(dir, `t${n++}.db`);
  clock = new TestClock();
  b = await bootServer(settings, db, clock);
  return b;
}

async function restart(settings = {}): Promise<string[]> {
  await b!.stop();
  b = await bootServer(settings, db, clock);
  return b.app.restoreTables();
}

const BOTS = [
  { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'opportunist', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' } },
] as const;

describe('restoring tables', () => {
  it('gives a phase whose deadline passed while the server was down 30 s (the default grace)', async () => {
    await fresh();
    const p = await createTable(b!, { scenario: 'harbour-development', name: 'A', durations: { negotiate: 60 } });
    const code = p.welcome!.code;
    p.send('start', {});
    await p.waitView((v) => v.phase === 'negotiate', 3000);
    expect(b!.store.getTable(code)!.deadline).toBe(clock.now() + 60_000);
    p.room.reconnection.enabled = false;
    await b!.stop();
    b = null;
    // The deadline passes while the server is down.
    await clock.advance(10 * 60_000);
    b = await bootServer({}, db, clock);
    expect(await b.app.restoreTables()).toEqual([code]);
    expect(b.store.getTable(code)!.deadline).toBe(clock.now() + 30_000);
    const q = await joinTable(b, code, { token: p.welcome!.token! });
    expect(q.view!.phase).toBe('negotiate');
    await waitFor(() => q.room.state.deadline > 0, 2000);
    expect(q.room.state.deadline).toBe(clock.now() + 30_000);
    // Nobody says ready: the grace runs out at 30 s, not before.
    await clock.advance(29_999);
    expect(tableRoom(b, code).snapshot().game.phase).toBe('negotiate');
    await clock.advance(1);
    await q.waitView((v) => v.phase !== 'negotiate', 3000, 'negotiate to close when the grace ran out');
  });

  it('keeps a pause, with the time that was left, across a restart', async () => {
    await fresh();
    const p = await createTable(b!, {
      scenario: 'harbour-development',
      solo: true,
      name: 'P',
      durations: { negotiate: 300 },
    });
    p.send('start', {});
    await p.waitView((v) => v.phase === 'negotiate', 3000);
    await waitFor(() => p.room.state.deadline > 0, 2000);
    await clock.advance(45_000);
    p.send('pause', {});
    await waitFor(() => p.room.state.paused, 2000, 'the pause');
    expect(p.room.state.remaining).toBe(255_000);
    p.room.reconnection.enabled = false;
    await clock.advance(3_600_000);
    expect(await restart()).toEqual([p.welcome!.code]);
    const q = await joinTable(b!, p.welcome!.code, { token: p.welcome!.token!, hostToken: p.welcome!.hostToken! });
    await waitFor(() => q.room.state.paused === true, 2000, 'the restored pause');
    expect(q.room.state.remaining).toBe(255_000);
    expect(q.room.state.deadline).toBe(0);
    q.send('resume', {});
    await waitFor(() => q.room.state.paused === false && q.room.state.deadline > 0, 2000, 'the resumed clock');
    expect(q.room.state.deadline).toBe(clock.now() + 255_000);
  });

  it('keeps a stand-in bot in the seat it took over, and its player reclaims it after the restart', async () => {
    await fresh();
    const ana = await createTable(b!, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, ...BOTS],
      durations: { negotiate: 600, trust: 600 },
      name: 'Ana',
    });
    const ben = await joinTable(b!, ana.welcome!.code, { name: 'Ben' });
    ana.send('start', {});
    await ben.waitView((v) => v.phase === 'negotiate', 3000);
    await ben.room.leave();
    await waitFor(() => !tableRoom(b!, ana.welcome!.code).state.seats[1].connected, 3000, 'the server to see Ben gone');
    await clock.advance(60_000);
    await waitFor(() => ana.room.state.seats[1].playedBy === 'bot', 3000, 'the takeover');
    ana.room.reconnection.enabled = false;
    expect(await restart()).toEqual([ana.welcome!.code]);
    const watcher = await joinTable(b!, ana.welcome!.code, { spectate: true });
    await waitFor(() => watcher.room.state.seats.length === 5, 2000);
    expect(watcher.room.state.seats[1].playedBy).toBe('bot');
    const back = await joinTable(b!, ana.welcome!.code, { token: ben.welcome!.token! });
    expect(back.seat).toBe(1);
    await waitFor(() => watcher.room.state.seats[1].playedBy === 'human', 2000, 'the reclaim');
  });

  it('finishes a table whose log reached the end just before a crash', async () => {
    await fresh();
    const solo = await createTable(b!, { scenario: 'harbour-development', solo: true, rounds: 1, name: 'Solo' });
    const code = solo.welcome!.code;
    const stop = autoPlay(solo);
    solo.send('start', {});
    await solo.waitView((v) => v.phase === 'end', 10_000, 'the end');
    stop();
    const results = b!.store.getTable(code)!.results;
    // As if the process died between the last log entry and the results.
    b!.store.db.prepare("UPDATE tables SET status = 'open', results = NULL WHERE code = ?").run(code);
    solo.room.reconnection.enabled = false;
    await restart();
    const record = b!.store.getTable(code)!;
    expect(record.status).toBe('finished');
    expect((record.results as { score: unknown }).score).toEqual((results as { score: unknown }).score);
  });

  it('skips a table whose log was altered, and restores the others', async () => {
    await fresh();
    const one = await createTable(b!, { scenario: 'harbour-development', solo: true, name: 'One' });
    const two = await createTable(b!, { scenario: 'river-dam', solo: true, name: 'Two' });
    one.send('start', {});
    two.send('start', {});
    await one.waitView((v) => v.phase === 'negotiate', 3000);
    await two.waitView((v) => v.phase === 'negotiate', 3000);
    b!.store.db
      .prepare("UPDATE log SET entry = json_set(entry, '$.action.type', 'teleport') WHERE code = ? AND seq = 0")
      .run(one.welcome!.code);
    one.room.reconnection.enabled = false;
    two.room.reconnection.enabled = false;
    const logged: string[] = [];
    await b!.stop();
    b = await bootServer({}, db);
    b.app.ctx.log = (m) => logged.push(m);
    expect(await b.app.restoreTables()).toEqual([two.welcome!.code]);
    expect(logged.some((m) => m.includes(one.welcome!.code) && m.includes('log entry 0'))).toBe(true);
  });

  it('keeps a trust game’s end waiting for the guesses across a restart; the guesses then end it', async () => {
    await fresh();
    const p = await createTable(b!, {
      scenario: 'trust-game',
      mode: 'trust',
      solo: true,
      rounds: 2,
      seed: 31,
      players: 3,
      name: 'P',
    });
    p.send('start', {});
    const stop = autoPlay(p);
    await waitFor(() => p.views.at(-1)?.practice?.due === true, 10_000, 'guesses due');
    stop();
    p.room.reconnection.enabled = false;
    const code = p.welcome!.code;
    // The score's own clock must have run out and held the end for the guesses (no deadline left);
    // a restart before that restores an ordinary score phase with its grace period instead.
    await waitFor(
      () =>
        tableRoom(b!, code).snapshot().game.phase === 'score' &&
        tableRoom(b!, code).snapshot().record.deadline === null,
      10_000,
      'the end held for the guesses',
    );
    expect(await restart()).toEqual([code]);
    const q = await joinTable(b!, code, { token: p.welcome!.token! });
    expect(q.view!.phase).toBe('score');
    expect(q.views.at(-1)!.practice!.due).toBe(true);
    q.send('guesses', { guesses: [1, 2].map((seat) => ({ seat, strategy: 'grudger' })) });
    await q.waitView((v) => v.phase === 'end', 5000, 'the end');
  });
});
