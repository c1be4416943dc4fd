// The debrief's headline (DESIGN 4): where the player stands among the same role's seats of the
// scenario's benchmark — value claimed, value created, mutual-gain score, per round played — and
// every seat's numbers in seat order, each placed in its own role. Seats of one table are never
// ranked against each other: that would compare a strong seat with a weak one.
import type { TableView } from '../../shared/engine/view';
import { coachNote } from '../../shared/record/coach';
import {
  benchmarkNote,
  placementHeadline,
  rolePlayers,
  shareWords,
  tableHeadline,
  type Measure,
  type TablePlacements,
} from '../../shared/record/placements';
import type { DebriefData } from '../../shared/record/timeline';
import { pct, pts, signed } from '../game/derive';
import { playerLabel } from '../game/format';
import type { AppState } from '../game/store';
import { ART } from '../scenes/art';
import { debriefState } from './debrief-data';
import { seatMark } from './common';
import { h, type VNode } from './dom';

function tile(label: string, share: string, sub: string, id: string): VNode {
  return h(
    'div',
    { class: 'fact', id },
    h('span', { class: 'label' }, label),
    h('span', { class: 'value' }, share),
    h('span', { class: 'sub' }, sub),
  );
}

/** "more than 60 %" for a tile (its "of …" is in the line under it). */
const tileShare = (m: Measure) => shareWords(m.percentile).tile;

/** The headline: the player's three placements, or the table's for someone who watched. */
export function standing(view: TableView): VNode | null {
  const answer = debriefState.placements;
  if (!answer || answer.status === 'none') return null;
  const me = view.viewer;
  const role = me !== null ? view.scenario.roles[me].name : null;
  if (answer.status === 'pending') {
    const { done, total } = answer;
    const whom = role ? `you among ${rolePlayers(role)}` : 'this table';
    return h(
      'section',
      { class: 'card standing', id: 'standing', 'aria-live': 'polite' },
      h('h2', null, `Placing ${whom}…`),
      h(
        'p',
        { class: 'small muted' },
        `This scenario’s benchmark is being played for the first time: ${done} of ${total} seeded bot tables so far.`,
      ),
      h('progress', { id: 'benchmark-progress', max: total, value: done }, `${done} of ${total}`),
    );
  }
  const p = answer.placements;
  const note = h(
    'p',
    { class: 'small muted', id: 'benchmark-note' },
    `Every score per round played, ${benchmarkNote(p.games)}: the five bot personas at normal difficulty, rotated through the seats. `,
    'A seat is compared only with the same role, never with a stronger or weaker seat at this table.',
  );
  const created = tile(
    'Value created',
    tileShare(p.created),
    `of tables · efficiency ${pct(p.created.value)} (median ${pct(p.created.median)})`,
    'place-created',
  );
  if (me === null)
    return h(
      'section',
      { class: 'card standing', id: 'standing' },
      h('h2', { id: 'standing-headline' }, tableHeadline(p)),
      h('div', { class: 'kpis' }, created),
      note,
    );
  const s = p.seats[me];
  const players = rolePlayers(s.roleName);
  return h(
    'section',
    { class: 'card standing', id: 'standing' },
    h('h2', { id: 'standing-headline' }, placementHeadline(p, me)),
    h(
      'div',
      { class: 'kpis' },
      tile(
        'Value claimed',
        tileShare(s.claimed),
        `of ${players} · ${signed(s.claimed.value)} a round (median ${signed(s.claimed.median)})`,
        'place-claimed',
      ),
      created,
      tile(
        'Mutual-gain score',
        tileShare(s.mutualGain),
        `of ${players} · ${pts(s.mutualGain.value)} a round (median ${pts(s.mutualGain.median)})`,
        'place-mutual',
      ),
    ),
    s.heldBy === 'both'
      ? h(
          'p',
          { class: 'small', id: 'held-note' },
          'A bot played your seat for part of this game, so these placements are partly the bot’s.',
        )
      : null,
    note,
  );
}

let coached: { key: string; text: string | null } | null = null;

