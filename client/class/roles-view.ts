// Each role across the class's tables, per round played: a strip for every role (one mark per
// table on one axis, so the spread shows at a glance; a hollow mark where a bot held the seat),
// then one role in detail with its percentiles within the class beside, never pooled with, the
// bot benchmark's. Seats of one table are never ranked against each other.
import type { ClassDebrief, ClassRole, RoleSeat } from '../../shared/class/debrief';
import { shareWords } from '../../shared/record/placements';
import { pts } from '../game/derive';
import { UI } from '../game/palette';
import { h, type VNode } from '../ui/dom';
import type { PageState } from './debrief';
import { grid, perRound, type Update } from './parts';

const W = 900;
const H = 92;
const PAD = 40;

function heldText(s: RoleSeat): string {
  return s.heldBy === 'bot' ? 'bot' : s.heldBy === 'both' ? 'bot for part' : 'student';
}

/** One role's mutual-gain score per round at every table, on one axis. */
function strip(role: ClassRole, lo: number, hi: number): VNode {
  const x = (v: number) => PAD + ((v - lo) / Math.max(1e-9, hi - lo)) * (W - 2 * PAD);
  const y = H / 2 + 6;
  const order = [...role.seats].sort((p, q) => p.mutualGain - q.mutualGain);
  return h(
    'svg',
    {
      class: 'cd-strip',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': `${role.roleName}: mutual-gain score per round from ${Math.round(role.mutualGain.min)} to ${Math.round(role.mutualGain.max)}`,
    },
    h('line', { x1: PAD, x2: W - PAD, y1: y, y2: y, stroke: '#4a6275', 'stroke-width': 2 }),
    lo < 0 && hi > 0
      ? [
          h('line', { x1: x(0), x2: x(0), y1: y - 22, y2: y + 22, stroke: '#6d8595', 'stroke-dasharray': '4 4' }),
          h('text', { x: x(0), y: H - 2, 'text-anchor': 'middle', class: 'cd-axis' }, '0'),
        ]
      : null,
    role.seats.map((s) => {
      const best = role.best?.table === s.table;
      const worst = role.worst?.table === s.table;
      const colour = best ? UI.gold : worst ? '#ff8a50' : '#cfd8de';
      const cx = x(s.mutualGain);
      // Labels alternate above and below in the order of the marks, so neighbours stay readable.
      const above = order.indexOf(s) % 2 === 0;
      return h(
        'g',
        { key: s.table },
        h('circle', {
          cx,
          cy: y,
          r: best || worst ? 11 : 8,
          fill: s.heldBy === 'person' ? colour : UI.bg,
          stroke: colour,
          'stroke-width': 3,
        }),
        h(
          'text',
          {
            x: cx,
            y: above ? y - 18 : y + 32,
            'text-anchor': 'middle',
            class: best || worst ? 'cd-axis strong' : 'cd-axis',
          },
          s.tableLabel.replace(/^Table /, 'T'),
        ),
      );
    }),
  );
}

function detail(role: ClassRole, update: Update): VNode {
  const benchGames = role.seats.find((s) => s.benchmark)?.benchmark?.games ?? null;
  return h(
    'section',
    { class: 'cd-role-detail', 'aria-labelledby': 'cd-role-h' },
    h('h3', { id: 'cd-role-h' }, `${role.roleName} at every table`),
    h(
      'p',
      { class: 'cd-note' },
      `Spread of the mutual-gain score: ${perRound(role.mutualGain.min)} to ${perRound(role.mutualGain.max)} (median ${perRound(role.mutualGain.median)}). ` +
        'Within the class: compared with the same role at the other tables. ' +
        (benchGames ? `Bots: against ${benchGames} seeded bot tables, reported apart.` : 'No bot benchmark was given.'),
    ),
    role.best && role.worst
      ? h(
          'p',
          null,
          h(
            'button',
            {
              class: 'cd-button',
              id: 'cd-compare-role',
              onclick: () => update({ tab: 'compare', a: role.best!.table, b: role.worst!.table }, 'tab-compare'),
            },
            `Compare ${role.roleName}’s best and worst tables`,
          ),
        )
      : null,
    grid(
      ['Table', 'Played by', 'Claimed', 'Mutual-gain score', 'Within the class', 'Against bots'],
      role.seats.map((s) =>
        h(
          'tr',
          {
            key: s.table,
            class: role.best?.table === s.table ? 'cd-hi' : role.worst?.table === s.table ? 'cd-lo' : undefined,
          },
          h(
            'th',
            { scope: 'row' },
            s.tableLabel,
            role.best?.table === s.table ? h('span', { class: 'cd-tag gold' }, 'best') : null,
            role.worst?.table === s.table ? h('span', { class: 'cd-tag warn' }, 'worst') : null,
          ),
          h('td', { class: s.heldBy === 'person' ? undefined : 'cd-bot' }, heldText(s)),
          h('td', { class: 'cd-num' }, perRound(s.claimed)),
          h('td', { class: 'cd-num' }, perRound(s.mutualGain)),
          h(
            'td',
            null,
            s.inClass
              ? `claimed ${shareWords(s.inClass.claimed).cell} · score ${shareWords(s.inClass.mutualGain).cell}`
              : '—',
          ),
          h(
            'td',
            null,
            s.benchmark
              ? `claimed ${shareWords(s.benchmark.claimed).cell} · score ${shareWords(s.benchmark.mutualGain).cell}`
              : '—',
          ),
        ),
      ),
    ),
  );
}

export function rolesView(m: ClassDebrief, s: PageState, update: Update): VNode {
  const selected = m.roles[Math.min(s.role, m.roles.length - 1)];
  return h(
    'section',
    { id: 'cd-roles', 'aria-labelledby': 'cd-roles-h' },
    h('h2', { id: 'cd-roles-h' }, 'Each role across the tables'),
    h(
      'p',
      { class: 'cd-note' },
      'Mutual-gain score per round played (own surplus + the table’s joint gain share). ',
      h('span', { class: 'cd-key-gold' }, '●'),
      ' best table, ',
      h('span', { class: 'cd-key-warn' }, '●'),
      ' worst, ',
      h('span', { class: 'cd-key-hollow' }, '○'),
      ' a bot held the seat. Choose a role for its details.',
    ),
    m.roles.map((role, i) => {
      const lo = Math.min(0, role.mutualGain.min);
      const hi = Math.max(0, role.mutualGain.max);
      return h(
        'div',
        { class: i === s.role ? 'cd-role on' : 'cd-role', key: `${role.scenarioId}/${role.roleId}` },
        h(
          'button',
          {
            class: 'cd-role-name',
            id: `cd-role-${i}`,
            'aria-pressed': i === s.role ? 'true' : 'false',
            onclick: () => update({ role: i }),
          },
          role.roleName,
          h('span', { class: 'cd-sub' }, ` power ${role.power}${role.veto ? ', veto' : ''}`),
        ),
        strip(role, lo, hi),
        h(
          'div',
          { class: 'cd-role-facts' },
          role.best
            ? h(
                'div',
                null,
                h('span', { class: 'cd-tag gold' }, 'best'),
                ` ${role.best.tableLabel} ${perRound(role.best.mutualGain)}`,
              )
            : null,
          role.worst
            ? h(
                'div',
                null,
                h('span', { class: 'cd-tag warn' }, 'worst'),
                ` ${role.worst.tableLabel} ${perRound(role.worst.mutualGain)}`,
              )
            : null,
          role.best ? h('div', { class: 'cd-sub' }, `spread ${pts(role.mutualGain.range)} a round`) : null,
        ),
      );
    }),
    selected ? detail(selected, update) : null,
  );
}
