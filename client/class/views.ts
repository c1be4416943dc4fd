// The class debrief's views: the tables side by side, each role across tables, the moments to
// discuss, two tables compared round by round, and the class's before/after shift. One view at a
// time, in large type, so the back row of a room can read it; every control is a button, a link
// or a select, reachable with Tab and worked with Enter or Space.
import type { ClassDebrief, ClassTable } from '../../shared/class/debrief';
import type { ClassMoment } from '../../shared/class/moments';
import { shareWords } from '../../shared/record/placements';
import { pct } from '../game/derive';
import { h, type VNode } from '../ui/dom';
import { compareView } from './compare-view';
import type { PageState } from './debrief';
import { coalitionChips, grid, perRound, tableLink, type Update } from './parts';
import { rolesView } from './roles-view';
import { shiftView } from './shift-view';

export const TABS = ['tables', 'roles', 'moments', 'compare', 'shift'] as const;
export type Tab = (typeof TABS)[number];

const TAB_NAMES: Record<Tab, string> = {
  tables: 'Tables',
  roles: 'Roles',
  moments: 'Moments',
  compare: 'Compare two tables',
  shift: 'Before / after',
};

function efficiencyBar(t: ClassTable): VNode {
  return h(
    'div',
    { class: 'cd-bar', role: 'img', 'aria-label': `efficiency ${pct(t.efficiency)}` },
    h('span', { style: `width:${Math.max(0, Math.min(1, t.efficiency)) * 100}%` }),
  );
}

function tablesView(m: ClassDebrief, update: Update): VNode {
  const hi = m.comparePair?.[0];
  const lo = m.comparePair?.[1];
  return h(
    'section',
    { id: 'cd-tables', 'aria-labelledby': 'cd-tables-h' },
    h('h2', { id: 'cd-tables-h' }, 'The tables side by side'),
    h(
      'p',
      { class: 'cd-note' },
      'Per round played: tables ran for different numbers of rounds. Efficiency is joint gain ÷ the most the table could have made; beneath it, the share it beat of the class’s other tables and, apart, of seeded bot tables.',
    ),
    grid(
      [
        'Table',
        'Coalition at the end, split and terms',
        'First deal',
        'Joint gain',
        'Efficiency',
        'Honoured',
        'Escalations',
      ],
      m.tables.map((t) =>
        h(
          'tr',
          { key: t.id, class: t.id === hi ? 'cd-hi' : t.id === lo ? 'cd-lo' : undefined },
          h(
            'th',
            { scope: 'row' },
            h('div', { class: 'cd-label' }, t.label),
            h(
              'div',
              { class: 'cd-sub' },
              // A table still being played shows nothing of its game here (server/class/records.ts) until it ends.
              t.ended
                ? t.roundsPlayed === 0
                  ? 'no round played'
                  : `${t.roundsPlayed} rounds`
                : 'still being played: shown when it ends',
            ),
            t.botSeats > 0 ? h('div', { class: 'cd-sub' }, `bot seats: ${t.botSeats}`) : null,
            tableLink(t, 'Open its debrief'),
          ),
          h(
            'td',
            null,
            t.coalition
              ? [
                  coalitionChips(t, t.coalition.members, t.coalition.split),
                  h('div', { class: 'cd-sub' }, t.coalition.terms.map((x) => x.option).join(' · ')),
                ]
              : h('span', { class: 'cd-none' }, 'No winning deal'),
          ),
          h('td', { class: 'cd-num' }, t.dealRound === null ? '—' : `Round ${t.dealRound}`),
          h('td', { class: 'cd-num' }, perRound(t.jointGainPerRound)),
          h(
            'td',
            null,
            h(
              'div',
              { class: 'cd-big' },
              pct(t.efficiency),
              t.id === hi ? h('span', { class: 'cd-tag gold' }, 'most') : null,
              t.id === lo ? h('span', { class: 'cd-tag warn' }, 'least') : null,
            ),
            efficiencyBar(t),
            t.createdInClass === null
              ? null
              : h('div', { class: 'cd-sub cd-num' }, `class ${shareWords(t.createdInClass).cell}`),
            t.createdBenchmark === null
              ? null
              : h('div', { class: 'cd-sub cd-num' }, `bots ${shareWords(t.createdBenchmark).cell}`),
          ),
          h('td', { class: 'cd-num' }, t.cooperation === null ? '—' : pct(t.cooperation)),
          h(
            'td',
            { class: 'cd-num' },
            `${t.escalations}`,
            t.demandsMet > 0 ? h('div', { class: 'cd-sub' }, `${t.demandsMet} met`) : null,
          ),
        ),
      ),
    ),
    m.comparePair
      ? h(
          'p',
          null,
          h(
            'button',
            {
              class: 'cd-button',
              id: 'cd-compare-extremes',
              onclick: () => update({ tab: 'compare', a: hi, b: lo }, 'tab-compare'),
            },
            `Compare the most and the least efficient tables`,
          ),
        )
      : null,
  );
}

