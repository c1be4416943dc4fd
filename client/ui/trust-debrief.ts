// The trust game's debrief (DESIGN 5): the practice's reveal with each guess graded against what
// the player could see, every move of the game with the flips noise made, the points, what the
// tournament shows for this game's length and noise, and the bots' reasons. Nothing of the
// coalition game: no walk-aways, baselines, quotas or scenario questions.
import { isStrategyName, type StrategyName } from '../../shared/bots/strategies';
import type { Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import type { LockedGuesses } from '../../shared/protocol';
import { LESSONS } from '../../shared/record/lessons';
import { gradeGuess, pairingsOf, type GradedGuess } from '../../shared/trust-game/practice';
import { GRADING_NOTE, strategyStory, tally, verdictText } from '../../shared/trust-game/reveal';
import { TRUST_DEBRIEF } from '../../shared/trust-game/scenario';
import { noiseText, STRATEGY_TITLES } from '../../shared/trust-game/words';
import { pct, pts } from '../game/derive';
import { playerLabel } from '../game/format';
import type { AppState } from '../game/store';
import { lineChart, rateBars } from './charts';
import { seatMark, touch } from './common';
import { debriefState } from './debrief-data';
import { h, type Child, type VNode } from './dom';
import { pairRows } from './panels/trust-game';

/** The strategy a bot seat played, once the game is over. */
function strategyOf(state: AppState, seat: Seat): StrategyName | null {
  const label = state.lobby?.seats?.[seat]?.bot || debriefState.seats?.[seat]?.bot || '';
  return isStrategyName(label) ? label : null;
}

function noiseOf(state: AppState): number {
  return debriefState.log?.config.noise ?? state.practice?.noise ?? 0;
}

function lockedOf(state: AppState, me: Seat): LockedGuesses | null {
  return state.practice?.locked ?? debriefState.log?.guesses?.find((g) => g.seat === me) ?? null;
}

/** Every bot seat's guess graded against the moves the player could see. */
export function gradeAll(state: AppState, view: TableView): GradedGuess[] {
  const me = view.viewer;
  if (me === null) return [];
  const locked = lockedOf(state, me);
  const noise = noiseOf(state);
  const out: GradedGuess[] = [];
  for (const s of view.seats) {
    if (s.seat === me) continue;
    const actual = strategyOf(state, s.seat);
    if (!actual) continue;
    const raw = locked?.guesses.find((g) => g.seat === s.seat)?.strategy ?? null;
    const guess = raw !== null && isStrategyName(raw) ? raw : null;
    out.push(gradeGuess(s.seat, actual, guess, pairingsOf(view.history, s.seat), noise, view.scenario.trust.payoffs));
  }
  return out;
}

const GRADE_CLASS: Record<GradedGuess['grade'], string> = {
  right: 'pos',
  consistent: 'pos',
  'ruled-out': 'neg',
  'no-guess': 'muted',
};
const GRADE_MARK: Record<GradedGuess['grade'], string> = {
  right: '✓ ',
  consistent: '≈ ',
  'ruled-out': '✗ ',
  'no-guess': '',
};

function reveal(state: AppState, view: TableView): VNode | null {
  const me = view.viewer;
  if (me === null) return null;
  const graded = gradeAll(state, view);
  if (graded.length === 0) return null;
  const noise = noiseOf(state);
  const name = (seat: Seat) => (seat === me ? 'you' : view.seats[seat].name);
  const locked = lockedOf(state, me);
  return h(
    'section',
    { id: 'guess-results' },
    h('h2', null, locked ? `Your guesses: ${tally(graded)}` : 'The strategies the bots played'),
    locked ? h('p', { class: 'small muted' }, `Locked in after round ${locked.round}.`) : null,
    h(
      'div',
      { class: 'reveal-list' },
      graded.map((g) =>
        h(
          'article',
          { key: g.bot, class: `card tight reveal ${g.grade}`, id: `reveal-${g.bot}` },
          h(
            'div',
            { class: 'reveal-head' },
            h('strong', null, seatMark(g.bot), view.seats[g.bot].name),
            h(
              'span',
              { class: 'small' },
              'you said ',
              h(
                'strong',
                { class: GRADE_CLASS[g.grade] },
                g.guess ? `${GRADE_MARK[g.grade]}${STRATEGY_TITLES[g.guess]}` : 'nothing',
              ),
            ),
            h('span', { class: 'small' }, 'it played ', h('strong', null, STRATEGY_TITLES[g.actual])),
          ),
          h('p', { class: 'verdict' }, verdictText(g, noise, name)),
          pairRows(view, g.bot, me, ['it', 'you']),
          h('p', { class: 'small muted' }, strategyStory(g.actual)),
        ),
      ),
    ),
    h('p', { class: 'small muted', id: 'grading-note' }, GRADING_NOTE),
  );
}

/** Every pairing's moves, as played, with every flip now shown (the player's own and the bots'). */
function allMoves(view: TableView): VNode {
  const me = view.viewer;
  const seats = view.seats.map((s) => s.seat);
  const pairs: [Seat, Seat][] = [];
  for (let i = 0; i < seats.length; i++) for (let j = i + 1; j < seats.length; j++) pairs.push([seats[i], seats[j]]);
  const mine = pairs.filter(([a, b]) => a === me || b === me);
  const others = pairs.filter(([a, b]) => a !== me && b !== me);
  const block = ([a, b]: [Seat, Seat]) => {
    const [x, y] = b === me ? [b, a] : [a, b];
    const label = (s: Seat) => (s === me ? 'you' : view.seats[s].name);
    return h(
      'div',
      { key: `${x}-${y}`, class: 'pair-block' },
      h('div', { class: 'small' }, seatMark(x, 12), ` ${label(x)} and `, seatMark(y, 12), ` ${label(y)}`),
      pairRows(view, x, y, [label(x), label(y)], 100),
    );
  };
  const flips = view.history.reduce(
    (n, r) => n + r.trust.reduce((m, p) => m + (p.moveA !== p.chosenA ? 1 : 0) + (p.moveB !== p.chosenB ? 1 : 0), 0),
    0,
  );
  return h(
    'section',
    { id: 'all-moves' },
    h('h2', null, 'Every move'),
    h(
      'p',
      { class: 'small muted' },
      `✓ honour · ✗ defect, oldest first. ${flips === 0 ? 'Noise flipped no move.' : `A dashed ring marks a move noise flipped: ${flips} in all, now shown between the bots too.`}`,
    ),
    h('div', { class: 'pair-grid' }, mine.map(block)),
    others.length
      ? h(
          'details',
          { class: 'small' },
          h('summary', null, `Between the bots (${others.length} pairings)`),
          h('div', { class: 'pair-grid' }, others.map(block)),
        )
      : null,
  );
}

function pointsTable(state: AppState, view: TableView): VNode {
  const d = view.debrief!;
  const partners = view.seats.length - 1;
  const rounds = d.totalRounds;
  const honoured = (seat: Seat) => {
    let h = 0;
    let n = 0;
    for (const r of view.history)
      for (const p of r.trust) {
        if (p.a !== seat && p.b !== seat) continue;
        n++;
        if ((p.a === seat ? p.moveA : p.moveB) === 'honour') h++;
      }
    return n > 0 ? h / n : 0;
  };
  const order = view.seats.map((s) => s.seat).sort((a, b) => d.points[b] - d.points[a] || a - b);
  return h(
    'table',
    { class: 'grid', id: 'ranking' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Seat'),
        h('th', null, 'Played'),
        h('th', { class: 'num' }, 'Points'),
        h('th', { class: 'num' }, 'A round'),
        h('th', { class: 'num' }, 'Honoured'),
      ),
    ),
    h(
      'tbody',
      null,
      order.map((seat) => {
        const strategy = strategyOf(state, seat);
        return h(
          'tr',
          { key: seat, class: seat === view.viewer ? 'hl' : '' },
          h(
            'td',
            null,
            seatMark(seat),
            view.seats[seat].name,
            seat === view.viewer ? h('strong', null, ' (you)') : null,
          ),
          h('td', null, strategy ? STRATEGY_TITLES[strategy] : playerLabel(state.lobby, seat).text || 'a person'),
          h('td', { class: 'num' }, pts(d.points[seat])),
          h('td', { class: 'num' }, rounds > 0 ? (d.points[seat] / rounds).toFixed(2) : '–'),
          h('td', { class: 'num' }, pct(honoured(seat))),
        );
      }),
    ),
    h(
      'caption',
      { class: 'small muted', style: 'caption-side:bottom;text-align:left;padding-top:4px' },
      `A round: points per round, the average over the ${partners} seats each one played (3 when everyone honours).`,
    ),
  );
}

