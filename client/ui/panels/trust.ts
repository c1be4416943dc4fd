// The coalition game's trust stage (the iterated prisoner's dilemma, DESIGN 2.3): honour or
// defect for each partner in the winning deal, and the history of each pairing. The trust game
// has its own screens (trust-game.ts, guess.ts).
import type { Seat, TrustMove } from '../../../shared/engine/types';
import type { TableView } from '../../../shared/engine/view';
import { act } from '../../app';
import { playerLabel, roleName } from '../../game/format';
import type { AppState } from '../../game/store';
import { errorFor, seatMark } from '../common';
import { h, type VNode } from '../dom';

/** Moves of one pairing over the rounds, as this seat saw them. */
function pairHistory(view: TableView, partner: Seat): { round: number; own: TrustMove; theirs: TrustMove }[] {
  const me = view.viewer;
  const out: { round: number; own: TrustMove; theirs: TrustMove }[] = [];
  for (const r of view.history) {
    for (const p of r.trust) {
      if (p.a === me && p.b === partner) out.push({ round: r.round, own: p.moveA, theirs: p.moveB });
      else if (p.b === me && p.a === partner) out.push({ round: r.round, own: p.moveB, theirs: p.moveA });
    }
  }
  return out;
}

function moveChip(m: TrustMove, who: string): VNode {
  return h(
    'span',
    {
      class: `mv ${m === 'honour' ? 'h' : 'd'}`,
      title: `${who} ${m === 'honour' ? 'honoured' : 'defected'}`,
      'aria-label': `${who} ${m}`,
    },
    m === 'honour' ? '✓' : '✗',
  );
}

function historyLine(view: TableView, partner: Seat): VNode | null {
  const hist = pairHistory(view, partner).slice(-10);
  if (!hist.length) return h('div', { class: 'muted small' }, 'No moves between you yet.');
  return h(
    'div',
    { class: 'small' },
    h(
      'div',
      { class: 'history-moves', 'aria-label': 'their moves, oldest first' },
      h('span', { class: 'muted', style: 'width:44px' }, 'them'),
      hist.map((x) => moveChip(x.theirs, roleName(view, partner))),
    ),
    h(
      'div',
      { class: 'history-moves', 'aria-label': 'your moves, oldest first' },
      h('span', { class: 'muted', style: 'width:44px' }, 'you'),
      hist.map((x) => moveChip(x.own, 'you')),
    ),
  );
}

function payoffNote(view: TableView): VNode {
  const { stake, payoffs } = view.scenario.trust;
  return h(
    'p',
    { class: 'muted small', id: 'payoffs' },
    `Per partner: both honour ${payoffs.R} each · you defect on an honourer ${payoffs.T} for you, ${payoffs.S} for them · both defect ${payoffs.P} each. `,
    `You get ${stake} × the average over your partners. Defecting on a partner who honoured costs reputation; a promised concession is paid only if its giver honoured the seat it promised.`,
  );
}

function lastReveal(view: TableView): VNode | null {
  const last = view.history[view.history.length - 1];
  if (!last || last.trust.length === 0) return null;
  const me = view.viewer;
  const mine = last.trust.filter((p) => p.a === me || p.b === me);
  const honours = last.trust.reduce((a, p) => a + (p.moveA === 'honour' ? 1 : 0) + (p.moveB === 'honour' ? 1 : 0), 0);
  return h(
    'section',
    { class: 'card tight', id: 'trust-reveal' },
    h('h3', null, `Round ${last.round}: the reveal`),
    h('p', { class: 'small' }, `${honours} of ${last.trust.length * 2} moves at the table were honour.`),
    mine.map((p) => {
      const other = p.a === me ? p.b : p.a;
      const own = p.a === me ? p.moveA : p.moveB;
      const theirs = p.a === me ? p.moveB : p.moveA;
      const chosenOwn = p.a === me ? p.chosenA : p.chosenB;
      return h(
        'div',
        { key: other, class: 'row small', style: 'margin:4px 0' },
        seatMark(other),
        h('span', { class: 'grow' }, roleName(view, other)),
        h('span', null, 'you ', moveChip(own, 'you'), '  them ', moveChip(theirs, roleName(view, other))),
        chosenOwn !== own ? h('span', { class: 'warn' }, ' (noise flipped your move)') : null,
      );
    }),
  );
}

/** Honour and defect toward one partner (placeholders outside the stage, so the row keeps its grid), and its refusal. */
export function moveButtons(partner: Seat, inTrust: boolean, chosen: TrustMove | null): VNode[] {
  const button = (move: TrustMove, label: string) =>
    h(
      'button',
      {
        class: move,
        id: `${move}-${partner}`,
        'aria-pressed': String(chosen === move),
        disabled: chosen !== null,
        onclick: () => act('trust', { partner, move }, `trust:${partner}`),
      },
      label,
    );
  return [
    inTrust ? button('honour', '✓ Honour') : h('span'),
    inTrust ? button('defect', '✗ Defect') : h('span'),
    errorFor(`trust:${partner}`),
  ].filter((x): x is VNode => x !== null);
}

export function trustPanel(state: AppState, view: TableView): VNode {
  const me = view.viewer;
  if (me === null) return h('p', { class: 'muted' }, 'You are watching.');
  const inTrust = view.phase === 'trust';
  const partners: Seat[] = inTrust
    ? view.trust.map((t) => t.partner)
    : view.seats.filter((s) => s.seat !== me && pairHistory(view, s.seat).length > 0).map((s) => s.seat);
  return h(
    'div',
    null,
    h('h2', null, inTrust ? 'Trust: honour or defect?' : 'Trust'),
    inTrust
      ? h(
          'p',
          { class: 'small' },
          'Choose for each partner. Moves are revealed together when the stage closes; a partner you skip is honoured.',
        )
      : lastReveal(view),
    inTrust && view.trust.length === 0
      ? h('p', { class: 'muted' }, 'You have no partners this round: you were in no deal.')
      : null,
    partners.map((partner) => {
      const slot = view.trust.find((t) => t.partner === partner);
      const chosen = inTrust ? (slot?.move ?? null) : null;
      const rep = view.seats[partner].reputation;
      const p = playerLabel(state.lobby, partner);
      return h(
        'div',
        { key: partner, class: 'trust-row', id: `trust-${partner}` },
        h(
          'div',
          { class: 'who' },
          h('strong', null, seatMark(partner), roleName(view, partner)),
          h('span', { class: 'muted small' }, ` · reputation ${rep}${p.bot ? ' · bot' : ''}`),
          historyLine(view, partner),
        ),
        moveButtons(partner, inTrust, chosen),
      );
    }),
    inTrust && view.trust.length > 0 && view.trust.every((t) => t.move !== null) && !view.seats[me].ready
      ? h('p', { class: 'ok', style: 'margin-top:10px' }, 'All moves chosen. Press Ready to reveal.')
      : null,
    inTrust ? lastReveal(view) : null,
    payoffNote(view),
  );
}
