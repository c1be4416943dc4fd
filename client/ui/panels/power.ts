// The power map (DESIGN 1): each seat's weight beside its real bargaining power — the
// Shapley–Shubik and Banzhaf indices — and the minimal winning coalitions, highlighted on the
// table on hover or keyboard focus [map the power architecture first; weight is not power].
import type { TableView } from '../../../shared/engine/view';
import { distinctNames, pct, scenarioPowerMap, totalPower } from '../../game/derive';
import { seatColour } from '../../game/palette';
import { store, type AppState } from '../../game/store';
import { seatMark } from '../common';
import { h, type VNode } from '../dom';

function bar(value: number, colour: string, label: string): VNode {
  return h(
    'div',
    { class: 'bar', role: 'img', 'aria-label': label },
    h('span', { style: `width:${Math.max(1, value * 100).toFixed(1)}%;background:${colour}` }),
  );
}

export function powerPanel(state: AppState, view: TableView): VNode {
  const s = view.scenario;
  const map = scenarioPowerMap(s);
  const total = totalPower(s);
  const hl = state.highlight;
  const short = distinctNames(view.seats.map((x) => x.name));
  const veto = s.roles.filter((r) => r.veto).map((r) => r.name);
  const setHl = (members: number[] | null) => store.set({ highlight: members });
  return h(
    'div',
    { id: 'power-map' },
    h('h2', null, 'Power map'),
    h(
      'p',
      { class: 'small' },
      `A deal wins with ${s.quota} of ${total} votes`,
      veto.length ? ` and must include ${veto.join(' and ')} (veto)` : '',
      '. Weight is not power: the indices count how often a seat turns a losing coalition into a winning one.',
    ),
    h(
      'table',
      { class: 'grid' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Seat'),
          h('th', null, 'Weight'),
          h('th', null, 'Shapley–Shubik'),
          h('th', null, 'Banzhaf'),
        ),
      ),
      h(
        'tbody',
        null,
        view.seats.map((seat) => {
          const w = seat.power / total;
          const ss = map.shapleyShubik[seat.seat];
          const bz = map.banzhaf[seat.seat];
          return h(
            'tr',
            { key: seat.seat, class: hl?.includes(seat.seat) ? 'hl' : '' },
            h(
              'td',
              null,
              seatMark(seat.seat),
              h('span', { title: seat.name }, short[seat.seat]),
              seat.seat === view.viewer ? h('strong', null, ' (you)') : null,
            ),
            h(
              'td',
              null,
              h('span', { class: 'small' }, `${seat.power} · ${pct(w)}`),
              bar(w, '#8a9aa6', `weight ${pct(w)}`),
            ),
            h(
              'td',
              null,
              h('span', { class: 'small' }, pct(ss)),
              bar(ss, seatColour(seat.seat), `Shapley–Shubik ${pct(ss)}`),
            ),
            h('td', null, h('span', { class: 'small' }, pct(bz)), bar(bz, seatColour(seat.seat), `Banzhaf ${pct(bz)}`)),
          );
        }),
      ),
    ),
    h(
      'h3',
      { style: 'margin-top:14px' },
      `Minimal winning coalitions (${map.minimalWinning.length}${map.minimalWinningTruncated ? '+' : ''})`,
    ),
    h(
      'p',
      { class: 'muted small' },
      'Each wins, and loses if any member leaves. Point at one, or tab to it, to see it on the table.',
    ),
    h(
      'ul',
      { class: 'mwc', id: 'mwc-list', onmouseleave: () => setHl(null) },
      map.minimalWinning.slice(0, 40).map((c, i) => {
        const power = c.reduce((a, x) => a + s.roles[x].power, 0);
        const mine = view.viewer !== null && c.includes(view.viewer);
        return h(
          'li',
          { key: i },
          h(
            'button',
            {
              class: mine ? '' : 'ghost',
              'aria-pressed':
                hl !== null && hl.length === c.length && c.every((x) => hl.includes(x)) ? 'true' : 'false',
              onmouseenter: () => setHl(c),
              onfocus: () => setHl(c),
              onblur: () => setHl(null),
              onclick: () => setHl(c),
            },
            c.map((x) => [seatMark(x, 14), short[x] + ' ']),
            h('span', { class: 'muted' }, `· ${power}`),
          ),
        );
      }),
    ),
  );
}