/** The tournament at this game's length and noise, computed here from the engine's own code. */
const tournament: { key: string; text: string | null } = { key: '', text: null };
function tournamentFinding(state: AppState, view: TableView): string | null {
  const noise = noiseOf(state);
  const turns = view.debrief!.totalRounds;
  const bots = view.seats.map((s) => strategyOf(state, s.seat)).filter((s): s is StrategyName => s !== null);
  const key = `${noise}|${turns}|${bots.join(',')}`;
  if (tournament.key !== key) {
    tournament.key = key;
    tournament.text = null;
    void import('../../shared/trust-game/findings').then((m) => {
      if (tournament.key !== key) return;
      tournament.text = m.findingSentence(noise, turns, bots);
      touch();
    });
  }
  return tournament.text;
}

export function trustReport(state: AppState, view: TableView): Child[] {
  const d = debriefState.data;
  const debrief = view.debrief!;
  const me = view.viewer;
  const rounds = debrief.pointsByRound.map((_, i) => i + 1);
  const noise = noiseOf(state);
  const mine = me !== null ? debrief.points[me] : null;
  return [
    h('h1', { key: 'h1' }, 'What happened, and what it teaches'),
    h(
      'p',
      { key: 'intro', class: 'muted' },
      `The game lasted ${debrief.totalRounds} rounds with ${noiseText(noise)}; nobody knew which would be the last.`,
      mine !== null
        ? ` You scored ${pts(mine)} points, ${(mine / Math.max(1, debrief.totalRounds)).toFixed(2)} a round on average over the seats you played (3 when everyone honours).`
        : '',
    ),
    reveal(state, view),
    h(
      'section',
      { key: 'finding', id: 'tournament-finding' },
      h('h2', null, 'What the tournament shows for this game'),
      h('p', null, tournamentFinding(state, view) ?? 'Playing the tournament at this game’s length and noise…'),
      h(
        'p',
        { class: 'small muted' },
        'Every strategy plays every other and itself at this length and noise, each match 100 times, with the same payoffs and the same code as the bots you met. A ranking is for a field of all 13; a different mix of opponents can reorder it.',
      ),
    ),
    h('section', { key: 'points' }, h('h2', null, 'Points'), pointsTable(state, view)),
    allMoves(view),
    h(
      'section',
      { key: 'chart' },
      h('h2', null, 'Points over the rounds'),
      h(
        'div',
        { class: 'legend' },
        view.seats.map((s) =>
          h('span', { key: s.seat }, seatMark(s.seat, 14), s.seat === me ? `${s.name} (you)` : s.name),
        ),
      ),
      lineChart(
        'chart-points',
        'Points of every seat at the end of each round',
        rounds,
        view.seats.map((s) => ({
          seat: s.seat,
          label: s.name,
          values: debrief.pointsByRound.map((r) => r[s.seat]),
          emphasis: s.seat === me,
        })),
      ),
    ),
    d
      ? [
          h(
            'section',
            { key: 'coop' },
            h('h2', null, 'Cooperation per round'),
            h('p', { class: 'small muted' }, `${pct(d.cooperationRate ?? 0)} of all moves honoured.`),
            rateBars(
              'chart-cooperation',
              'Share of moves that honoured, per round',
              d.cooperation.map((c) => c.round),
              d.cooperation.map((c) => c.rate),
            ),
          ),
          h(
            'section',
            { key: 'moments', id: 'moments' },
            h('h2', null, 'Moments that mattered'),
            d.topMoments.length === 0 ? h('p', { class: 'muted' }, 'A quiet game: no turning points stood out.') : null,
            d.topMoments.map((m) =>
              h(
                'article',
                { class: 'card tight moment', key: m.seq },
                h('div', { class: 'lesson' }, LESSONS[m.lesson]?.title ?? m.lesson),
                h('p', null, m.text),
              ),
            ),
          ),
        ]
      : h(
          'p',
          { key: 'loading', class: 'muted', id: 'debrief-loading' },
          debriefState.error ?? 'Loading the full record: cooperation, moments and the bots’ reasons…',
        ),
    h('section', { key: 'about' }, h('h2', null, 'About the trust game'), h('p', { class: 'briefing' }, TRUST_DEBRIEF)),
  ];
}
