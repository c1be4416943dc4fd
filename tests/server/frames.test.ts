// Frames a curious student's script may send (issue 11, items 4-6): oversized frames refused by
// the socket before anything reads them, unreadable frames answered with a typed error and logged
// once per connection, and every message name reported as it was sent.
import { encode } from '@colyseus/schema';
import { pack } from 'msgpackr';
import { afterEach, describe, expect, it } from 'vitest';
import { condensedLogger } from '../../server/log';
import { bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';

let b: Booted | null = null;
let logged: string[] = [];
afterEach(async () => {
  await b?.stop();
  b = null;
  logged = [];
});

const ROOM_DATA = 13;
const BUILDER = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;

async function boot(): Promise<[Player, Player]> {
  b = await bootServer();
  // The test helpers silence the server; this table's log is what item 5 is about.
  b.app.ctx.log = (m) => logged.push(m);
  const host = await createTable(b, {
    scenario: 'harbour-development',
    seats: [{ kind: 'human' }, { kind: 'human' }, BUILDER, BUILDER, BUILDER],
    durations: { negotiate: 600, trust: 600 },
    name: 'Ana',
  });
  const other = await joinTable(b, host.welcome!.code, { name: 'Ben' });
  return [host, other];
}

/** A frame as the SDK would send it: protocol byte, message name, msgpack payload. */
function frame(type: string | number, payload?: unknown): Uint8Array {
  const head: number[] = [ROOM_DATA];
  const it = { offset: 1 };
  if (typeof type === 'string') encode.string(head, type, it);
  else encode.number(head, type, it);
  const body = payload === undefined ? new Uint8Array(0) : pack(payload);
  return new Uint8Array([...head, ...body]);
}

function sendRaw(p: Player, bytes: Uint8Array): void {
  (p.room.connection as unknown as { send(data: Uint8Array): void }).send(bytes);
}

/** Sends raw bytes and waits for the error that must answer them. */
async function answerTo(p: Player, bytes: Uint8Array) {
  const before = p.errors.length;
  sendRaw(p, bytes);
  await waitFor(() => p.errors.length > before, 3000, 'an answer');
  return p.errors[before];
}

describe('frames', () => {
  it('over the size limit are refused by the socket itself (close 1009), not decoded and answered', async () => {
    const [host, other] = await boot();
    host.send('chat', { to: null, text: 'x'.repeat(60_000) });
    await waitFor(() => host.left !== null, 3000, 'the socket to refuse the frame');
    expect(host.left).toBe(1009);
    expect(host.errors).toEqual([]);
    // Just over maxPayloadChars still gets its typed answer.
    expect((await other.expectError('chat', { to: null, text: 'y'.repeat(4200) })).code).toBe('too-large');
    expect(other.left).toBe(null);
  });

  it('that cannot be read get a typed error, and one line in the log per connection', async () => {
    const [host, other] = await boot();
    const truncated = frame('chat', { to: null, text: 'hello there' }).slice(0, -4);
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['unknown protocol byte', new Uint8Array([7, 1, 2, 3])],
      ['garbage msgpack', new Uint8Array([...frame('chat'), 0xc1, 0xc1, 0xc1])],
      ['truncated msgpack', truncated],
      ['name cut short', new Uint8Array([ROOM_DATA, 0xd9, 200, 0x61])],
    ];
    for (const [what, bytes] of cases) {
      const error = await answerTo(host, bytes);
      expect(error.code, what).toBe('bad-frame');
      expect(error.message.length, what).toBeGreaterThan(10);
    }
    expect(host.left).toBe(null);
    // The connection still plays.
    host.send('chat', { to: null, text: 'still here' });
    await other.waitView((v) => v.chat.some((m) => m.text === 'still here'), 3000, 'the chat');
    const lines = () => logged.filter((l) => l.includes(host.room.sessionId));
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toContain('unreadable frame');
    await host.room.leave();
    await waitFor(() => lines().length === 2, 3000, 'the count when it leaves');
    expect(lines()[1]).toContain(`after ${cases.length} unreadable frames`);
  });

  it('report the name they were sent under, "*" and "" included', async () => {
    const [host] = await boot();
    for (const type of ['*', '', 'nosuch', 42]) {
      const error = await answerTo(host, frame(type, { a: 1 }));
      expect(error.code).toBe('unknown-message');
      expect(error.type).toBe(String(type));
      expect(error.message).toContain(`"${String(type)}"`);
    }
  });
});

describe("Colyseus's own log", () => {
  it('prints the first error of a kind in full and only counts the rest', () => {
    const lines: string[] = [];
    let now = 0;
    const logger = condensedLogger(
      (m) => lines.push(m),
      () => now,
    );
    const error = () => new RangeError('Max payload size exceeded');
    for (let i = 0; i < 500; i++) logger.error(error());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('at ');
    now = 61_000;
    logger.error(error());
    expect(lines).toEqual([lines[0], 'RangeError: Max payload size exceeded (500 more since the last report)']);
    logger.error('another kind');
    expect(lines[2]).toBe('another kind');
  });
});
