// Pieces the class debrief's views share: numbers per round, a coalition as seat marks, and the
// link to a table's own debrief.
import type { ClassTable } from '../../shared/class/debrief';
import { signed } from '../game/derive';
import { seatMark } from '../ui/common';
import { h, type VNode } from '../ui/dom';
import type { PageState } from './debrief';

export type Update = (patch: Partial<PageState>, focus?: string) => void;

export function perRound(x: number): string {
  return `${signed(x)} / round`;
}

/** The coalition a table ended with, as seat marks with role names and shares. */
export function coalitionChips(t: ClassTable, members: readonly number[], split: readonly number[]): VNode {
  return h(
    'span',
    { class: 'cd-chips' },
    members.map((m, i) =>
      h(
        'span',
        { class: `cd-chip${t.seats[m].heldBy !== 'person' ? ' bot' : ''}`, key: m },
        seatMark(m, 18),
        `${t.seats[m].roleName} `,
        h('strong', null, `${split[i]}%`),
      ),
    ),
  );
}

/** "Open its debrief" for one table: the table's own debrief, one click away. */
export function tableLink(t: ClassTable, text = `${t.label}’s own debrief`): VNode {
  return h('a', { class: 'cd-link', href: t.link }, text);
}

/** A table of the page: a header row of column names, then the rows. */
export function grid(columns: readonly string[], rows: VNode[], props: Record<string, unknown> = {}): VNode {
  return h(
    'table',
    { class: 'cd-grid', ...props },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h('tbody', null, rows),
  );
}
