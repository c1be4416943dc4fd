// Who gets into a class session and its tables (review defects 1–3): a student's wrong keys never
// lock the facilitator out, a classmate typing a seated student's name does not take their seat,
// and a class table takes nobody but the session's own seat tokens (and spectators).
import { afterEach, describe, expect, it } from 'vitest';
import { bootServer, joinTable, TestClock, waitFor, type Booted } from './helpers';
import { act, BOT, createSession, HUMAN, joinSession, must, openConsole, Student } from './class-helpers';
import { forgetsKey } from '../../client/class/api';
import { codeTaken } from '../../server/rooms/setup';
import { localSession } from '../../server/class/routes';
import { NAME_RELEASED } from '../../shared/class/console';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

async function session(settings = {}, clock?: TestClock) {
  b = await bootServer(settings, undefined, clock);
  return createSession(b, {
    scenario: 'harbour-development',
    seats: [HUMAN, HUMAN, BOT, BOT, BOT],
    tables: 2,
    durations: { negotiate: 300, trust: 300 },
    seeds: [1, 2],
  });
}

async function joinAs(b_: Booted, code: string, options: Record<string, unknown>): Promise<Student> {
  const s = new Student(await b_.colyseus.sdk.joinById(code, options));
  await waitFor(() => s.model !== null, 5000, 'the waiting room');
  return s;
}

describe('the facilitator key', () => {
  it('a student’s wrong keys from the same address never refuse the right key', async () => {
    const { code, key } = await session({ wrongKeysPerAddress: 5 });
    for (let i = 0; i < 8; i++) expect((await act(b!, code, `guess${i}`, { type: 'end' })).status).not.toBe(200);
    // Wrong keys are slowed down with their own code…
    const wrong = await act(b!, code, 'guess-again', { type: 'end' });
    expect([wrong.status, wrong.body.error]).toEqual([429, 'too-many-guesses']);
    await expect(b!.colyseus.sdk.joinById(code, { key: 'guess' })).rejects.toThrow(/^too-many-guesses: /);
    // …while the right key from the same address still works, over HTTP and live.
    const right = await act(b!, code, key, { type: 'message', text: 'Five minutes left' });
    expect(right.status).toBe(200);
    expect(b!.store.getSession(code)!.messages.map((m) => m.text)).toEqual(['Five minutes left']);
    const con = await openConsole(b!, code, key);
    expect(con.model?.code).toBe(code);
  });

  it('the console forgets a stored key only when the session says the key is wrong', () => {
    expect(forgetsKey('bad-token: That facilitator key is not this session’s.')).toBe(true);
    expect(forgetsKey('too-many-guesses: Too many wrong keys from your address; wait a while.')).toBe(false);
    expect(forgetsKey('The connection to the session was lost: reload the page.')).toBe(false);
  });
});

