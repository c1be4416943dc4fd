// Before round 1: the briefing, your values and walk-away, the power map, an optional
// declaration; the host starts the game.
import type { TableView } from '../../../shared/engine/view';
import { act, isHost } from '../../app';
import { pct, pts, scenarioPowerMap, totalPower } from '../../game/derive';
import type { AppState } from '../../game/store';
import { errorFor } from '../common';
import { h, type VNode } from '../dom';
import { powerPanel } from './power';
import { declareForm, valuesTable } from './you';

export function preparePanel(state: AppState, view: TableView): VNode {
  const me = view.me;
  if (!me) return powerPanel(state, view);
  const role = me.role;
  const map = scenarioPowerMap(view.scenario);
  const total = totalPower(view.scenario);
  const humansWaiting = (state.lobby?.seats ?? []).filter((s) => s.kind === 'human' && s.playedBy === 'nobody').length;
  const code = state.lobby?.code ?? state.welcome?.code ?? '';
  const link = `${location.origin}${location.pathname}?code=${code}`;
  return h(
    'div',
    { id: 'prepare' },
    h('h2', null, `You are ${role.name}`),
    h(
      'div',
      { class: 'facts' },
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'label' }, 'Power'),
        h('span', { class: 'value' }, `${role.power}`),
        h('span', { class: 'sub' }, `${pct(role.power / total)} of the votes${role.veto ? ' · veto' : ''}`),
      ),
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'label' }, 'Power index'),
        h('span', { class: 'value' }, pct(map.shapleyShubik[me.seat])),
        h('span', { class: 'sub' }, 'Shapley–Shubik'),
      ),
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'label' }, 'Walk-away'),
        h('span', { class: 'value', id: 'my-walkaway' }, pts(me.walkAway)),
        h('span', { class: 'sub' }, 'points a round if left out'),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', null, 'Briefing'),
      h('div', { class: 'briefing', id: 'briefing' }, role.briefing),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', null, 'What each option is worth to you'),
      h(
        'p',
        { class: 'muted small' },
        `The winning deal also splits ${view.scenario.prize} points a round among its members. Other seats value these options differently: ask them what matters most.`,
      ),
      valuesTable(view, null),
    ),
    h('section', { class: 'card' }, powerPanel(state, view)),
    declareForm(view),
    isHost()
      ? h(
          'section',
          { class: 'card' },
          h('h3', null, 'Ready?'),
          humansWaiting > 0
            ? h(
                'div',
                { id: 'invite' },
                h(
                  'p',
                  { class: 'small' },
                  `${humansWaiting} seat${humansWaiting > 1 ? 's' : ''} for people still open. Seats nobody takes get a bot when you start.`,
                ),
                h(
                  'p',
                  null,
                  'Table code ',
                  h('strong', { class: 'pill gold', style: 'font-size:1rem' }, code),
                  ' — or send this link:',
                ),
                h('p', { class: 'share-link small' }, h('a', { href: link, id: 'invite-link' }, link)),
              )
            : h(
                'p',
                { class: 'small muted' },
                'The number of rounds stays hidden: nobody knows which round is the last.',
              ),
          h(
            'button',
            { class: 'primary big', id: 'start-bottom', onclick: () => act('start', {}, 'start') },
            'Start round 1',
          ),
          errorFor('start'),
        )
      : h('p', { class: 'muted' }, 'The host starts the game when everyone is ready.'),
  );
}
