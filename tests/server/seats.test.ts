// Seats that survive (issue 4, item 6): reconnection, seat tokens, bot takeover and reclaim.
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../shared/record/log';
import {
  autoPlay,
  bootServer,
  createTable,
  joinTable,
  tableRoom,
  TestClock,
  waitFor,
  type Booted,
  type Player,
} from './helpers';

const BOTS = [
  { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'opportunist', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'hardliner', difficulty: 'normal' } },
] as const;

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

async function twoPlayers(policy: 'in-class' | 'between-meetings' = 'in-class'): Promise<[Player, Player, string]> {
  const host = await createTable(b!, {
    scenario: 'harbour-development',
    seats: [{ kind: 'human' }, { kind: 'human' }, ...BOTS],
    durations: { negotiate: 600, trust: 600 },
    policy,
    rounds: 3,
    seed: 11,
    name: 'Ana',
  });
  const code = host.welcome!.code;
  const guest = await joinTable(b!, code, { name: 'Ben' });
  return [host, guest, code];
}

/** Cuts a client's socket on the server side, as a dropped network would (close code 1006). */
function cutNetwork(code: string, p: Player): void {
  const room = b!.colyseus.getRoomById(code);
  const client = room.clients.find((c) => c.sessionId === p.room.sessionId)!;
  (client.ref as unknown as { terminate(): void }).terminate();
}

function seatOf(p: Player, seat: number) {
  return p.room.state.seats[seat] as { playedBy: string; connected: boolean; name: string };
}

