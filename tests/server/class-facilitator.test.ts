// The facilitator's commands of a class session (issue 10): each refused without the session's
// key (no key, a wrong key, a student's seat token), the throttle on guessing keys, and what each
// command does when the key is right.
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COMMANDS, type SessionCommandInput } from '../../shared/class/setup';
import type { NoticeMessage } from '../../shared/protocol';
import type { FullTableView } from '../../shared/class/console';
import { bootServer, joinTable, tableRoom, TestClock, waitFor, type Booted } from './helpers';
import { act, createSession, joinSession, must, openConsole } from './class-helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;
const HUMAN = { kind: 'human' } as const;

/** A session of two tables, two person seats each, three students seated (one seat left free). */
async function seatedSession(clock?: TestClock, settings = {}) {
  b = await bootServer(settings, undefined, clock);
  const { code, key } = await createSession(b, {
    scenario: 'harbour-development',
    seats: [HUMAN, HUMAN, BOT, BOT, BOT],
    tables: 2,
    rounds: 3,
    durations: { negotiate: 300, trust: 300 },
    seeds: [1, 2],
  });
  const students = [];
  for (const name of ['Ann', 'Bo', 'Cy']) students.push(await joinSession(b, code, name));
  await must(b, code, key, { type: 'seat-all' });
  const seats = await Promise.all(students.map((s) => s.seated()));
  return { code, key, students, seats, tables: [...new Set(seats.map((s) => s.table))] };
}

/** One valid command of each type for this session. */
function commandsFor(table: string, student: string, freeSeat: number): Record<string, SessionCommandInput> {
  return {
    'seat-all': { type: 'seat-all' },
    assign: { type: 'assign', student, table, seat: freeSeat },
    start: { type: 'start', table },
    pause: { type: 'pause', table },
    resume: { type: 'resume', table },
    extend: { type: 'extend', table, seconds: 60 },
    close: { type: 'close', table },
    hold: { type: 'hold', table, seat: 0 },
    'give-back': { type: 'give-back', table, seat: 0 },
    message: { type: 'message', text: 'Five minutes left.' },
    release: { type: 'release', student },
    end: { type: 'end' },
  };
}

