import { describe, expect, it } from 'vitest';
import { placeStudents, tablesFor } from '../../server/class/seating';

describe('seating a class', () => {
  it('makes as many tables as the students fill, or the fixed number', () => {
    expect(tablesFor(60, 5, null)).toBe(12);
    expect(tablesFor(61, 5, null)).toBe(13);
    expect(tablesFor(0, 5, null)).toBe(1);
    expect(tablesFor(7, 3, 4)).toBe(4);
    // Never a fixed table nobody sits at.
    expect(tablesFor(2, 3, 4)).toBe(2);
    expect(tablesFor(0, 3, 4)).toBe(0);
  });

  it('balances tables to within one person and fills the same roles first at every table', () => {
    const free = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ];
    const places = placeStudents(7, free, [0, 0, 0]);
    expect(places).toEqual([
      { table: 0, seat: 0 },
      { table: 1, seat: 0 },
      { table: 2, seat: 0 },
      { table: 0, seat: 1 },
      { table: 1, seat: 1 },
      { table: 2, seat: 1 },
      { table: 0, seat: 2 },
    ]);
  });

  it('sends a late arrival to the table with fewest people, and leaves the rest waiting when seats run out', () => {
    expect(placeStudents(3, [[2], [1, 2]], [2, 1])).toEqual([
      { table: 1, seat: 1 },
      { table: 0, seat: 2 },
      { table: 1, seat: 2 },
    ]);
    expect(placeStudents(2, [[], [4]], [5, 4])).toEqual([{ table: 1, seat: 4 }, null]);
  });
});
