// Every seat in words: role, who plays it, power, reputation, declaration, connection, ready.
// The same facts as the canvas, for keyboards and screen readers.
import type { TableView } from '../../../shared/engine/view';
import { scenarioPowerMap, totalPower, pct } from '../../game/derive';
import { playerLabel } from '../../game/format';
import type { AppState } from '../../game/store';
import { seatMark } from '../common';
import { h, type VNode } from '../dom';

export function seatsPanel(state: AppState, view: TableView): VNode {
  // The trust game's seats are equals with no reputation to read: who plays them is the story.
  const coalition = view.mode === 'coalition';
  const map = scenarioPowerMap(view.scenario);
  const total = totalPower(view.scenario);
  return h(
    'div',
    null,
    h('h2', null, 'Seats at the table'),
    h(
      'table',
      { class: 'grid', id: 'seats-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Seat'),
          h('th', null, 'Played by'),
          coalition ? h('th', { class: 'num' }, 'Power') : null,
          coalition ? h('th', { class: 'num' }, 'Reputation') : null,
          h('th', null, 'Status'),
        ),
      ),
      h(
        'tbody',
        null,
        view.seats.map((s) => {
          const p = playerLabel(state.lobby, s.seat);
          const ls = state.lobby?.seats?.[s.seat];
          const status = [
            ls?.connected || p.bot ? 'here' : 'away',
            s.ready ? 'ready' : null,
            s.declared !== null ? `min ${s.declared}%` : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return h(
            'tr',
            { key: s.seat, class: s.seat === view.viewer ? 'hl' : '' },
            h(
              'td',
              null,
              seatMark(s.seat),
              s.name,
              s.seat === view.viewer ? h('strong', null, ' (you)') : null,
              s.veto ? h('span', { class: 'pill gold', title: 'every winning deal needs this seat' }, ' veto') : null,
            ),
            h('td', null, p.bot ? '🤖 ' : p.human ? '👤 ' : '', p.text),
            coalition
              ? h(
                  'td',
                  { class: 'num' },
                  `${s.power} (${pct(s.power / total)})`,
                  h('br'),
                  h('span', { class: 'muted small' }, `index ${pct(map.shapleyShubik[s.seat])}`),
                )
              : null,
            coalition ? h('td', { class: 'num' }, String(s.reputation)) : null,
            h('td', { class: 'small' }, status),
          );
        }),
      ),
    ),
  );
}
