// The trust game's own screens (DESIGN 5): how it works before round 1, the moves toward every
// seat each round with the history of each pairing, and the last reveal. Nothing here speaks of
// power, deals or walk-aways: the trust game is the iterated prisoner's dilemma alone.
import type { Seat, TrustMove } from '../../../shared/engine/types';
import type { TableView } from '../../../shared/engine/view';
import { noiseText } from '../../../shared/trust-game/words';
import { act } from '../../app';
import { pts } from '../../game/derive';
import { playerLabel, roleName } from '../../game/format';
import type { AppState } from '../../game/store';
import { seatMark } from '../common';
import { h, type VNode } from '../dom';
import { moveButtons } from './trust';

/** One move of a pairing as a seat saw it: as played, and as chosen when the seat knows that. */
export interface SeenMove {
  round: number;
  played: TrustMove;
  chosen: TrustMove;
}

/** The moves `seat` played toward `partner`, oldest first (chosen moves as far as the viewer may see them). */
export function movesOf(view: TableView, seat: Seat, partner: Seat): SeenMove[] {
  const out: SeenMove[] = [];
  for (const r of view.history) {
    for (const p of r.trust) {
      if (p.a === seat && p.b === partner) out.push({ round: r.round, played: p.moveA, chosen: p.chosenA });
      else if (p.b === seat && p.a === partner) out.push({ round: r.round, played: p.moveB, chosen: p.chosenB });
    }
  }
  return out;
}

/** A move chip; a move noise flipped gets a dashed ring and says so. */
export function chip(m: SeenMove, who: string): VNode {
  const flipped = m.played !== m.chosen;
  const said = `round ${m.round}: ${who} ${m.played === 'honour' ? 'honoured' : 'defected'}${flipped ? ` (chose to ${m.chosen}; noise flipped it)` : ''}`;
  return h(
    'span',
    {
      class: `mv ${m.played === 'honour' ? 'h' : 'd'}${flipped ? ' flip' : ''}`,
      title: said,
      'aria-label': said,
      role: 'img',
    },
    m.played === 'honour' ? '✓' : '✗',
  );
}

/** Two rows of chips: what `a` played toward `b`, and back; `limit` latest rounds. */
export function pairRows(view: TableView, a: Seat, b: Seat, labels: [string, string], limit = 12): VNode {
  const ab = movesOf(view, a, b).slice(-limit);
  const ba = movesOf(view, b, a).slice(-limit);
  if (ab.length === 0) return h('div', { class: 'muted small' }, 'No moves yet.');
  return h(
    'div',
    { class: 'pair-rows small' },
    h(
      'div',
      { class: 'history-moves', 'aria-label': `${labels[0]}, oldest first` },
      h('span', { class: 'who-label muted' }, labels[0]),
      ab.map((m) => chip(m, labels[0])),
    ),
    h(
      'div',
      { class: 'history-moves', 'aria-label': `${labels[1]}, oldest first` },
      h('span', { class: 'who-label muted' }, labels[1]),
      ba.map((m) => chip(m, labels[1])),
    ),
  );
}

function payoffTable(view: TableView): VNode {
  const { payoffs } = view.scenario.trust;
  return h(
    'table',
    { class: 'grid payoffs', id: 'payoff-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'you ↓ · they →'),
        h('th', { class: 'num' }, '✓ they honour'),
        h('th', { class: 'num' }, '✗ they defect'),
      ),
    ),
    h(
      'tbody',
      null,
      h(
        'tr',
        null,
        h('td', null, '✓ you honour'),
        h('td', { class: 'num' }, `${payoffs.R} each`),
        h('td', { class: 'num' }, `you ${payoffs.S}, they ${payoffs.T}`),
      ),
      h(
        'tr',
        null,
        h('td', null, '✗ you defect'),
        h('td', { class: 'num' }, `you ${payoffs.T}, they ${payoffs.S}`),
        h('td', { class: 'num' }, `${payoffs.P} each`),
      ),
    ),
  );
}

function noiseNote(state: AppState): string {
  const noise = state.practice?.noise ?? 0;
  return noise > 0
    ? `This table has ${noiseText(noise)}: after a move is chosen it is flipped now and then, and everyone sees the flipped move. A dashed ring marks where your own moves were flipped; the others’ flips are shown at the reveal.`
    : 'No noise: every move arrives as chosen.';
}

export function trustGameIntro(state: AppState, view: TableView): VNode {
  const bots = view.seats.length - 1;
  return h(
    'div',
    { id: 'trust-intro' },
    h('h2', null, 'The trust game'),
    h(
      'p',
      null,
      `Each round you play all ${bots} other seats at once: honour or defect toward each. Moves are chosen at the same time and revealed together. Nobody knows which round is the last.`,
    ),
    payoffTable(view),
    h(
      'p',
      { class: 'small' },
      `Your points for a round are your average over the ${bots} seats you play, so 3 a round means everyone honoured you and you honoured them.`,
    ),
    h(
      'p',
      { class: 'small' },
      'Each bot plays one strategy all game, drawn at random from the 13 of Axelrod’s tournaments. Watch how each answers you and the others, name them in the Guess tab, and lock your guesses in: the game ends only once they are locked.',
    ),
    h('p', { class: 'small muted', id: 'noise-note' }, noiseNote(state)),
    h('p', null, 'Press Start round 1 when you are ready.'),
  );
}

