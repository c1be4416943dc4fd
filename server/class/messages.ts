// Which of a client's frames reach a class session: the same reader as a table's (rooms/admission.ts), so a frame
// that cannot be read, a message the session does not know or an answer of the wrong shape gets a typed error
// instead of silence or a closed socket. Students send only their before/after answers.
import { CloseCode, type Client } from '@colyseus/core';
import { z } from 'zod';
import { CLASS_MESSAGES, type ClassAnswerMessage } from '../../shared/class/console';
import { SERVER_MESSAGES, type ErrorCode, type ErrorMessage } from '../../shared/protocol';
import type { ServerSettings } from '../context';
import { admit, newRate, readFrame, type RateState } from '../rooms/admission';

const answerMessage = z.strictObject({
  question: z.string().max(40),
  phase: z.enum(['before', 'after']),
  answer: z.string().max(200),
});

export type ClassFrame =
  | { kind: 'session' }
  | { kind: 'answer'; message: ClassAnswerMessage }
  | { kind: 'refused'; code: ErrorCode; message: string; type?: string };

export function classFrame(buffer: Uint8Array, maxPayloadChars: number): ClassFrame {
  const frame = readFrame(buffer);
  if (frame.kind === 'session') return frame;
  if (frame.kind === 'unreadable')
    return { kind: 'refused', code: 'bad-frame', message: `That frame could not be read: ${frame.reason}.` };
  const type = frame.type.slice(0, 40);
  if (frame.type !== CLASS_MESSAGES.answer)
    return { kind: 'refused', code: 'unknown-message', message: `There is no message called "${type}".`, type };
  if (size(frame.payload) > maxPayloadChars)
    return { kind: 'refused', code: 'too-large', message: `A message is at most ${maxPayloadChars} characters.`, type };
  const parsed = answerMessage.safeParse(frame.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String).join('.');
    return { kind: 'refused', code: 'bad-payload', message: path ? `${path}: ${issue.message}` : issue.message, type };
  }
  return { kind: 'answer', message: parsed.data };
}

function size(payload: unknown): number {
  try {
    return JSON.stringify(payload ?? null)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

export function sendError(client: Client, code: ErrorCode, message: string, type?: string): void {
  const error: ErrorMessage = type === undefined ? { code, message } : { code, message, type };
  client.send(SERVER_MESSAGES.error, error);
}

/** The tables' flood guard, one bucket per connection: every frame but the session's own counts. */
export class FloodGuard {
  private rates = new Map<string, RateState>();

  constructor(private settings: () => ServerSettings) {}

  /** Whether this client's frame may be read; a flood is told (at most once a second) and then cut off. */
  admit(client: Client): boolean {
    const settings = this.settings();
    let rate = this.rates.get(client.sessionId);
    if (!rate) this.rates.set(client.sessionId, (rate = newRate(settings)));
    const verdict = admit(rate, settings);
    if (verdict === 'disconnect') {
      sendError(client, 'rate-limited', 'Too many messages: disconnected.');
      client.leave(CloseCode.WITH_ERROR, 'flooding');
      return false;
    }
    if (verdict === 'drop-and-tell') sendError(client, 'rate-limited', 'Too many messages: slow down.');
    return verdict === 'admit';
  }

  forget(sessionId: string): void {
    this.rates.delete(sessionId);
  }
}
