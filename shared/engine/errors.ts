import type { ApplyResult, RefusalCode } from './types';

/** A typed refusal: the state is untouched and the sender gets a code and a sentence. */
export function refuse(code: RefusalCode, message: string): ApplyResult {
  return { ok: false, refusal: { code, message } };
}

/** The refusal for free text (a rationale, a reason) that is not text at all. */
export const NOT_TEXT: ApplyResult = refuse('bad-text', 'A rationale or reason must be text.');