/** The last round's moves toward this seat, with its own flips. */
function lastReveal(view: TableView): VNode | null {
  const last = view.history[view.history.length - 1];
  const me = view.viewer;
  if (!last || me === null) return null;
  const mine = last.trust.filter((p) => p.a === me || p.b === me);
  const honoured = mine.filter((p) => (p.a === me ? p.moveB : p.moveA) === 'honour').length;
  return h(
    'section',
    { class: 'card tight', id: 'trust-reveal' },
    h('h3', null, `Round ${last.round}: ${honoured} of ${mine.length} seats honoured you`),
    mine.map((p) => {
      const other = p.a === me ? p.b : p.a;
      const own: SeenMove =
        p.a === me
          ? { round: last.round, played: p.moveA, chosen: p.chosenA }
          : { round: last.round, played: p.moveB, chosen: p.chosenB };
      const theirs: SeenMove =
        p.a === me
          ? { round: last.round, played: p.moveB, chosen: p.moveB }
          : { round: last.round, played: p.moveA, chosen: p.moveA };
      return h(
        'div',
        { key: other, class: 'row small reveal-line' },
        seatMark(other),
        h('span', { class: 'grow' }, roleName(view, other)),
        h('span', null, 'you ', chip(own, 'you'), ' they ', chip(theirs, roleName(view, other))),
        own.played !== own.chosen ? h('span', { class: 'warn' }, ' noise flipped your move') : null,
      );
    }),
  );
}

export function trustGamePanel(state: AppState, view: TableView): VNode {
  const me = view.viewer;
  if (me === null) return h('p', { class: 'muted' }, 'You are watching.');
  if (view.phase === 'prepare') return trustGameIntro(state, view);
  const inTrust = view.phase === 'trust';
  const partners = view.seats.filter((s) => s.seat !== me).map((s) => s.seat);
  const open = view.trust.filter((t) => t.move === null);
  const last = view.history[view.history.length - 1];
  const lastGain =
    last && last.myPoints !== null ? last.myPoints - (view.history[view.history.length - 2]?.myPoints ?? 0) : null;
  return h(
    'div',
    null,
    dueCard(state, 'trust'),
    h(
      'div',
      { class: 'facts', id: 'my-facts' },
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'label' }, 'Your points'),
        h('span', { class: 'value', id: 'my-points' }, pts(view.me?.points ?? 0)),
        h('span', { class: 'sub' }, 'private until the end'),
      ),
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'label' }, 'Last round'),
        h('span', { class: 'value' }, lastGain === null ? '–' : pts(lastGain)),
        h('span', { class: 'sub' }, 'your average over the seats'),
      ),
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'label' }, 'Rounds played'),
        h('span', { class: 'value' }, String(view.history.length)),
        h('span', { class: 'sub' }, 'the last one is unknown'),
      ),
    ),
    h('h2', null, inTrust ? `Round ${view.round}: honour or defect?` : `Round ${view.round}`),
    inTrust && open.length > 0 && partners.length > 1
      ? h(
          'div',
          { class: 'all-moves' },
          h('span', { class: 'small muted' }, 'Choose for each seat, or for every open one:'),
          h(
            'button',
            {
              class: 'ghost',
              id: 'honour-all',
              onclick: () =>
                open.forEach((t) => act('trust', { partner: t.partner, move: 'honour' }, `trust:${t.partner}`)),
            },
            '✓ Honour all',
          ),
          h(
            'button',
            {
              class: 'ghost',
              id: 'defect-all',
              onclick: () =>
                open.forEach((t) => act('trust', { partner: t.partner, move: 'defect' }, `trust:${t.partner}`)),
            },
            '✗ Defect all',
          ),
        )
      : null,
    inTrust ? null : lastReveal(view),
    partners.map((partner) => {
      const slot = view.trust.find((t) => t.partner === partner);
      const chosen = inTrust ? (slot?.move ?? null) : null;
      const p = playerLabel(state.lobby, partner);
      return h(
        'div',
        { key: partner, class: 'trust-row', id: `trust-${partner}` },
        h(
          'div',
          { class: 'who' },
          h('strong', null, seatMark(partner), roleName(view, partner)),
          h('span', { class: 'muted small' }, p.bot ? ' · bot' : p.text ? ` · ${p.text}` : ''),
          pairRows(view, partner, me, ['they', 'you']),
        ),
        moveButtons(partner, inTrust, chosen),
      );
    }),
    inTrust && open.length === 0 && !view.seats[me].ready
      ? h('p', { class: 'ok', style: 'margin-top:10px' }, 'All moves chosen. Press Ready to reveal.')
      : null,
    h(
      'p',
      { class: 'muted small', style: 'margin-top:10px' },
      `✓ honour · ✗ defect, oldest first. ${noiseNote(state)}`,
    ),
    h('details', { class: 'small' }, h('summary', null, 'Payoffs'), payoffTable(view)),
  );
}

/** The last round has been played: the game ends when the guesses are locked in. */
export function dueCard(state: AppState, tab: 'trust' | 'guess'): VNode | null {
  if (!state.practice?.due) return null;
  return h(
    'div',
    { class: 'card coach', id: 'guesses-due', role: 'status' },
    h('h3', null, 'That was the last round'),
    h(
      'p',
      null,
      `Lock in your guesses ${tab === 'guess' ? 'below' : 'in the Guess tab'} to end the game and see which strategies the bots played.`,
    ),
  );
}
