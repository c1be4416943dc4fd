// Seats that survive (issue 4, item 6): reconnection, seat tokens, bot takeover and reclaim.
import { afterEach, describe, expect, it } from 'vitest';
import type { Room } from '@colyseus/core';
import type { LogEntry } from '../../shared/record/log';
import { bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';

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
    name: 'Ana',
  });
  const code = host.welcome!.code;
  const guest = await joinTable(b!, code, { name: 'Ben' });
  return [host, guest, code];
}

/** Cuts a client's socket on the server side, as a dropped network would (close code 1006). */
function cutNetwork(code: string, p: Player): void {
  const room = b!.colyseus.getRoomById(code) as Room;
  const client = room.clients.find((c) => c.sessionId === p.room.sessionId)!;
  (client.ref as unknown as { terminate(): void }).terminate();
}

function seatOf(p: Player, seat: number) {
  return p.room.state.seats[seat] as { playedBy: string; connected: boolean; name: string };
}

describe('seats that survive', () => {
  it('resumes the session after a dropped connection (Colyseus reconnection)', async () => {
    b = await bootServer({ takeoverSeconds: 30 });
    const [host, guest, code] = await twoPlayers();
    guest.room.reconnection.minUptime = 0;
    const sessionId = guest.room.sessionId;
    const viewsBefore = guest.views.length;
    cutNetwork(code, guest);
    await waitFor(() => !seatOf(host, 1).connected, 3000, 'the seat to show disconnected');
    await waitFor(() => seatOf(host, 1).connected, 5000, 'the guest to reconnect');
    expect(guest.room.sessionId).toBe(sessionId);
    expect(guest.views.length).toBeGreaterThan(viewsBefore);
    expect(seatOf(host, 1).playedBy).toBe('human');
    // It plays on from the same seat.
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    guest.send('chat', { to: null, text: 'back again' });
    await host.waitView((v) => v.chat.some((m) => m.from === 1 && m.text === 'back again'), 3000, 'the chat');
  });

  it('in class, a bot takes the seat after the timeout, and the player reclaims it with the seat token', async () => {
    b = await bootServer({ takeoverSeconds: 0.5 });
    const [host, guest, code] = await twoPlayers('in-class');
    const token = guest.welcome!.token!;
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    guest.room.reconnection.enabled = false;
    cutNetwork(code, guest);
    await waitFor(() => seatOf(host, 1).playedBy === 'bot', 3000, 'the takeover');
    expect(seatOf(host, 1).name).toBe('Ben');
    // The stand-in plays: the table goes on although Ben is away.
    host.send('ready', {});
    await host.waitView((v) => v.phase !== 'negotiate', 3000, 'the phase to close without Ben');

    const back = await joinTable(b, code, { token });
    expect(back.seat).toBe(1);
    expect(back.view!.me!.seat).toBe(1);
    await waitFor(() => seatOf(host, 1).playedBy === 'human' && seatOf(host, 1).connected, 3000, 'the reclaim');
    // Only the seat's own token works, and a reclaimed seat is played by its person again.
    await back.waitView((v) => v.phase === 'trust' || v.phase === 'negotiate', 5000, 'a phase to act in');

    const events = b.app.ctx.store.seatEvents(code).filter((e) => e.seat === 1).map((e) => e.kind);
    expect(events).toEqual(['claimed', 'takeover', 'reclaimed']);
    const log = b.app.ctx.store.log(code);
    const takeover = b.app.ctx.store.seatEvents(code).find((e) => e.kind === 'takeover')!;
    const byBot = log.filter((e: LogEntry) => e.actor === 1 && e.by === 'bot');
    expect(byBot.length).toBeGreaterThan(0);
    expect(byBot.every((e) => e.seq >= takeover.seq)).toBe(true);
    expect(log.filter((e) => e.actor === 1 && e.seq < takeover.seq).every((e) => e.by === 'human')).toBe(true);
    await back.room.leave();
    await host.room.leave();
  });

  it('between meetings, nobody takes the seat, and the phase waits for the player', async () => {
    b = await bootServer({ takeoverSeconds: 0.3 });
    const [host, guest, code] = await twoPlayers('between-meetings');
    host.send('start', {});
    await guest.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    guest.room.reconnection.enabled = false;
    cutNetwork(code, guest);
    await waitFor(() => !seatOf(host, 1).connected, 3000, 'disconnected');
    host.send('ready', {});
    await new Promise((r) => setTimeout(r, 800));
    expect(seatOf(host, 1).playedBy).toBe('human');
    expect(host.view!.phase).toBe('negotiate');
    expect(b.app.ctx.store.seatEvents(code).some((e) => e.kind === 'takeover')).toBe(false);
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
    second.send('ready', {});
    await host.waitView((v) => v.seats[1].ready, 3000, 'Ben ready');
    await waitFor(() => seatOf(host, 1).connected, 2000, 'the seat to show connected');
    await new Promise((r) => setTimeout(r, 150));
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
