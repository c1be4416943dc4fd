// Which of a client's frames reach a class session: the same reader as a table's (rooms/admission.ts), so a frame
// that cannot be read, a message the session does not know or an answer of the wrong shape gets a typed error
// instead of silence or a closed socket. Students send only their before/after answers.
import { z } from 'zod';
import { CLASS_MESSAGES, type ClassAnswerMessage } from '../../shared/class/console';
import type { ErrorCode } from '../../shared/protocol';
import { readFrame } from '../rooms/admission';

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
