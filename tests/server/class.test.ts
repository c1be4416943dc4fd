// A class session end to end (issue 10): 12 SDK students and bots at 4 tables, from creation to
// export, with a server kill in the middle; seating, moving, late arrivals, same name = same seat.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SessionExport } from '../../server/class/records';
import type { ClassDebrief } from '../../shared/class/debrief';
import type { ConsoleModel } from '../../shared/class/console';
import type { ClassDebriefInput } from '../../shared/class/input';
import { autoPlay, bootServer, joinTable, tableRoom, waitFor, type Booted, type Player } from './helpers';
import { createSession, joinSession, must, openConsole, type Student } from './class-helpers';

const dir = mkdtempSync(join(tmpdir(), 'leverage-class-'));
let b: Booted | null = null;
let n = 0;
afterEach(async () => {
  await b?.stop();
  b = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;
const HUMAN = { kind: 'human' } as const;

describe('a class session', () => {
  it('seats 12 students at 4 tables, survives a server kill, ends and exports every action and answer', async () => {
    const db = join(dir, `s${n++}.db`);
    b = await bootServer({}, db);
    const created = await createSession(b, {
      scenario: 'harbour-development',
      seats: [HUMAN, HUMAN, HUMAN, BOT, BOT],
      rounds: 3,
      durations: { negotiate: 600, trust: 600 },
      seeds: [11, 12, 13, 14],
    });
    expect(created.code).toMatch(/^[A-Z]{5}$/);
    const { code, key } = created;
    const names = Array.from({ length: 12 }, (_, i) => `Student ${i + 1}`);
    const students: Student[] = [];
    for (const name of names) students.push(await joinSession(b, code, name));
    const console_ = await openConsole(b, code, key);
    await waitFor(() => console_.model!.students.length === 12, 5000, 'the console to list 12 students');
    expect(console_.model!.tables).toEqual([]);

    // Before questions, on each student's own screen (optional: the last two students skip them).
    for (const s of students.slice(0, 10)) {
      expect(s.model!.questions?.phase).toBe('before');
      s.room.send('class-answer', { question: 'share-accept', phase: 'before', answer: '30' });
      s.room.send('class-answer', { question: 'promises-kept', phase: 'before', answer: 'yes' });
    }
    // A bad answer is not stored.
    students[0].room.send('class-answer', { question: 'share-accept', phase: 'before', answer: '300' });
    await waitFor(
      () => console_.model!.students.filter((s) => s.answered.before === 2).length === 10,
      5000,
      'ten students to have answered twice',
    );

    await must(b, code, key, { type: 'seat-all' });
    const seats = await Promise.all(students.map((s) => s.seated()));
    const perTable = new Map<string, number>();
    for (const s of seats) perTable.set(s.table, (perTable.get(s.table) ?? 0) + 1);
    expect([...perTable.values()]).toEqual([3, 3, 3, 3]);
    expect(new Set(seats.map((s) => `${s.table}:${s.seat}`)).size).toBe(12);
    for (const s of seats) expect([0, 1, 2]).toContain(s.seat);

    // Each student sits with the token the session gave.
    let players: Player[] = await Promise.all(seats.map((s) => joinTable(b!, s.table, { token: s.token })));
    players.forEach((p, i) => expect(p.seat).toBe(seats[i].seat));
    const tables = [...perTable.keys()];
    await waitFor(
      () => console_.model!.tables.every((t) => t.seats.filter((s) => s.connected).length === 3),
      5000,
      'the console to show every student connected',
    );

    await must(b, code, key, { type: 'start', table: null });
    for (const t of tables) expect(tableRoom(b, t).snapshot().game.phase).toBe('negotiate');
    let stops = players.map((p) => autoPlay(p, undefined, (v) => v.round >= 2));
    await waitFor(
      () => tables.every((t) => tableRoom(b!, t).snapshot().game.round >= 2),
      20_000,
      'every table to reach round 2',
    );
    stops.forEach((s) => s());

    // The server is killed in the middle of the game: everything comes back from the store.
    for (const p of players) p.room.reconnection.enabled = false;
    for (const s of students) s.room.reconnection.enabled = false;
    await b.stop();
    b = await bootServer({}, db);
    const restored = await b.app.restoreTables();
    expect([...restored].sort()).toEqual([...tables].sort());
    // Same names and browsers, new connections (as after a reload): same seats back.
    const again: Student[] = [];
    for (const [i, name] of names.entries()) again.push(await joinSession(b, code, name, students[i].model!.claim));
    const seatsAgain = await Promise.all(again.map((s) => s.seated()));
    seatsAgain.forEach((s, i) => {
      expect(s.table).toBe(seats[i].table);
      expect(s.seat).toBe(seats[i].seat);
      expect(s.token).not.toBe(seats[i].token);
    });
    players = await Promise.all(seatsAgain.map((s) => joinTable(b!, s.table, { token: s.token })));
    stops = players.map((p) => autoPlay(p));
    await waitFor(
      () => tables.every((t) => b!.store.getTable(t)?.status === 'finished'),
      30_000,
      'every table to finish',
    );
    stops.forEach((s) => s());

    // After questions once the table is over.
    for (const s of again.slice(0, 10)) {
      await waitFor(() => s.model?.questions?.phase === 'after', 5000, 'the after questions');
      s.room.send('class-answer', { question: 'share-accept', phase: 'after', answer: '20' });
      s.room.send('class-answer', { question: 'power-most', phase: 'after', answer: '0' });
    }
    const console2 = await openConsole(b, code, key);
    await waitFor(
      () => console2.model!.students.filter((s) => s.answered.after === 2).length === 10,
      5000,
      'ten students to have answered after',
    );
    // The class debrief is the facilitator's while the session runs, public once it has ended.
    expect((await fetch(`${b.url}/api/class/${code}/debrief`)).status).toBe(401);
    await must(b, code, key, { type: 'end' });
    expect(b.store.getSession(code)!.status).toBe('ended');
    const debrief = (await (await fetch(`${b.url}/api/class/${code}/debrief`)).json()) as ClassDebrief;
    expect(debrief.tables.map((t) => t.id).sort()).toEqual([...tables].sort());
    expect(JSON.stringify(debrief)).not.toMatch(/Student \d/);
    expect(debrief.shifts.length).toBeGreaterThan(0);

    const res = await fetch(`${b.url}/api/class/${code}/export.json`, { headers: { 'x-facilitator-key': key } });
    expect(res.status).toBe(200);
    const x = (await res.json()) as SessionExport;
    const logTotal = tables.reduce((sum, t) => sum + b!.store.log(t).length, 0);
    expect(x.actions.length).toBe(logTotal);
    expect(new Set(x.actions.map((a) => a.table))).toEqual(new Set(tables));
    expect(x.actions.some((a) => a.by === 'human' && a.role !== null)).toBe(true);
    expect(x.actions.some((a) => a.by === 'bot' && a.role !== null)).toBe(true);
    expect(x.actions.filter((a) => a.actor === 'facilitator').length).toBe(4);
    expect(x.answers.filter((a) => a.phase === 'before').length).toBe(20);
    expect(x.answers.filter((a) => a.phase === 'after').length).toBe(20);
    expect(x.students.map((s) => s.name).sort()).toEqual([...names].sort());

    const csv = await fetch(`${b.url}/api/class/${code}/export.csv`, { headers: { 'x-facilitator-key': key } });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('kind,time,table,seq,round,phase,seat,role,by,student,type,detail,reason');
    expect(lines.filter((l) => l.startsWith('action,')).length).toBe(logTotal);
    expect(lines.filter((l) => l.startsWith('answer,')).length).toBe(40);

    const inputRes = await fetch(`${b.url}/api/class/${code}/debrief-input`, { headers: { 'x-facilitator-key': key } });
    const input = (await inputRes.json()) as ClassDebriefInput;
    expect(input.tables.map((t) => t.code).sort()).toEqual([...tables].sort());
    expect(input.tables.every((t) => t.finished)).toBe(true);
    expect(input.tables[0].seats.map((s) => s.kind)).toEqual(['human', 'human', 'human', 'bot', 'bot']);
    expect(input.answers.length).toBe(40);

    // After another restart the ended session's console still shows its finished tables as they were.
    const shown = console2.model!.tables.map((t) => [t.code, t.status, t.round, t.deals, t.escalations]);
    expect(shown.every(([, status]) => status === 'ended')).toBe(true);
    await b.stop();
    b = await bootServer({}, db);
    await b.app.restoreTables();
    const res2 = await fetch(`${b.url}/api/class/${code}/console`, { headers: { 'x-facilitator-key': key } });
    const after = (await res2.json()) as ConsoleModel;
    expect(after.status).toBe('ended');
    expect(after.tables.map((t) => [t.code, t.status, t.round, t.deals, t.escalations])).toEqual(shown);
    // And the console's live connection opens on it.
    const console3 = await openConsole(b, code, key);
    expect(console3.model!.tables).toHaveLength(4);
  }, 90_000);
});