describe('a student’s name in a session', () => {
  it('a classmate typing a seated student’s name is refused and flagged; the student’s own device gets the seat back', async () => {
    const { code, key } = await session();
    const ann = await joinSession(b!, code, 'Ann');
    await joinSession(b!, code, 'Bo');
    await must(b!, code, key, { type: 'seat-all' });
    const annSeat = await ann.seated();
    const claim = ann.model!.claim;
    expect(typeof claim).toBe('string');
    const annTable = await joinTable(b!, annSeat.table, { token: annSeat.token });
    const con = await openConsole(b!, code, key);
    // Another device, no claim (or a wrong one): refused while Ann is here.
    await expect(b!.colyseus.sdk.joinById(code, { name: 'ann' })).rejects.toThrow(/^name-taken: /);
    await expect(b!.colyseus.sdk.joinById(code, { name: 'Ann', claim: 'not-hers' })).rejects.toThrow(/^name-taken: /);
    await waitFor(
      () => con.model?.students.find((s) => s.name === 'Ann')?.nameAttempts === 2,
      5000,
      'the console to flag the attempts',
    );
    expect(annTable.left).toBeNull();
    // Ann's own browser (a reload, a second tab) keeps its claim and gets the same seat.
    const again = await joinAs(b!, code, { name: 'Ann', claim });
    const seatAgain = await again.seated();
    expect([seatAgain.table, seatAgain.seat]).toEqual([annSeat.table, annSeat.seat]);
  });

  it('the facilitator’s release lets the same name in from a new device, with the same seat', async () => {
    const { code, key } = await session();
    const ann = await joinSession(b!, code, 'Ann');
    await must(b!, code, key, { type: 'seat-all' });
    const annSeat = await ann.seated();
    const id = b!.store.getSession(code)!.students[0].id;
    await expect(b!.colyseus.sdk.joinById(code, { name: 'Ann' })).rejects.toThrow(/^name-taken: /);
    let closed: number | null = null;
    ann.room.onLeave((c) => (closed = c));
    await must(b!, code, key, { type: 'release', student: id });
    // The released device is told so (its page then stops rejoining by itself) and is not waited for.
    await waitFor(() => closed !== null, 5000, 'the released device to be let go');
    expect(closed).toBe(NAME_RELEASED);
    await waitFor(
      () => localSession(code)!.consoleModel().students[0].connected === false,
      5000,
      'the session to let the released device go',
    );
    const phone = await joinAs(b!, code, { name: 'Ann' });
    const seat = await phone.seated();
    expect([seat.table, seat.seat]).toEqual([annSeat.table, annSeat.seat]);
    expect(phone.model!.claim).not.toBe(ann.model!.claim);
    // The released device's claim no longer counts.
    await expect(b!.colyseus.sdk.joinById(code, { name: 'Ann', claim: ann.model!.claim })).rejects.toThrow(
      /^name-taken: /,
    );
  });

  it('a name whose device has been gone longer than nameHoldSeconds may be taken again', async () => {
    const clock = new TestClock();
    const { code } = await session({ nameHoldSeconds: 600 }, clock);
    const ann = await joinSession(b!, code, 'Ann');
    await ann.room.leave(true);
    await waitFor(() => b!.store.getSession(code)!.students.length === 1, 5000, 'Ann known');
    await clock.advance(599_000);
    await expect(b!.colyseus.sdk.joinById(code, { name: 'Ann' })).rejects.toThrow(/^name-taken: /);
    await clock.advance(2_000);
    const phone = await joinAs(b!, code, { name: 'Ann' });
    expect(phone.model!.name).toBe('Ann');
    expect(b!.store.getSession(code)!.students.length).toBe(1);
  });
});

describe('a class table', () => {
  it('takes only seat tokens and spectators: a name claim is sent to the class code', async () => {
    const { code, key } = await session();
    await joinSession(b!, code, 'Ann');
    const bo = await joinSession(b!, code, 'Bo');
    await joinSession(b!, code, 'Cy');
    await must(b!, code, key, { type: 'seat-all' });
    const seat = await bo.seated(); // Bo's table still has a free person seat
    await expect(joinTable(b!, seat.table, { name: 'Zed' })).rejects.toThrow(/class code/);
    const watcher = await joinTable(b!, seat.table, { spectate: true });
    expect(watcher.welcome?.seat).toBeNull();
    const own = await joinTable(b!, seat.table, { token: seat.token });
    expect(own.welcome?.seat).toBe(seat.seat);
  });
});

describe('names and codes', () => {
  it('a roster name is cleaned like a joining name, and one too long to join is refused at creation', async () => {
    b = await bootServer();
    const long = 'Maria-Fernanda Rodriguez Gutierrez';
    const res = await fetch(`${b.url}/api/class`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'harbour-development', roster: ['Ann', long] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/24 characters/);
    const { code } = await createSession(b, {
      scenario: 'harbour-development',
      roster: ['  Ann\u200b   Lee ', '', 'Bo'],
    });
    expect(b.store.getSession(code)!.setup.roster).toEqual(['Ann Lee', 'Bo']);
    const ann = await joinSession(b, code, 'Ann Lee');
    expect(ann.model!.name).toBe('Ann Lee');
  });

  it('a class session’s code counts as taken for a new table', async () => {
    b = await bootServer();
    const { code } = await createSession(b, { scenario: 'harbour-development' });
    expect(await codeTaken(b.app.ctx.store, code)).toBe(true);
    expect(await codeTaken(b.app.ctx.store, 'ZZZZZ')).toBe(false);
  });
});
