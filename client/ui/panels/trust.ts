// The trust stage (the iterated prisoner's dilemma, DESIGN 2.3): honour or defect for each
// partner, the history of each pairing, and — in the trust game — the practice of naming the
// strategy each bot plays.
import { STRATEGY_NAMES, STRATEGY_SUMMARIES } from '../../../shared/bots/strategies';
import type { Seat, TrustMove } from '../../../shared/engine/types';
import type { TableView } from '../../../shared/engine/view';
import { act } from '../../app';
import { playerLabel, roleName } from '../../game/format';
import { store, type AppState } from '../../game/store';
import { errorFor, inputValue, seatMark } from '../common';
import { h, type VNode } from '../dom';

/** Moves of one pairing over the rounds, as this seat saw them. */
export function pairHistory(view: TableView, partner: Seat): { round: number; own: TrustMove; theirs: TrustMove }[] {
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

export function moveChip(m: TrustMove, who: string): VNode {
  return h('span', { class: `mv ${m === 'honour' ? 'h' : 'd'}`, title: `${who} ${m === 'honour' ? 'honoured' : 'defected'}`, 'aria-label': `${who} ${m}` }, m === 'honour' ? '✓' : '✗');
}

function historyLine(view: TableView, partner: Seat): VNode | null {
  const hist = pairHistory(view, partner).slice(-10);
  if (!hist.length) return h('div', { class: 'muted small' }, 'No moves between you yet.');
  return h(
    'div',
    { class: 'small' },
    h('div', { class: 'history-moves', 'aria-label': 'their moves, oldest first' }, h('span', { class: 'muted', style: 'width:44px' }, 'them'), hist.map((x) => moveChip(x.theirs, roleName(view, partner)))),
    h('div', { class: 'history-moves', 'aria-label': 'your moves, oldest first' }, h('span', { class: 'muted', style: 'width:44px' }, 'you'), hist.map((x) => moveChip(x.own, 'you'))),
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

function trustIntro(view: TableView): VNode {
  const { payoffs, stake } = view.scenario.trust;
  return h(
    'div',
    { id: 'trust-intro' },
    h('h2', null, 'The trust game'),
    h(
      'p',
      null,
      `Each round you play every other seat at once: honour (deliver) or defect. Moves are chosen at the same time and revealed together. Nobody knows how many rounds there will be.`,
    ),
    h(
      'table',
      { class: 'grid', style: 'max-width:420px;margin:8px 0 12px' },
      h('thead', null, h('tr', null, h('th', null, 'you ↓ · them →'), h('th', { class: 'num' }, '✓ they honour'), h('th', { class: 'num' }, '✗ they defect'))),
      h(
        'tbody',
        null,
        h('tr', null, h('td', null, '✓ you honour'), h('td', { class: 'num' }, `${payoffs.R} each`), h('td', { class: 'num' }, `you ${payoffs.S}, them ${payoffs.T}`)),
        h('tr', null, h('td', null, '✗ you defect'), h('td', { class: 'num' }, `you ${payoffs.T}, them ${payoffs.S}`), h('td', { class: 'num' }, `${payoffs.P} each`)),
      ),
    ),
    h('p', { class: 'small muted' }, `Points: ${stake} × your average over the seats you play. Each bot keeps one strategy all game; name it in the Guess tab as you learn how it answers you.`),
    h('p', null, 'Press Start when you are ready.'),
  );
}

export function trustPanel(state: AppState, view: TableView): VNode {
  const me = view.viewer;
  if (me === null) return h('p', { class: 'muted' }, 'You are watching.');
  if (view.phase === 'prepare') return trustIntro(view);
  const inTrust = view.phase === 'trust';
  const partners: Seat[] = inTrust ? view.trust.map((t) => t.partner) : view.seats.filter((s) => s.seat !== me && pairHistory(view, s.seat).length > 0).map((s) => s.seat);
  return h(
    'div',
    null,
    h('h2', null, inTrust ? 'Trust: honour or defect?' : 'Trust'),
    inTrust ? h('p', { class: 'small' }, 'Choose for each partner. Moves are revealed together when the stage closes; a partner you skip is honoured.') : lastReveal(view),
    inTrust && view.trust.length === 0 ? h('p', { class: 'muted' }, 'You have no partners this round: you were in no deal.') : null,
    partners.map((partner) => {
      const slot = view.trust.find((t) => t.partner === partner);
      const chosen = inTrust ? (slot?.move ?? null) : null;
      const rep = view.seats[partner].reputation;
      const p = playerLabel(state.lobby, partner);
      return h(
        'div',
        { key: partner, class: 'trust-row', id: `trust-${partner}` },
        h('div', { class: 'who' }, h('strong', null, seatMark(partner), roleName(view, partner)), h('span', { class: 'muted small' }, ` · reputation ${rep}${p.bot ? ' · bot' : ''}`), historyLine(view, partner)),
        inTrust
          ? h('button', { class: 'honour', id: `honour-${partner}`, 'aria-pressed': chosen === 'honour', disabled: chosen !== null, onclick: () => act('trust', { partner, move: 'honour' }, `trust:${partner}`) }, '✓ Honour')
          : h('span'),
        inTrust
          ? h('button', { class: 'defect', id: `defect-${partner}`, 'aria-pressed': chosen === 'defect', disabled: chosen !== null, onclick: () => act('trust', { partner, move: 'defect' }, `trust:${partner}`) }, '✗ Defect')
          : h('span'),
        errorFor(`trust:${partner}`),
      );
    }),
    inTrust && view.trust.length > 0 && view.trust.every((t) => t.move !== null) && !view.seats[me].ready
      ? h('p', { class: 'ok', style: 'margin-top:10px' }, 'All moves chosen. Press Ready to reveal.')
      : null,
    inTrust ? lastReveal(view) : null,
    payoffNote(view),
  );
}

export function guessPanel(state: AppState, view: TableView): VNode {
  const me = view.viewer;
  const bots = view.seats.filter((s) => s.seat !== me);
  return h(
    'div',
    { id: 'guess' },
    h('h2', null, 'Name their strategy'),
    h('p', { class: 'small' }, 'Each bot plays one strategy from Axelrod’s tournaments all game. Watch how it answers your moves and name it; the debrief shows whether you were right.'),
    bots.map((s) =>
      h(
        'div',
        { key: s.seat, class: 'field card tight' },
        h('label', { for: `guess-${s.seat}` }, seatMark(s.seat), s.name),
        historyLine(view, s.seat),
        h(
          'select',
          {
            id: `guess-${s.seat}`,
            style: 'margin-top:6px',
            value: state.guesses[s.seat] ?? '',
            onchange: (e: Event) => store.set({ guesses: { ...store.state.guesses, [s.seat]: inputValue(e) } }),
          },
          h('option', { value: '' }, 'Not sure yet'),
          STRATEGY_NAMES.map((n) => h('option', { value: n }, `${n} — ${STRATEGY_SUMMARIES[n]}`)),
        ),
      ),
    ),
    errorFor('guess'),
  );
}
