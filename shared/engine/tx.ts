// A small copy-on-write helper so each action reads as a list of rule steps while the
// state it was given stays untouched (actions are pure: DESIGN.md section 8, replay).
import { clampReputation, round2 } from './rules';
import type {
  ApplyResult,
  Audience,
  GameEvent,
  GameState,
  IncomeSource,
  ReputationCause,
  Seat,
  SeatState,
} from './types';

export class Tx {
  events: GameEvent[] = [];
  private seatsCopied = false;

  constructor(public state: GameState) {}

  patch(patch: Partial<GameState>): void {
    this.state = { ...this.state, ...patch };
  }

  seat(seat: Seat, patch: Partial<SeatState>): void {
    if (!this.seatsCopied) {
      this.state = { ...this.state, seats: this.state.seats.slice() };
      this.seatsCopied = true;
    }
    this.state.seats[seat] = { ...this.state.seats[seat], ...patch };
  }

  emit(event: GameEvent): void {
    this.events.push(event);
  }

  /**
   * Moves a seat's points and books them under their source in the round's income; the amount
   * is private to that seat (DESIGN 1, who sees what).
   */
  points(seat: Seat, delta: number, source: IncomeSource): void {
    delta = round2(delta);
    if (delta === 0) return;
    this.seat(seat, { points: round2(this.state.seats[seat].points + delta) });
    const income = this.state.income.slice();
    income[seat] = { ...income[seat], [source]: round2(income[seat][source] + delta) };
    this.patch({ income });
    this.emit({ to: [seat], type: 'points', seat, delta, cause: source });
  }

  /** Moves a seat's public reputation, clamped to 0–100, with its cause (DESIGN 3). */
  reputation(seat: Seat, delta: number, cause: ReputationCause): void {
    const before = this.state.seats[seat].reputation;
    const after = clampReputation(before + delta);
    if (after === before) return;
    this.seat(seat, { reputation: after });
    this.emit({ to: 'all', type: 'reputation', seat, delta: after - before, cause });
  }

  nextId(): number {
    const id = this.state.nextId;
    this.patch({ nextId: id + 1 });
    return id;
  }

  done(): ApplyResult {
    return { ok: true, state: this.state, events: this.events };
  }
}

export function audienceOf(visibility: 'public' | 'members', members: readonly Seat[]): Audience {
  return visibility === 'public' ? 'all' : members.slice();
}
