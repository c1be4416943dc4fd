// Whose name is whose in a class session (review: "typing a classmate's name takes their seat"). A name belongs to
// the first browser that joined with it: that browser keeps a private claim token (StudentModel.claim) and gets the
// student, and so the seat, back with it. Another device typing the same name is refused while the first is
// connected or was here within `nameHoldSeconds`, and each refusal is counted for the console; after that, or once
// the facilitator releases the name, the next device to type it becomes the student.
import { hashToken, joinError, newToken } from '../rooms/setup';
import type { StudentRecord } from '../store/sessions';

export class NameClaims {
  /** When each student's device was last here (joining or leaving). */
  private seen = new Map<string, number>();
  /** Joins refused because another device used a student's name: the console flags them. */
  readonly attempts = new Map<string, number>();

  constructor(
    private now: () => number,
    private holdSeconds: () => number,
  ) {}

  /** After a restart nobody is connected yet: every name is held from now, as if its device had just left. */
  restored(students: readonly StudentRecord[]): void {
    for (const student of students) this.seen.set(student.id, this.now());
  }

  /** Whether this join carries the student's own claim. */
  holds(student: StudentRecord | undefined, claim: string | null): boolean {
    return !!student?.claimHash && claim !== null && hashToken(claim) === student.claimHash;
  }

  /**
   * Refuses (throws name-taken, and counts the attempt) a join of a claimed name without its claim while the
   * name's device is `here` or was within the hold.
   */
  check(student: StudentRecord | undefined, claim: string | null, here: boolean): void {
    if (!student?.claimHash || this.holds(student, claim)) return;
    if (!here && this.now() - (this.seen.get(student.id) ?? 0) >= this.holdSeconds() * 1000) return;
    this.attempts.set(student.id, (this.attempts.get(student.id) ?? 0) + 1);
    throw joinError(
      'name-taken',
      'Someone in this session already uses that name. If it is yours, use the device you joined with, ' +
        'or ask your facilitator to release it.',
    );
  }

  /** The claim this join keeps (its own) or gets (a new one, whose hash the student record then holds). */
  issue(student: StudentRecord, claim: string | null): { claim: string; changed: boolean } {
    this.seen.set(student.id, this.now());
    if (claim !== null && this.holds(student, claim)) return { claim, changed: false };
    const fresh = newToken();
    student.claimHash = hashToken(fresh);
    return { claim: fresh, changed: true };
  }

  left(id: string): void {
    this.seen.set(id, this.now());
  }

  /** The facilitator's release: the next device to type the name takes the student over. */
  release(student: StudentRecord): void {
    student.claimHash = null;
    this.attempts.delete(student.id);
    this.seen.delete(student.id);
  }
}
