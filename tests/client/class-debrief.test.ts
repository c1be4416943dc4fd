// The class debrief page's address: #class-debrief/<session>[/<view>[/<table A>/<table B>]].
import { describe, expect, it } from 'vitest';
import { parseHash } from '../../client/class/debrief';

describe('parseHash', () => {
  it('reads the session, the view and the two tables compared', () => {
    expect(parseHash('#class-debrief/ABCD')).toEqual({ session: 'ABCD', tab: 'tables', a: null, b: null });
    expect(parseHash('#class-debrief/ABCD/roles')).toEqual({ session: 'ABCD', tab: 'roles', a: null, b: null });
    expect(parseHash('#class-debrief/ABCD/compare/T%201/T2')).toEqual({
      session: 'ABCD',
      tab: 'compare',
      a: 'T 1',
      b: 'T2',
    });
  });

  it('falls back to the tables for an unknown view, and is not fooled by other pages', () => {
    expect(parseHash('#class-debrief/ABCD/nonsense')?.tab).toBe('tables');
    expect(parseHash('#class-debrief/')).toBeNull();
    expect(parseHash('#explore')).toBeNull();
    expect(parseHash('#console/ABCD')).toBeNull();
  });
});
