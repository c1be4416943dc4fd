// The facilitator key of a class session: 128 random bits, shown once to its creator, stored as
// a SHA-256 (a hash of a random 128-bit key cannot be reversed; a slow hash would add nothing).
// Guessing is throttled per address: after `wrongKeysPerAddress` (settings) wrong keys in WRONG_WINDOW_MS an address's
// wrong keys are answered `throttled` until the window has passed. The right key is always let in: students and their
// facilitator often share one address (a school's NAT), and a 128-bit key is unguessable anyway, so the throttle only
// keeps a guesser from hammering the server, never the facilitator out.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken } from '../rooms/setup';

export const WRONG_WINDOW_MS = 10 * 60_000;

export function newFacilitatorKey(): string {
  return randomBytes(16).toString('base64url');
}

export type KeyVerdict = 'ok' | 'wrong' | 'throttled' | 'missing';

export class KeyGuard {
  private wrong = new Map<string, number[]>();

  constructor(
    private now: () => number,
    private limit: () => number,
  ) {}

  private recent(address: string): number[] {
    const now = this.now();
    const times = (this.wrong.get(address) ?? []).filter((t) => now - t < WRONG_WINDOW_MS);
    if (times.length === 0) this.wrong.delete(address);
    else this.wrong.set(address, times);
    return times;
  }

  check(address: string, key: unknown, keyHash: string): KeyVerdict {
    if (typeof key !== 'string' || key.length === 0) return 'missing';
    const a = Buffer.from(hashToken(key), 'hex');
    const b = Buffer.from(keyHash, 'hex');
    if (a.length === b.length && timingSafeEqual(a, b)) return 'ok';
    const recent = this.recent(address);
    if (recent.length >= this.limit()) return 'throttled';
    this.wrong.set(address, [...recent, this.now()]);
    if (this.wrong.size > 10_000) for (const addr of [...this.wrong.keys()]) this.recent(addr);
    return 'wrong';
  }
}
