// What one address can make a class session hold (review defects 7 and 8): every table a session creates counts
// against its facilitator's address, fixed tables are made only for students who are there, a session nobody
// started expires with its tables, and a session takes at most `maxStudentsPerSession` students and no more
// connections from one address than the server's per-address limit; a malformed message gets a typed error (11).
import { afterEach, describe, expect, it } from 'vitest';
import { Protocol } from '@colyseus/core';
import { encode } from '@colyseus/schema';
import { localSession } from '../../server/class/routes';
import { CLASS_MESSAGES } from '../../shared/class/console';
import { SERVER_MESSAGES, type ErrorMessage } from '../../shared/protocol';
import { bootServer, TestClock, waitFor, type Booted } from './helpers';
import { act, BOT, createSession, HUMAN, joinSession, must, openConsole } from './class-helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const SEATS = [HUMAN, BOT, BOT, BOT, BOT];

describe('tables of a class session', () => {
  it('each counts against the facilitator’s address', async () => {
    b = await bootServer({ maxTablesPerAddress: 3 });
    const { code, key } = await createSession(b, { scenario: 'harbour-development', seats: SEATS });
    for (const name of ['Ann', 'Bo', 'Cy', 'Di']) await joinSession(b, code, name);
    // The session took one creation; two tables are left for this address.
    const r = await act(b, code, key, { type: 'seat-all' });
    expect([r.status, r.body.message]).toEqual([409, expect.stringMatching(/Too many new tables/)]);
    expect(b.store.getSession(code)!.tables.length).toBe(2);
  });

  it('fixed tables are made only for students who are there', async () => {
    b = await bootServer();
    const { code, key } = await createSession(b, { scenario: 'harbour-development', seats: SEATS, tables: 20 });
    const none = await act(b, code, key, { type: 'seat-all' });
    expect([none.status, none.body.message]).toEqual([409, 'Nobody is waiting yet.']);
    expect(b.store.getSession(code)!.tables).toEqual([]);
    await joinSession(b, code, 'Ann');
    await joinSession(b, code, 'Bo');
    await must(b, code, key, { type: 'seat-all' });
    expect(b.store.getSession(code)!.tables.length).toBe(2);
    // A latecomer beyond every free seat gets another of the 20 tables.
    const cy = await joinSession(b, code, 'Cy');
    await must(b, code, key, { type: 'seat-all' });
    await cy.seated();
    expect(b.store.getSession(code)!.tables.length).toBe(3);
  });

  it('a session nobody started expires with its tables after unstartedTableSeconds idle; a started one does not', async () => {
    const clock = new TestClock();
    b = await bootServer({ unstartedTableSeconds: 600 }, undefined, clock);
    const idle = await createSession(b, { scenario: 'harbour-development', seats: SEATS, tables: 1 });
    const ann = await joinSession(b, idle.code, 'Ann');
    await must(b, idle.code, idle.key, { type: 'seat-all' });
    const table = b.store.getSession(idle.code)!.tables[0];
    const busy = await createSession(b, { scenario: 'harbour-development', seats: SEATS, tables: 1 });
    await joinSession(b, busy.code, 'Bo');
    await must(b, busy.code, busy.key, { type: 'seat-all' });
    await must(b, busy.code, busy.key, { type: 'start', table: null });
    await ann.room.leave(true);
    await waitFor(() => localSession(idle.code)!.consoleModel().students[0].connected === false, 5000, 'Ann gone');
    await clock.advance(599_000);
    expect(await localSession(idle.code)!.expireIfIdle()).toBe(false);
    await clock.advance(2_000);
    expect(await localSession(idle.code)!.expireIfIdle()).toBe(true);
    expect(b.store.getSession(idle.code)!.status).toBe('ended');
    await waitFor(() => b!.store.getTable(table)?.status === 'finished', 5000, 'its table to end');
    expect(await localSession(busy.code)!.expireIfIdle()).toBe(false);
    expect(b.store.getSession(busy.code)!.status).toBe('running');
  });
});

describe('connections to a class session', () => {
  it('caps its students and each address’s connections; a known student and the facilitator still get in', async () => {
    b = await bootServer({ maxStudentsPerSession: 3, maxConnectionsPerAddress: 5 });
    const { code, key } = await createSession(b, { scenario: 'harbour-development', seats: SEATS });
    const students = [];
    for (const name of ['Ann', 'Bo', 'Cy']) students.push(await joinSession(b, code, name));
    await expect(b.colyseus.sdk.joinById(code, { name: 'Di' })).rejects.toThrow(/^table-full: .*3 students/);
    await joinSession(b, code, 'Ann', students[0].model!.claim);
    await joinSession(b, code, 'Bo', students[1].model!.claim);
    // Five connections from this address now: a projector is refused, the facilitator is not.
    await expect(b.colyseus.sdk.joinById(code, { projector: true })).rejects.toThrow(/^too-many-connections: /);
    const con = await openConsole(b, code, key);
    expect(con.model!.students.length).toBe(3);
  });
});

describe('messages to a class session', () => {
  it('a malformed message, an unknown one and an unreadable frame each get a typed error; the student stays', async () => {
    b = await bootServer();
    const { code } = await createSession(b, { scenario: 'harbour-development', seats: SEATS, questions: true });
    const ann = await joinSession(b, code, 'Ann');
    const errors: ErrorMessage[] = [];
    ann.room.onMessage(SERVER_MESSAGES.error, (e: ErrorMessage) => errors.push(e));
    ann.room.send(CLASS_MESSAGES.answer, 'not an object' as never);
    ann.room.send(CLASS_MESSAGES.answer, { question: 'nope', phase: 'before', answer: 'x' });
    ann.room.send('propose', { junk: 1 } as never);
    const head: number[] = [Protocol.ROOM_DATA];
    encode.string(head, CLASS_MESSAGES.answer, { offset: 1 });
    (ann.room.connection as unknown as { send(d: Uint8Array): void }).send(new Uint8Array([...head, 0xc1, 0xc1]));
    await waitFor(() => errors.length === 4, 5000, 'four errors');
    expect(errors.map((e) => e.code)).toEqual(['bad-payload', 'bad-payload', 'unknown-message', 'bad-frame']);
    // Still in: a valid answer counts.
    ann.room.send(CLASS_MESSAGES.answer, { question: 'promises-kept', phase: 'before', answer: 'yes' });
    await waitFor(() => ann.model?.questions?.answered['promises-kept'] === 'yes', 5000, 'the answer');
  });
});