function momentCard(mo: ClassMoment, m: ClassDebrief, update: Update, i: number): VNode {
  const tables = mo.tables.map((id) => m.tables.find((t) => t.id === id)).filter((t): t is ClassTable => !!t);
  return h(
    'article',
    { class: 'cd-moment', key: `${mo.kind}-${i}` },
    h('h3', null, mo.title),
    mo.lines.map((line) => h('p', null, line)),
    h(
      'p',
      { class: 'cd-lesson' },
      h('span', { class: 'cd-tag' }, 'Lesson'),
      ` ${mo.lesson.title}`,
      mo.lesson.note ? h('span', { class: 'cd-caveat' }, ` ${mo.lesson.note}`) : null,
    ),
    h(
      'div',
      { class: 'cd-actions' },
      tables.length >= 2
        ? h(
            'button',
            {
              class: 'cd-button',
              onclick: () => update({ tab: 'compare', a: tables[0].id, b: tables[1].id }, 'tab-compare'),
            },
            `Compare ${tables[0].label} and ${tables[1].label}`,
          )
        : null,
      tables.map((t) => tableLink(t)),
    ),
  );
}

function momentsView(m: ClassDebrief, update: Update): VNode {
  return h(
    'section',
    { id: 'cd-moments', 'aria-labelledby': 'cd-moments-h' },
    h('h2', { id: 'cd-moments-h' }, 'Worth discussing: where tables differed'),
    m.moments.length === 0
      ? h('p', { class: 'cd-note' }, 'With a single table there is nothing to compare yet.')
      : m.moments.map((mo, i) => momentCard(mo, m, update, i)),
  );
}

function tabBar(s: PageState, update: Update): VNode {
  return h(
    'nav',
    { class: 'cd-tabs', 'aria-label': 'Class debrief views' },
    TABS.map((t, i) =>
      h(
        'button',
        {
          id: `tab-${t}`,
          key: t,
          class: s.tab === t ? 'cd-tab on' : 'cd-tab',
          'aria-current': s.tab === t ? 'page' : undefined,
          onclick: () => update({ tab: t }),
        },
        h('span', { class: 'cd-key', 'aria-hidden': 'true' }, String(i + 1)),
        TAB_NAMES[t],
      ),
    ),
  );
}

function header(s: PageState): VNode {
  const m = s.model;
  const scenarios = m ? m.scenarios.map((x) => x.name).join(', ') : '';
  return h(
    'header',
    { class: 'cd-head' },
    h('h1', null, 'Class debrief'),
    h(
      'p',
      { class: 'cd-meta' },
      m ? `${scenarios} · ${m.tables.length} tables · session ${m.session}` : `session ${s.session}`,
    ),
  );
}

/** The whole page for the current state. */
export function classView(s: PageState, update: Update): VNode {
  const m = s.model;
  let body: VNode;
  if (s.error) body = h('p', { class: 'cd-error', role: 'alert' }, s.error);
  else if (!m) body = h('p', { class: 'cd-note', role: 'status' }, 'Loading the class debrief…');
  else if (s.tab === 'tables') body = tablesView(m, update);
  else if (s.tab === 'roles') body = rolesView(m, s, update);
  else if (s.tab === 'moments') body = momentsView(m, update);
  else if (s.tab === 'compare') body = compareView(m, s, update);
  else body = shiftView(m);
  return h(
    'div',
    { class: 'cd-page', id: 'class-debrief' },
    header(s),
    tabBar(s, update),
    h('div', { class: 'cd-body' }, body),
  );
}