describe('facilitator-only commands', () => {
  it('refuses every command without the session key, with a wrong key and with a student’s seat token', async () => {
    // Every wrong key below comes from this one address: the throttle is the next test's.
    const s = await seatedSession(undefined, { wrongKeysPerAddress: 1000 });
    const b_ = b!;
    const before = JSON.stringify(b_.store.getSession(s.code));
    const commands = commandsFor(s.tables[0], 'nobody', 1);
    expect(Object.keys(commands).sort()).toEqual([...SESSION_COMMANDS].sort());
    for (const type of SESSION_COMMANDS) {
      const none = await act(b_, s.code, null, commands[type]);
      expect([type, none.status, none.body.error]).toEqual([type, 401, 'not-facilitator']);
      const wrong = await act(b_, s.code, `${s.key}x`, commands[type]);
      expect([type, wrong.status, wrong.body.error]).toEqual([type, 403, 'not-facilitator']);
    }
    // A student's seat token is a key of a table seat, never of the session.
    const token = await act(b_, s.code, s.seats[0].token, { type: 'end' });
    expect(token.status).toBe(403);
    expect(JSON.stringify(b_.store.getSession(s.code))).toBe(before);
    for (const t of s.tables) expect(tableRoom(b_, t).snapshot().game.phase).toBe('prepare');
    // The reads are the facilitator's too.
    for (const path of ['console', 'export.json', 'export.csv', 'debrief-input', 'debrief']) {
      const res = await fetch(`${b_.url}/api/class/${s.code}/${path}`);
      expect([path, res.status]).toEqual([path, 401]);
    }
    // The console's live connection needs the key as well.
    await expect(b_.colyseus.sdk.joinById(s.code, { key: 'guess' })).rejects.toThrow(/bad-token/);
  });

  it('throttles key guessing per address: after too many wrong keys, wrong ones get 429 and the right one still works', async () => {
    const s = await seatedSession(undefined, { wrongKeysPerAddress: 5 });
    for (let i = 0; i < 5; i++) expect((await act(b!, s.code, `wrong${i}`, { type: 'end' })).status).toBe(403);
    const wrong = await act(b!, s.code, 'wrong5', { type: 'end' });
    expect([wrong.status, wrong.body.error]).toEqual([429, 'too-many-guesses']);
    expect(b!.store.getSession(s.code)!.status).not.toBe('ended');
    const right = await act(b!, s.code, s.key, { type: 'message', text: 'hello' });
    expect(right.status).toBe(200);
    expect(b!.store.getSession(s.code)!.messages.map((m) => m.text)).toEqual(['hello']);
  });

  it('does what each command says with the key', async () => {
    const clock = new TestClock();
    const s = await seatedSession(clock);
    const b_ = b!;
    const [t1, t2] = s.tables;
    const students = b_.store.getSession(s.code)!.students;
    // Balanced: two at the first table, one at the second; the free seat is the second's seat 1.
    expect(s.seats.map((x) => x.table)).toEqual([t1, t2, t1]);
    const bo = students.find((x) => x.name === 'Bo')!;

    // Move a student before the start.
    await must(b_, s.code, s.key, { type: 'assign', student: bo.id, table: t2, seat: 1 });
    await waitFor(() => s.students[1].model!.seat?.seat === 1, 5000, 'Bo to be moved');
    const moved = s.students[1].model!.seat!;
    expect([moved.table, moved.seat]).toEqual([t2, 1]);
    expect(tableRoom(b_, t2).snapshot().record.seats[0].name).toBeNull();
    expect(tableRoom(b_, t2).snapshot().record.seats[1].name).toBe('Bo');

    // A late arrival takes the free seat at once.
    const dee = await joinSession(b_, s.code, 'Dee');
    const deeSeat = await dee.seated();
    expect([deeSeat.table, deeSeat.seat]).toEqual([t2, 0]);

    const players = await Promise.all(
      [s.seats[0], s.seats[2], moved, deeSeat].map((x) => joinTable(b_, x.table, { token: x.token })),
    );
    await must(b_, s.code, s.key, { type: 'start', table: null });
    for (const t of s.tables) expect(tableRoom(b_, t).snapshot().game.phase).toBe('negotiate');
    const deadline = b_.store.getTable(t1)!.deadline!;
    expect(deadline).toBe(clock.now() + 300_000);

    // The full view of a table: private facts, the facilitator's only.
    players[0].send('chat', { to: 1, text: 'just between us' });
    await waitFor(() => tableRoom(b_, t1).snapshot().game.chat.length === 1, 5000, 'the private chat');
    const fullUrl = `${b_.url}/api/class/${s.code}/tables/${t1}/full`;
    expect((await fetch(fullUrl)).status).toBe(401);
    const full = (await (await fetch(fullUrl, { headers: { 'x-facilitator-key': s.key } })).json()) as FullTableView;
    const roles = tableRoom(b_, t1).snapshot().record.scenario.roles;
    expect(full.seats.map((x) => x.walkAway)).toEqual(roles.map((r) => r.walkAway));
    expect(full.chat).toEqual([{ round: 1, from: roles[0].name, to: roles[1].name, text: 'just between us' }]);

    await must(b_, s.code, s.key, { type: 'extend', table: t1, seconds: 60 });
    expect(tableRoom(b_, t1).snapshot().record.deadline).toBe(deadline + 60_000);
    await must(b_, s.code, s.key, { type: 'pause', table: null });
    for (const t of s.tables) expect(tableRoom(b_, t).state.paused).toBe(true);
    await clock.advance(400_000);
    expect(tableRoom(b_, t1).snapshot().game.phase).toBe('negotiate');
    await must(b_, s.code, s.key, { type: 'resume', table: t2 });
    expect(tableRoom(b_, t2).state.paused).toBe(false);
    expect(tableRoom(b_, t1).state.paused).toBe(true);

    // Close a phase early: an advance by the facilitator, in the log.
    await must(b_, s.code, s.key, { type: 'close', table: t2 });
    expect(tableRoom(b_, t2).snapshot().game.phase).not.toBe('negotiate');
    await tableRoom(b_, t2).settled();
    const log = b_.store.log(t2);
    expect(log.filter((e) => e.actor === 'facilitator').map((e) => e.phase)).toEqual(['prepare', 'negotiate']);

    // Hand a seat to a bot: its player is closed out and cannot come back until it is given back.
    await must(b_, s.code, s.key, { type: 'hold', table: t1, seat: 0 });
    await waitFor(() => players[0].left !== null, 5000, 'the held seat’s player to be closed out');
    expect(tableRoom(b_, t1).snapshot().record.seats[0]).toMatchObject({ standIn: true, held: true });
    await expect(joinTable(b_, t1, { token: s.seats[0].token })).rejects.toThrow(/seat-held/);
    await waitFor(() => s.students[0].model!.held, 5000, 'the student to be told the seat is held');
    await must(b_, s.code, s.key, { type: 'give-back', table: t1, seat: 0 });
    await waitFor(() => !s.students[0].model!.held, 5000, 'the student to be told the seat is back');
    const back = await joinTable(b_, t1, { token: s.students[0].model!.seat!.token });
    expect(back.seat).toBe(0);
    expect(tableRoom(b_, t1).snapshot().record.seats[0].standIn).toBe(false);

    // A message to every student, at their tables.
    const heard: NoticeMessage[] = [];
    players[1].room.onMessage('notice', (m: NoticeMessage) => heard.push(m));
    await must(b_, s.code, s.key, { type: 'message', text: 'Five minutes left.' });
    await waitFor(() => heard.length === 1, 5000, 'the notice');
    expect(heard[0].text).toBe('Five minutes left.');
    await waitFor(() => dee.model!.messages.length === 1, 5000, 'the notice in the waiting room');

    // The console shows no table's length or cap.
    const c = await openConsole(b_, s.code, s.key);
    expect(JSON.stringify(c.model)).not.toMatch(/totalRounds|"rounds"|"cap"/);

    const rooms = s.tables.map((t) => tableRoom(b_, t));
    await must(b_, s.code, s.key, { type: 'end' });
    await Promise.all(rooms.map((r) => r.settled()));
    for (const t of s.tables) expect(b_.store.getTable(t)!.status).toBe('finished');
    const after = await act(b_, s.code, s.key, { type: 'message', text: 'late' });
    expect(after.status).toBe(409);
  });

  it('seats latecomers in free seats, even ones a bot plays, and opens new tables when the class fills them', async () => {
    b = await bootServer();
    const b_ = b;
    const { code, key } = await createSession(b_, {
      scenario: 'harbour-development',
      seats: [HUMAN, HUMAN, BOT, BOT, BOT],
      rounds: 3,
      durations: { negotiate: 300, trust: 300 },
    });
    const first = [];
    for (const name of ['A', 'B', 'C']) first.push(await joinSession(b_, code, name));
    await must(b_, code, key, { type: 'seat-all' });
    const seats = await Promise.all(first.map((x) => x.seated()));
    const tables = b_.store.getSession(code)!.tables;
    expect(tables).toHaveLength(2);
    await must(b_, code, key, { type: 'start', table: null });
    // The second table's free seat is a bot's since the start: the first latecomer takes it at once.
    const free = tables.find((t) => seats.filter((x) => x.table === t).length === 1)!;
    expect(
      tableRoom(b_, free)
        .snapshot()
        .record.seats.filter((x) => x.standIn),
    ).toHaveLength(1);
    const d = await joinSession(b_, code, 'D');
    const dSeat = await d.seated();
    expect(dSeat.table).toBe(free);
    const p = await joinTable(b_, free, { token: dSeat.token });
    expect(tableRoom(b_, free).snapshot().record.seats[p.seat!]).toMatchObject({ name: 'D', standIn: false });
    // Every seat for a person is taken: the next one waits until the facilitator opens a table.
    const e = await joinSession(b_, code, 'E');
    expect(e.model!.seat).toBeNull();
    await must(b_, code, key, { type: 'seat-all' });
    const eSeat = await e.seated();
    expect(b_.store.getSession(code)!.tables).toHaveLength(3);
    expect(eSeat.table).toBe(b_.store.getSession(code)!.tables[2]);
  });
});
