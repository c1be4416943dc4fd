// Name-the-strategy practice (DESIGN 5): the player names the strategy of every bot from what
// it can see — each bot's moves toward it and toward the other seats — and locks the guesses in.
// A solo game ends only once they are locked, so the reveal always has guesses to grade.
import { STRATEGY_NAMES, STRATEGY_SUMMARIES, isStrategyName } from '../../../shared/bots/strategies';
import type { Seat } from '../../../shared/engine/types';
import type { TableView } from '../../../shared/engine/view';
import { STRATEGY_TITLES } from '../../../shared/trust-game/words';
import { act } from '../../app';
import { roleName } from '../../game/format';
import { store, type AppState } from '../../game/store';
import { errorFor, inputValue, seatMark } from '../common';
import { h, type VNode } from '../dom';
import { dueCard, pairRows } from './trust-game';

function botCard(state: AppState, view: TableView, bot: Seat, locked: boolean): VNode {
  const me = view.viewer!;
  const others = view.seats.map((s) => s.seat).filter((s) => s !== me && s !== bot);
  const lockedGuess = state.practice?.locked?.guesses.find((g) => g.seat === bot)?.strategy;
  const value = locked ? (lockedGuess ?? '') : (state.guesses[bot] ?? '');
  return h(
    'div',
    { key: bot, class: 'card tight guess-card', id: `guess-card-${bot}` },
    h('label', { for: `guess-${bot}`, class: 'guess-name' }, seatMark(bot), roleName(view, bot)),
    pairRows(view, bot, me, ['it', 'you']),
    others.length > 0
      ? h(
          'details',
          { class: 'small others' },
          h('summary', null, `Its moves toward the ${others.length} other seat${others.length === 1 ? '' : 's'}`),
          others.map((o) =>
            h(
              'div',
              { key: o, class: 'other-pair' },
              h('div', { class: 'muted' }, `${roleName(view, bot)} and ${roleName(view, o)}`),
              pairRows(view, bot, o, ['it', roleName(view, o).slice(0, 6)]),
            ),
          ),
        )
      : null,
    h(
      'select',
      {
        id: `guess-${bot}`,
        value,
        disabled: locked,
        onchange: (e: Event) => store.set({ guesses: { ...store.state.guesses, [bot]: inputValue(e) } }),
      },
      h('option', { value: '' }, 'Not sure yet'),
      STRATEGY_NAMES.map((n) => h('option', { value: n, selected: n === value }, STRATEGY_TITLES[n])),
    ),
    isStrategyName(value)
      ? h(
          'p',
          { class: 'small muted', style: 'margin:4px 0 0' },
          `${STRATEGY_TITLES[value]}: ${STRATEGY_SUMMARIES[value]}.`,
        )
      : null,
  );
}

export function guessPanel(state: AppState, view: TableView): VNode {
  const bots = state.practice?.bots ?? [];
  const locked = state.practice?.locked ?? null;
  const named = bots.filter((b) => isStrategyName(state.guesses[b])).length;
  if (bots.length === 0)
    return h('div', { id: 'guess' }, h('p', { class: 'muted' }, 'There is no bot to name at this table.'));
  return h(
    'div',
    { id: 'guess' },
    dueCard(state, 'guess'),
    h('h2', null, 'Name their strategies'),
    h(
      'p',
      { class: 'small' },
      'Each bot plays one of the 13 strategies of Axelrod’s tournaments all game. Read how it answers you and the other seats, name it, and lock your guesses in. Your guesses are graded against what you could see: when two strategies would have played exactly alike here, either counts.',
    ),
    locked
      ? h(
          'p',
          { class: 'ok', id: 'guesses-locked' },
          `Locked in after round ${locked.round}. The reveal opens when the game ends.`,
        )
      : null,
    view.phase === 'prepare' ? h('p', { class: 'muted small' }, 'Guesses open with round 1.') : null,
    bots.map((b) => botCard(state, view, b, locked !== null)),
    locked
      ? null
      : h(
          'button',
          {
            id: 'lock-guesses',
            class: state.practice?.due ? 'primary big' : 'primary',
            disabled: named < bots.length || view.phase === 'prepare',
            onclick: () => act('guesses', { guesses: bots.map((seat) => ({ seat, strategy: state.guesses[seat] })) }),
          },
          named < bots.length ? `Lock in my guesses (${named} of ${bots.length} named)` : 'Lock in my guesses',
        ),
    errorFor('guesses'),
    h(
      'details',
      { class: 'small', style: 'margin-top:12px' },
      h('summary', null, 'The 13 strategies'),
      h(
        'dl',
        { class: 'strategies' },
        STRATEGY_NAMES.map((n) => [
          h('dt', { key: `t-${n}` }, STRATEGY_TITLES[n]),
          h('dd', { key: `d-${n}` }, STRATEGY_SUMMARIES[n]),
        ]),
      ),
    ),
  );
}
