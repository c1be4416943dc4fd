// "Compare two tables": two timelines next to each other, round by round (shared/class/compare.ts,
// from the single-table debrief's coalition timeline). Comparing two negotiations is what this
// page is for, so any two tables of the class can be chosen, and each side links to that
// table's own debrief.
import type { ClassDebrief, ClassTable, TimelineRound } from '../../shared/class/debrief';
import { compareTables, type CompareSide } from '../../shared/class/compare';
import { pct } from '../game/derive';
import { lineChart } from '../ui/charts';
import { seatMark } from '../ui/common';
import { h, type VNode } from '../ui/dom';
import type { PageState } from './debrief';
import { coalitionChips, grid, perRound, tableLink, type Update } from './parts';

/** A moment's text without its "Round N: " (the row says it), starting with a capital. */
function sentence(x: string): string {
  return x.charAt(0).toUpperCase() + x.slice(1);
}

function picker(id: string, label: string, m: ClassDebrief, value: string, onpick: (id: string) => void): VNode {
  return h(
    'label',
    { class: 'cd-pick', for: id },
    h('span', null, label),
    h(
      'select',
      { id, value, onchange: (e: Event) => onpick((e.target as HTMLSelectElement).value) },
      m.tables.map((t) => h('option', { value: t.id, selected: t.id === value }, t.label)),
    ),
  );
}

/** Every seat's points by round, on a scale both tables share so their charts compare by eye. */
function pointsChart(t: ClassTable, which: 'a' | 'b', scale: { min: number; max: number }): VNode {
  const rounds = t.timeline.map((r) => r.round);
  const series = t.seats.map((s) => ({
    seat: s.seat,
    label: s.roleName,
    values: t.timeline.map((r) => r.points[s.seat]),
  }));
  return lineChart(`cd-points-${which}`, `${t.label}: every seat's points by round`, rounds, series, scale);
}

function sideCard(side: CompareSide, t: ClassTable, which: 'a' | 'b', scale: { min: number; max: number }): VNode {
  return h(
    'div',
    { class: `cd-side cd-side-${which}` },
    h('h3', null, side.label),
    h(
      'dl',
      { class: 'cd-facts' },
      h('dt', null, 'Efficiency'),
      h('dd', null, pct(side.efficiency)),
      h('dt', null, 'Joint gain'),
      h('dd', null, perRound(side.jointGainPerRound)),
      h('dt', null, 'Honoured'),
      h('dd', null, side.cooperation === null ? '—' : pct(side.cooperation)),
      h('dt', null, 'First deal'),
      h('dd', null, side.dealRound === null ? 'never' : `round ${side.dealRound}`),
      h('dt', null, 'Escalations'),
      h('dd', null, String(side.escalations)),
    ),
    pointsChart(t, which, scale),
    side.botSeats.length > 0
      ? h('p', { class: 'cd-sub' }, `A bot held: ${side.botSeats.map((s) => t.seats[s].roleName).join(', ')}`)
      : null,
    tableLink(t),
  );
}

function cell(t: ClassTable, r: TimelineRound | null, round: number): VNode {
  if (!r)
    return h(
      'td',
      { class: 'cd-cell cd-empty' },
      t.ended ? `The game had ended (after round ${t.roundsPlayed}).` : 'Not played yet: the table is still playing.',
    );
  return h(
    'td',
    { class: 'cd-cell' },
    r.members.length
      ? [coalitionChips(t, r.members, r.split), h('div', { class: 'cd-sub' }, r.terms.join(' · '))]
      : h(
          'div',
          { class: 'cd-none' },
          r.otherDeals > 0 ? 'Deals formed; none reached the quota' : 'No deal: everyone took the walk-away',
        ),
    h(
      'div',
      { class: 'cd-sub' },
      `joint gain so far ${r.jointGain >= 0 ? '+' : ''}${Math.round(r.jointGain)}`,
      r.cooperation === null ? '' : ` · ${pct(r.cooperation)} honoured`,
    ),
    r.moments.length
      ? h(
          'ul',
          { class: 'cd-tl-moments' },
          r.moments.map((x, i) => h('li', { key: `${round}-${i}` }, sentence(x.replace(/^Round \d+: /, '')))),
        )
      : null,
  );
}

function scale(...tables: ClassTable[]): { min: number; max: number } {
  const all = tables.flatMap((t) => t.timeline.flatMap((r) => r.points));
  return { min: Math.min(0, ...all), max: Math.max(1, ...all) };
}

export function compareView(m: ClassDebrief, s: PageState, update: Update): VNode {
  if (m.tables.length < 2) return h('p', { class: 'cd-note' }, 'A comparison needs two tables.');
  const a = s.a ?? m.tables[0].id;
  const b = s.b ?? m.tables[1].id;
  const c = compareTables(m, a, b);
  const ta = m.tables.find((t) => t.id === a);
  const tb = m.tables.find((t) => t.id === b);
  return h(
    'section',
    { id: 'cd-compare', 'aria-labelledby': 'cd-compare-h' },
    h('h2', { id: 'cd-compare-h' }, 'Two tables, round by round'),
    h(
      'div',
      { class: 'cd-pickers' },
      picker('cd-pick-a', 'Left', m, a, (id) => update({ a: id })),
      picker('cd-pick-b', 'Right', m, b, (id) => update({ b: id })),
    ),
    !c || !ta || !tb
      ? h('p', { class: 'cd-error' }, 'Choose two tables of this session.')
      : [
          c.sameScenario
            ? h(
                'p',
                { class: 'cd-legend', 'aria-label': 'Seats in the charts' },
                ta.seats.map((x) => h('span', { key: x.seat }, seatMark(x.seat, 18), x.roleName)),
              )
            : null,
          h('div', { class: 'cd-sides' }, sideCard(c.a, ta, 'a', scale(ta, tb)), sideCard(c.b, tb, 'b', scale(ta, tb))),
          c.sameScenario ? null : h('p', { class: 'cd-note' }, 'These tables played different scenarios.'),
          grid(
            ['Round', c.a.label, c.b.label],
            c.rows.map((row) =>
              h(
                'tr',
                { key: row.round },
                h('th', { scope: 'row', class: 'cd-round' }, String(row.round)),
                cell(ta, row.a, row.round),
                cell(tb, row.b, row.round),
              ),
            ),
            { class: 'cd-grid cd-timelines', id: 'cd-timelines' },
          ),
        ],
  );
}
