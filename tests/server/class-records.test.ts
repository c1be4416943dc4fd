// What a class session's records tell before its tables are over (review defects 6, 12, 14): the class debrief and
// its input show an unfinished table's public facts only (no log, no seed: its hidden length), and the session's
// public info stops listing the class once the session has ended.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassDebriefInput } from '../../shared/class/input';
import type { SessionInfo } from '../../shared/class/setup';
import { bootServer, type Booted } from './helpers';
import { act, BOT, createSession, HUMAN, joinSession, must } from './class-helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const get = async <T>(path: string, key?: string): Promise<T> =>
  (await (await fetch(`${b!.url}${path}`, { headers: key ? { 'x-facilitator-key': key } : {} })).json()) as T;

describe('an unfinished table in the class debrief', () => {
  it('shows public facts only: nobody’s surplus, no log, no seed', async () => {
    b = await bootServer();
    const { code, key } = await createSession(b, {
      scenario: 'harbour-development',
      seats: [HUMAN, BOT, BOT, BOT, BOT],
      tables: 1,
      durations: { negotiate: 300, trust: 300 },
      seeds: [1],
    });
    await joinSession(b, code, 'Ann');
    await must(b, code, key, { type: 'seat-all' });
    await must(b, code, key, { type: 'start', table: null });
    const table = b.store.getSession(code)!.tables[0];
    // Close phases until the table has played a round (its log then holds moves and results).
    for (let i = 0; i < 12 && !b.store.log(table).some((e) => e.round >= 2); i++)
      await act(b, code, key, { type: 'close', table });
    expect(b.store.log(table).some((e) => e.round >= 2 && e.by === 'bot')).toBe(true);
    expect(b.store.getTable(table)!.status).not.toBe('finished');
    const d = await get<{ tables: { ended: boolean }[]; roles: { seats: unknown[] }[] }>(
      `/api/class/${code}/debrief`,
      key,
    );
    expect(d.tables.map((t) => t.ended)).toEqual([false]);
    expect(d.roles.flatMap((r) => r.seats)).toEqual([]);
    const input = await get<ClassDebriefInput>(`/api/class/${code}/debrief-input`, key);
    expect(input.tables.map((t) => [t.finished, t.log.length, t.results, t.config.seed])).toEqual([
      [false, 0, null, 0],
    ]);
  });
});

describe('a session’s public info', () => {
  it('lists the roster while the session runs and no longer once it has ended', async () => {
    b = await bootServer();
    const { code, key } = await createSession(b, {
      scenario: 'harbour-development',
      seats: [HUMAN, HUMAN, BOT, BOT, BOT],
      roster: ['Alice Smith', 'Bob Jones'],
    });
    expect((await get<SessionInfo>(`/api/class/${code}`)).roster).toEqual(['Alice Smith', 'Bob Jones']);
    await must(b, code, key, { type: 'end' });
    const after = await get<SessionInfo>(`/api/class/${code}`);
    expect([after.status, after.roster]).toEqual(['ended', []]);
  });
});
