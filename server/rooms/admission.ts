// Message admission: which of a client's messages reach the table. The reading of a frame, a
// flood guard per connection, a slower limit on chat, a size limit, and the routing of a message
// name to its payload schema. Nothing here knows the game; a message that passes becomes an
// action or a control request.
import { Protocol } from '@colyseus/core';
import { decode } from '@colyseus/schema';
import { unpack } from 'msgpackr';
import {
  ACTION_MESSAGES,
  CONTROL_MESSAGES,
  type ActionMessage,
  type ControlMessage,
  type ErrorCode,
} from '../../shared/protocol';
import type { ServerSettings } from '../context';

/** Token bucket of the flood guard, one per connection. */
export interface RateState {
  tokens: number;
  refilled: number;
  drops: number;
  lastRateError: number;
  /** Times of this connection's recent chat messages. */
  chat: number[];
}

export function newRate(settings: Pick<ServerSettings, 'rateBurst'>, now = Date.now()): RateState {
  return { tokens: settings.rateBurst, refilled: now, drops: 0, lastRateError: 0, chat: [] };
}

/** What the guard decided: let it through, drop it (telling the client at most once a second), or cut the client off. */
export type Admit = 'admit' | 'drop' | 'drop-and-tell' | 'disconnect';

/**
 * Flood guard: a token bucket per client. Messages beyond the bucket are dropped and counted;
 * the count is forgiven only once the client has been quiet long enough to refill the whole
 * bucket, so a flood at any pace above `ratePerSecond` is cut off after `floodLimit` drops,
 * even one slow enough to have a message admitted now and then.
 */
export function admit(
  rate: RateState,
  settings: Pick<ServerSettings, 'rateBurst' | 'ratePerSecond' | 'floodLimit'>,
  now = Date.now(),
): Admit {
  const { rateBurst, ratePerSecond, floodLimit } = settings;
  rate.tokens = Math.min(rateBurst, rate.tokens + ((now - rate.refilled) / 1000) * ratePerSecond);
  rate.refilled = now;
  if (rate.tokens >= rateBurst) rate.drops = 0;
  if (rate.tokens >= 1) {
    rate.tokens -= 1;
    return 'admit';
  }
  rate.drops++;
  if (rate.drops > floodLimit) return 'disconnect';
  if (now - rate.lastRateError >= 1000) {
    rate.lastRateError = now;
    return 'drop-and-tell';
  }
  return 'drop';
}

export const CHAT_BURST = 5;
export const CHAT_WINDOW_MS = 10_000;

/** Chat has its own, slower limit: at most CHAT_BURST messages in CHAT_WINDOW_MS. */
export function admitChat(rate: RateState, now = Date.now()): boolean {
  rate.chat = rate.chat.filter((t) => now - t < CHAT_WINDOW_MS);
  if (rate.chat.length >= CHAT_BURST) return false;
  rate.chat.push(now);
  return true;
}

export interface Refused {
  kind: 'refused';
  code: ErrorCode;
  message: string;
}

export type Routed =
  | { kind: 'action'; type: ActionMessage; payload: Record<string, unknown> }
  | { kind: 'control'; type: ControlMessage; payload: Record<string, unknown> }
  | Refused;

/** Checks a message's size, name and payload schema; the game decides the rest. */
export function route(type: string, payload: unknown, maxPayloadChars: number): Routed {
  let size: number;
  try {
    size = JSON.stringify(payload ?? null)?.length ?? 0;
  } catch {
    size = Infinity;
  }
  if (size > maxPayloadChars)
    return { kind: 'refused', code: 'too-large', message: `A message is at most ${maxPayloadChars} characters.` };
  if (Object.hasOwn(ACTION_MESSAGES, type)) {
    const parsed = ACTION_MESSAGES[type as ActionMessage].safeParse(payload ?? {});
    if (!parsed.success) return { kind: 'refused', code: 'bad-payload', message: describe(parsed.error) };
    return { kind: 'action', type: type as ActionMessage, payload: parsed.data };
  }
  if (Object.hasOwn(CONTROL_MESSAGES, type)) {
    const parsed = CONTROL_MESSAGES[type as ControlMessage].safeParse(payload ?? {});
    if (!parsed.success) return { kind: 'refused', code: 'bad-payload', message: describe(parsed.error) };
    return { kind: 'control', type: type as ControlMessage, payload: parsed.data };
  }
  return { kind: 'refused', code: 'unknown-message', message: `There is no message called "${type.slice(0, 40)}".` };
}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The low bits of a frame's first byte name its protocol message (Colyseus's PROTOCOL_CODE_MASK). */
const PROTOCOL_CODE_MASK = 0x1f;
/** Frames Colyseus itself must handle: the join handshake, pings and leaving. */
const SESSION_FRAMES: ReadonlySet<number> = new Set([Protocol.JOIN_ROOM, Protocol.LEAVE_ROOM, Protocol.PING]);

