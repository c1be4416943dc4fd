// Tables abandoned before their start do not live forever, and one client cannot create tables
// without end (issue 11, item 7); abandoned started tables finish on their clocks (DESIGN 5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bootServer, createTable, joinTable, waitFor, type Booted } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'leverage-lifetime-'));
let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLE = { scenario: 'harbour-development', durations: { negotiate: 600, trust: 600 } } as const;

/** Gone everywhere: the store, the live rooms, the lobby list and the code lookup. */
async function gone(code: string): Promise<boolean> {
  const listed = ((await b!.colyseus.http.get('/api/tables')).data as { code: string }[]).some((t) => t.code === code);
  // httpie rejects a 404 with its status code.
  const status = await b!.colyseus.http.get(`/api/tables/${code}`).then(
    (r: { statusCode: number }) => r.statusCode,
    (e: { statusCode: number }) => e.statusCode,
  );
  return (
    b!.store.getTable(code) === null && matchMaker.getLocalRoomById(code) === undefined && !listed && status === 404
  );
}

async function eventually(check: () => Promise<boolean>, timeout: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('unstarted tables', () => {
  it('are forgotten once nobody has been at them for the set time, but not while someone is there', async () => {
    b = await bootServer({ unstartedTableSeconds: 0.5 });
    const stays = await createTable(b, { ...TABLE, name: 'Present' });
    const left = await createTable(b, { ...TABLE, name: 'Absent' });
    const watcher = await joinTable(b, left.welcome!.code, { spectate: true });
    await left.room.leave();
    await watcher.room.leave();
    await eventually(() => gone(left.welcome!.code), 10_000, 'the abandoned table to be forgotten');
    // The other table, older and unstarted, is still there: its creator never left.
    expect(b.store.getTable(stays.welcome!.code)).not.toBe(null);
    stays.send('start', {});
    await stays.waitView((v) => v.phase === 'negotiate', 3000, 'it to start');
    // Started tables are never forgotten, even with nobody at them.
    await stays.room.leave();
    await waitFor(
      () => matchMaker.getLocalRoomById(stays.welcome!.code)?.clients.length === 0,
      3000,
      'the table to empty',
    );
    expect(b.store.getTable(stays.welcome!.code)?.status).toBe('open');
  });

  it('are not brought back by a restart once their time is up', async () => {
    const db = join(dir, 'restart.db');
    b = await bootServer({}, db);
    const p = await createTable(b, { ...TABLE, name: 'Gone' });
    const code = p.welcome!.code;
    await p.room.leave();
    await b.stop();
    b = await bootServer({ unstartedTableSeconds: 0.2, restoreGraceSeconds: 0 }, db);
    await b.app.restoreTables();
    await eventually(() => gone(code), 10_000, 'the table to be forgotten after the restart');
  });
});

describe('creating tables', () => {
  it('is limited per client address', async () => {
    b = await bootServer({ maxTablesPerAddress: 5, tableWindowSeconds: 600 });
    for (let i = 0; i < 5; i++) await createTable(b, { ...TABLE, name: `T${i}` });
    await expect(createTable(b, { ...TABLE, name: 'T5' })).rejects.toThrow(/^too-many-tables:/);
    expect(matchMaker.stats.local.roomCount).toBe(5);
  });
});

describe('abandoned started tables', () => {
  it('finish on their clocks, with stand-ins in the seats of the people who left', async () => {
    b = await bootServer({ takeoverSeconds: 0.2 });
    const ana = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, ...Array.from({ length: 3 }, () => ({ kind: 'human' as const }))],
      durations: { negotiate: 1, trust: 1 },
      rounds: 2,
      name: 'Ana',
    });
    const code = ana.welcome!.code;
    await joinTable(b, code, { name: 'Ben' }).then((p) => p.room.leave());
    ana.send('start', {});
    await ana.waitView((v) => v.phase === 'negotiate', 3000, 'the start');
    await ana.room.leave();
    await waitFor(() => b!.store.getTable(code)?.status === 'finished', 20_000, 'the game to finish on its clock');
    const seatEvents = b.store.seatEvents(code);
    expect(
      seatEvents
        .filter((e) => e.kind === 'takeover')
        .map((e) => e.seat)
        .sort(),
    ).toEqual([0, 1]);
    expect(seatEvents.filter((e) => e.kind === 'stand-in').map((e) => e.seat)).toEqual([2, 3, 4]);
  });
});
