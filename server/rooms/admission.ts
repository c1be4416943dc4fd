// Message admission: which of a client's messages reach the table. A flood guard per connection,
// a slower limit on chat, a size limit, and the routing of a message name to its payload schema.
// Nothing here knows the game; a message that passes becomes an action or a control request.
import { ACTION_MESSAGES, CONTROL_MESSAGES, type ActionMessage, type ControlMessage, type ErrorCode } from '../../shared/protocol';
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
export function admit(rate: RateState, settings: Pick<ServerSettings, 'rateBurst' | 'ratePerSecond' | 'floodLimit'>, now = Date.now()): Admit {
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
  if (size > maxPayloadChars) return { kind: 'refused', code: 'too-large', message: `A message is at most ${maxPayloadChars} characters.` };
  if (Object.hasOwn(ACTION_MESSAGES, type)) {
    const parsed = ACTION_MESSAGES[type as ActionMessage].safeParse(payload ?? {});
    if (!parsed.success) return { kind: 'refused', code: 'bad-payload', message: describe(parsed.error) };
    return { kind: 'action', type: type as ActionMessage, payload: parsed.data as Record<string, unknown> };
  }
  if (Object.hasOwn(CONTROL_MESSAGES, type)) {
    const parsed = CONTROL_MESSAGES[type as ControlMessage].safeParse(payload ?? {});
    if (!parsed.success) return { kind: 'refused', code: 'bad-payload', message: describe(parsed.error) };
    return { kind: 'control', type: type as ControlMessage, payload: parsed.data as Record<string, unknown> };
  }
  return { kind: 'refused', code: 'unknown-message', message: `There is no message called "${type.slice(0, 40)}".` };
}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
