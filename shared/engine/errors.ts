import type { ApplyResult, RefusalCode } from './types';

/** A typed refusal: the state is untouched and the sender gets a code and a sentence. */
export function refuse(code: RefusalCode, message: string): ApplyResult {
  return { ok: false, refusal: { code, message } };
}