/** Solo: the coach's one sentence on the placement, read together with the table's value created. */
export function coachStanding(state: AppState, view: TableView): VNode | null {
  const me = view.viewer;
  const answer = debriefState.placements;
  const log = debriefState.log;
  if (me === null || !log || answer?.status !== 'ready' || view.mode !== 'coalition') return null;
  const alone = log.seats.every((s) => s.seat === me || s.kind === 'bot' || s.standIn);
  if (!(state.solo || alone) || !state.coachOn) return null;
  const key = `${log.code}:${me}`;
  if (coached?.key !== key) coached = { key, ...finalNote(log, me, answer.placements) };
  if (!coached.text) return null;
  return h(
    'section',
    { class: 'card coach', id: 'coach-standing', 'aria-label': 'Coach' },
    h('h3', null, h('img', { src: ART.coach, alt: '' }), 'Coach — the whole game'),
    h('p', null, coached.text),
  );
}

function finalNote(
  log: NonNullable<typeof debriefState.log>,
  me: number,
  placements: TablePlacements,
): { text: string | null } {
  const lastRound = Math.max(0, ...log.log.map((e) => e.round));
  try {
    return {
      text:
        coachNote({ scenario: log.scenario, config: log.config, log: log.log }, me, lastRound, placements).standing ??
        null,
    };
  } catch {
    return { text: null };
  }
}

/** Every seat's numbers, in seat order, each placed among its own role's benchmark seats. */
export function seatsTable(state: AppState, view: TableView, d: DebriefData | null): VNode {
  const score = view.debrief!.score;
  const me = view.viewer;
  const answer = debriefState.placements;
  const placed = answer?.status === 'ready' ? answer.placements : null;
  // "> 60 %": more than 60 % of the same role's benchmark seats (the paragraph above says so).
  const role = (m: Measure | undefined) =>
    m
      ? h(
          'span',
          { title: `${shareWords(m.percentile).clause} the same role’s benchmark seats` },
          shareWords(m.percentile).cell,
        )
      : '…';
  return h(
    'table',
    { class: 'grid', id: 'final-points' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Seat'),
        h('th', { class: 'num hide-narrow' }, 'Points'),
        h('th', { class: 'num hide-narrow' }, 'Baseline'),
        h('th', { class: 'num' }, 'Surplus'),
        h('th', { class: 'num hide-narrow' }, 'Score'),
        placed
          ? h(
              'th',
              { class: 'num', title: 'Value claimed per round, against the same role' },
              'Claimed',
              h('br'),
              'role %',
            )
          : null,
        placed
          ? h(
              'th',
              { class: 'num', title: 'Mutual-gain score per round, against the same role' },
              'Score',
              h('br'),
              'role %',
            )
          : null,
        h('th', { class: 'num hide-narrow' }, 'Rep.'),
      ),
    ),
    h(
      'tbody',
      null,
      score.seats.map((s) => {
        const seat = s.seat;
        const p = placed?.seats[seat];
        const bot = state.lobby?.seats?.[seat]?.bot || debriefState.seats?.[seat]?.bot || '';
        const who =
          p?.heldBy === 'both'
            ? `${playerLabel(state.lobby, seat).text || 'person'} · a bot played part of the game`
            : bot
              ? `bot: ${bot}`
              : playerLabel(state.lobby, seat).text;
        return h(
          'tr',
          { key: seat, class: seat === me ? 'hl' : '' },
          h(
            'td',
            null,
            seatMark(seat),
            view.seats[seat].name,
            seat === me ? h('strong', null, ' (you)') : null,
            h('br'),
            h('span', { class: 'muted small' }, who),
            d ? h('span', { class: 'muted small' }, ` · walk-away ${pts(d.seats[seat].walkAway)}`) : null,
          ),
          h('td', { class: 'num hide-narrow' }, pts(s.points)),
          h('td', { class: 'num hide-narrow' }, pts(s.baseline)),
          h('td', { class: `num ${s.surplus >= 0 ? 'pos' : 'neg'}` }, signed(s.surplus)),
          h('td', { class: 'num hide-narrow' }, pts(s.mutualGain)),
          placed ? h('td', { class: 'num' }, role(p?.claimed)) : null,
          placed ? h('td', { class: 'num' }, role(p?.mutualGain)) : null,
          h('td', { class: 'num hide-narrow' }, String(s.reputation)),
        );
      }),
    ),
  );
}
