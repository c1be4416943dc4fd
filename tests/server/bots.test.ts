// Bots at the table (issue 4, item 5): a human-looking delay in play, none in tests, and the same
// order of events either way; public tables listed, private ones not.
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../shared/record/log';
import { bootServer, createTable, type Booted } from './helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const ALL_BOTS = [
  { kind: 'bot', bot: { kind: 'persona', persona: 'incumbent', difficulty: 'hard' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'opportunist', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'hardliner', difficulty: 'easy' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' } },
] as const;

/** A table of five bots, watched and started by a facilitator; returns its log. */
async function botGame(botDelayMs: number): Promise<{ log: LogEntry[]; ms: number }> {
  b = await bootServer({ botDelayMs });
  const host = await createTable(b, {
    scenario: 'harbour-development',
    seats: [...ALL_BOTS],
    rounds: 2,
    seed: 77,
    spectate: true,
  });
  expect(host.welcome!.host).toBe(true);
  const started = Date.now();
  host.send('start', {});
  await host.waitView((v) => v.phase === 'end', 30_000, 'the end');
  const ms = Date.now() - started;
  const log = b.store.log(host.welcome!.code);
  await host.room.leave();
  await b.stop();
  b = null;
  return { log, ms };
}

const withoutTime = (log: LogEntry[]) => log.map(({ time: _time, ...rest }) => rest);

describe('bots', () => {
  it('act in the same order with a human-looking delay as with none', async () => {
    const fast = await botGame(0);
    const slow = await botGame(6);
    expect(withoutTime(slow.log)).toEqual(withoutTime(fast.log));
    const botMoves = slow.log.filter((e) => e.by === 'bot').length;
    expect(botMoves).toBeGreaterThan(20);
    // Each bot move waited at least half the base delay.
    expect(slow.ms).toBeGreaterThanOrEqual(botMoves * 3);
    // The facilitator opened the game; bots closed every phase by being ready.
    expect(fast.log.find((e) => e.action.type === 'advance')).toMatchObject({
      actor: 'facilitator',
      by: 'facilitator',
    });
  }, 60_000);

  it('lists public tables that are being played, not private or solo ones', async () => {
    b = await bootServer();
    const pub = await createTable(b, { scenario: 'harbour-development', name: 'Pub' });
    const priv = await createTable(b, { scenario: 'harbour-development', name: 'Priv', private: true });
    const solo = await createTable(b, { scenario: 'harbour-development', name: 'Solo', solo: true });
    const list = (await b.colyseus.http.get('/api/tables')).data as {
      code: string;
      freeSeats: number;
      scenario: string;
    }[];
    const codes = list.map((t) => t.code);
    expect(codes).toContain(pub.welcome!.code);
    expect(codes).not.toContain(priv.welcome!.code);
    expect(codes).not.toContain(solo.welcome!.code);
    expect(list.find((t) => t.code === pub.welcome!.code)).toMatchObject({
      scenario: 'Harbour Development',
      freeSeats: 4,
    });
    // A lobby room lists them live too.
    const lobby = await b.colyseus.sdk.joinOrCreate('lobby', {});
    const rooms = await new Promise<{ roomId: string }[]>((resolve) => {
      lobby.onMessage('rooms', resolve);
      lobby.send('filter', { name: 'table' });
    });
    expect(rooms.map((r) => r.roomId)).toContain(pub.welcome!.code);
    expect(rooms.map((r) => r.roomId)).not.toContain(priv.welcome!.code);
    await lobby.leave();
    // Private tables are joined by their code.
    const guest = await b.colyseus.sdk.joinById(priv.welcome!.code, { name: 'Guest' });
    expect(guest.roomId).toBe(priv.welcome!.code);
    for (const r of [pub.room, priv.room, solo.room, guest]) await r.leave();
  });
});