export type Frame =
  { kind: 'session' } | { kind: 'message'; type: string; payload: unknown } | { kind: 'unreadable'; reason: string };

/**
 * Reads a client's frame the way Colyseus would, without its faults: any message name (even "*"
 * or ""), and a typed answer instead of a closed socket and a stack trace for a frame that cannot
 * be read (empty, an unknown protocol byte, a name or payload cut short or not msgpack).
 */
export function readFrame(buffer: Uint8Array): Frame {
  if (buffer.length === 0) return { kind: 'unreadable', reason: 'the frame is empty' };
  const code = buffer[0] & PROTOCOL_CODE_MASK;
  if (SESSION_FRAMES.has(code)) return { kind: 'session' };
  if (code !== Protocol.ROOM_DATA)
    return { kind: 'unreadable', reason: `protocol byte ${buffer[0]} is not a message this server accepts` };
  const it = { offset: 1 };
  const prefix = buffer[1];
  let type: string;
  const name = readName(buffer, it);
  if (name !== null) {
    if ('problem' in name) return { kind: 'unreadable', reason: name.problem };
    type = name.text;
  } else if (prefix !== undefined && isNumberPrefix(prefix)) {
    type = String(decode.number(buffer, it));
    if (it.offset > buffer.length) return { kind: 'unreadable', reason: 'the message name is cut short' };
  } else {
    return { kind: 'unreadable', reason: 'the message has no name' };
  }
  if (it.offset === buffer.length) return { kind: 'message', type, payload: undefined };
  try {
    return { kind: 'message', type, payload: unpack(buffer.subarray(it.offset)) };
  } catch {
    return { kind: 'unreadable', reason: `the payload of "${type.slice(0, 40)}" is not valid msgpack` };
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A msgpack string at it.offset (null when there is none), bounds-checked and strict UTF-8. */
function readName(buffer: Uint8Array, it: { offset: number }): { text: string } | { problem: string } | null {
  const at = it.offset;
  const prefix = buffer[at];
  let length: number;
  let start: number;
  if (prefix >= 0xa0 && prefix <= 0xbf) [length, start] = [prefix & 0x1f, at + 1];
  else if (prefix === 0xd9) [length, start] = [buffer[at + 1], at + 2];
  else if (prefix === 0xda) [length, start] = [(buffer[at + 1] << 8) | buffer[at + 2], at + 3];
  else if (prefix === 0xdb)
    [length, start] = [
      ((buffer[at + 1] << 24) >>> 0) + ((buffer[at + 2] << 16) | (buffer[at + 3] << 8) | buffer[at + 4]),
      at + 5,
    ];
  else return null;
  if (start > buffer.length || !Number.isFinite(length) || start + length > buffer.length)
    return { problem: 'the message name is cut short' };
  it.offset = start + length;
  try {
    return { text: UTF8.decode(buffer.subarray(start, start + length)) };
  } catch {
    return { problem: 'the message name is not UTF-8' };
  }
}

/** msgpack integers and floats, the other kind of message name Colyseus clients may send. */
function isNumberPrefix(prefix: number): boolean {
  return prefix < 0x80 || (prefix >= 0xca && prefix <= 0xd3) || prefix > 0xdf;
}