describe('seats that survive', () => {
  it('resumes the session after a dropped connection (Colyseus reconnection)', async () => {
    b = await bootServer();
    const [host, guest, code] = await twoPlayers();
    guest.room.reconnection.minUptime = 0;
    const sessionId = guest.room.sessionId;
    const viewsBefore = guest.views.length;
    // What the server made of the drop, at the moment it happened.
    const room = tableRoom(b, code);
    const atDrop: { seat: number; connected: boolean; playedBy: string }[] = [];
    const onDrop = room.onDrop.bind(room);
    room.onDrop = (client) => {
      onDrop(client);
      const seat = room.state.seats[1];
      atDrop.push({ seat: 1, connected: seat.connected, playedBy: seat.playedBy });
    };
    let drops = 0;
    let reconnects = 0;
    guest.room.onDrop(() => drops++);
    guest.room.onReconnect(() => reconnects++);
    cutNetwork(code, guest);
    await waitFor(() => reconnects === 1, 10_000, 'the guest to reconnect');
    expect(drops).toBe(1);
    expect(atDrop).toEqual([{ seat: 1, connected: false, playedBy: 'human' }]);
    await waitFor(() => seatOf(host, 1).connected, 5000, 'the seat to show connected again');
    expect(guest.room.sessionId).toBe(sessionId);
    // The view resent on reconnection may arrive after the other seat already shows it connected.
    await waitFor(() => guest.views.length > viewsBefore, 3000, 'the view resent on reconnection');
    expect(seatOf(host, 1).playedBy).toBe('human');
    // It plays on from the same seat.
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    guest.send('chat', { to: null, text: 'back again' });
    await host.waitView((v) => v.chat.some((m) => m.from === 1 && m.text === 'back again'), 3000, 'the chat');
  });

  it('in class, the reciprocator takes the seat of a player gone 60 s (the default), and the player reclaims it with the seat token', async () => {
    const clock = new TestClock();
    b = await bootServer({}, undefined, clock);
    const [host, guest, code] = await twoPlayers('in-class');
    const room = tableRoom(b, code);
    const token = guest.welcome!.token!;
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    guest.room.reconnection.enabled = false;
    cutNetwork(code, guest);
    await waitFor(() => !room.state.seats[1].connected, 3000, 'the server to see the seat empty');
    const takeovers = () => b!.store.seatEvents(code).filter((e) => e.kind === 'takeover');
    await clock.advance(59_999);
    expect(takeovers()).toEqual([]);
    expect(room.state.seats[1].playedBy).toBe('human');
    await clock.advance(1);
    await waitFor(() => seatOf(host, 1).playedBy === 'bot', 3000, 'the takeover');
    expect(seatOf(host, 1).name).toBe('Ben');
    expect(takeovers()).toMatchObject([{ seat: 1, detail: 'Ben was gone 60 s: reciprocator (normal) plays the seat' }]);
    expect(b.store.getTable(code)!.seats[1]).toMatchObject({
      standIn: true,
      bot: { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' },
    });
    // The stand-in plays: the table goes on although Ben is away.
    host.send('ready', {});
    await host.waitView((v) => v.phase !== 'negotiate', 3000, 'the phase to close without Ben');

    // Only the seat's own token takes it back.
    const wrong = await b.colyseus.sdk
      .joinById(code, { token: 'not-a-seat-token-at-this-table' })
      .catch((e: Error) => e);
    expect(String((wrong as Error).message)).toMatch(/^bad-token: /);
    const back = await joinTable(b, code, { token });
    expect(back.seat).toBe(1);
    expect(back.view!.me!.seat).toBe(1);
    await waitFor(() => seatOf(host, 1).playedBy === 'human' && seatOf(host, 1).connected, 3000, 'the reclaim');
    expect(b.store.getTable(code)!.seats[1]).toMatchObject({ standIn: false, bot: null });

    // A reclaimed seat is played by its person again: from here on every move of seat 1 is Ben's.
    // Round 2's negotiation opens with every bot's moves: a stand-in still in the seat would move too.
    const stops = [autoPlay(host), autoPlay(back)];
    await host.waitView((v) => v.round === 2 && v.phase === 'negotiate', 10_000, 'the next round');
    stops.forEach((s) => s());
    back.send('chat', { to: null, text: 'Ben again' });
    await host.waitView((v) => v.chat.some((m) => m.from === 1 && m.text === 'Ben again'), 3000, 'Ben’s chat');
    const events = b.store.seatEvents(code).filter((e) => e.seat === 1);
    expect(events.map((e) => e.kind)).toEqual(['claimed', 'takeover', 'reclaimed']);
    const [, takeover, reclaimed] = events;
    const log = b.store.log(code).filter((e: LogEntry) => e.actor === 1);
    expect(log.filter((e) => e.seq < takeover.seq).every((e) => e.by === 'human')).toBe(true);
    const byStandIn = log.filter((e) => e.seq >= takeover.seq && e.seq < reclaimed.seq);
    expect(byStandIn.length).toBeGreaterThan(0);
    expect(byStandIn.every((e) => e.by === 'bot')).toBe(true);
    const afterReclaim = log.filter((e) => e.seq >= reclaimed.seq);
    expect(afterReclaim.length).toBeGreaterThan(0);
    expect(afterReclaim.every((e) => e.by === 'human')).toBe(true);
    await back.room.leave();
    await host.room.leave();
  });

  it('between meetings, nobody takes the seat, and the phase waits for the player', async () => {
    const clock = new TestClock();
    b = await bootServer({}, undefined, clock);
    const [host, guest, code] = await twoPlayers('between-meetings');
    const room = tableRoom(b, code);
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    guest.room.reconnection.enabled = false;
    cutNetwork(code, guest);
    await waitFor(() => !room.state.seats[1].connected, 3000, 'the server to see the seat empty');
    host.send('ready', {});
    await host.waitView((v) => v.seats[0].ready, 3000, 'the host ready');
    // Ten times the in-class takeover time, and all but the last moment of the 600 s phase.
    await clock.advance(599_999);
    expect(room.state.seats[1].playedBy).toBe('human');
    expect(room.snapshot().game.phase).toBe('negotiate');
    expect(b.store.seatEvents(code).some((e) => e.kind === 'takeover')).toBe(false);
    const back = await joinTable(b, code, { token: guest.welcome!.token! });
    back.send('ready', {});
    await host.waitView((v) => v.phase !== 'negotiate', 3000, 'the phase to close once Ben is ready');
  });

  it('the newest connection of a seat wins; the old one is told and closed', async () => {
    b = await bootServer();
    const [host, guest, code] = await twoPlayers();
    const second = await joinTable(b, code, { token: guest.welcome!.token! });
    await waitFor(() => guest.left !== null, 3000, 'the old tab to be closed');
    expect(guest.left).toBe(4000);
    expect(second.seat).toBe(1);
    host.send('start', {});
    await second.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    // Once the server has let the old connection go, the seat still shows its new one.
    const room = tableRoom(b, code);
    await waitFor(
      () => !room.clients.some((c) => c.sessionId === guest.room.sessionId),
      3000,
      'the server to drop the old tab',
    );
    second.send('ready', {});
    await host.waitView((v) => v.seats[1].ready, 3000, 'Ben ready');
    await waitFor(() => (host.room.state.seats[1] as { ready: boolean }).ready, 3000, 'the state after Ben’s ready');
    expect(room.state.seats[1].connected).toBe(true);
    expect(seatOf(host, 1).connected).toBe(true);
  });

  it('a host token lets the host start from a new connection', async () => {
    b = await bootServer();
    const [host, , code] = await twoPlayers();
    const hostToken = host.welcome!.hostToken!;
    const seatToken = host.welcome!.token!;
    await host.room.leave();
    const again = await joinTable(b, code, { token: seatToken, hostToken });
    expect(again.welcome!.host).toBe(true);
    again.send('start', {});
    await again.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
  });
});
