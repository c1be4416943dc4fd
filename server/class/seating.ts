// Seating a class (issue 10): how many tables, who sits where. Pure, so its balance is tested
// without a server: tables differ by at most one person, every table fills the same roles first
// (so a role is compared across tables), and seats nobody takes go to bots at the start.
import type { Seat } from '../../shared/engine/types';

export interface SeatPlace {
  /** Index of the table in the session (0-based). */
  table: number;
  seat: Seat;
}

/**
 * Tables for `students` people when each table has `humanSeats` seats for people: as many as they fill, or the
 * facilitator's fixed number, but never a table without a student (bots fill the rest of each table).
 */
export function tablesFor(students: number, humanSeats: number, fixed: number | null): number {
  if (fixed !== null) return Math.min(fixed, students);
  return Math.max(1, Math.ceil(students / Math.max(1, humanSeats)));
}

/**
 * Places for `count` new students given each table's free person seats (in seat order) and how
 * many people each already has: always the table with fewest people (then the lowest number), at
 * its first free seat. Students beyond every free seat get no place (they wait for one).
 */
export function placeStudents(count: number, free: Seat[][], people: number[]): (SeatPlace | null)[] {
  const left = free.map((seats) => [...seats]);
  const have = [...people];
  const places: (SeatPlace | null)[] = [];
  for (let i = 0; i < count; i++) {
    let best = -1;
    for (let t = 0; t < left.length; t++) if (left[t].length > 0 && (best < 0 || have[t] < have[best])) best = t;
    if (best < 0) {
      places.push(null);
      continue;
    }
    places.push({ table: best, seat: left[best].shift()! });
    have[best]++;
  }
  return places;
}
