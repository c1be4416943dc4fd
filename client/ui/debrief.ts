// The debrief: the player's role percentiles first (DESIGN 4: placed among the same role's seats
// of a benchmark, never ranked against the other seats here), every seat's points revealed in
// seat order, joint gain and efficiency against the best possible, value left on the table,
// charts over the rounds, the coalition timeline, the moments tied to lessons, the bots' reasons
// opened for audit, and the record to download.
import { lessonStatus, notShownHere } from '../../shared/claims/verdicts';
import { LESSONS } from '../../shared/record/lessons';
import type { DebriefData } from '../../shared/record/timeline';
import type { TableView } from '../../shared/engine/view';
import { leaveTable } from '../app';
import { pct, pts, signed } from '../game/derive';
import type { AppState } from '../game/store';
import { csvUrl } from '../net/api';
import { ART } from '../scenes/art';
import { debriefState, downloadCsv, downloadJson } from './debrief-data';
import { lineChart, rateBars } from './charts';
import { seatMark } from './common';
import { h, type VNode } from './dom';
import { trustReport } from './trust-debrief';
import { coachStanding, seatsTable, standing } from './standing';

function kpi(label: string, value: string, sub: string, id?: string): VNode {
  return h(
    'div',
    { class: 'fact', id },
    h('span', { class: 'label' }, label),
    h('span', { class: 'value' }, value),
    h('span', { class: 'sub' }, sub),
  );
}

function timeline(view: TableView, d: DebriefData): VNode {
  return h(
    'div',
    { class: 'timeline', id: 'coalition-timeline' },
    d.coalitions.map((c) =>
      h(
        'div',
        { class: 'tl', key: c.round },
        h('strong', null, `Round ${c.round}`),
        c.members.length
          ? h(
              'div',
              null,
              h(
                'div',
                { class: 'chips' },
                c.members.map((m, i) =>
                  h('span', { class: 'pill', key: m }, seatMark(m, 12), `${view.seats[m].name} ${c.split[i]}%`),
                ),
              ),
              h('div', { class: 'small muted' }, `power ${c.power} · ${c.termNames.map((t) => t.option).join(' · ')}`),
            )
          : h(
              'span',
              { class: 'muted' },
              c.otherDeals.length ? 'deals formed, none reached the quota' : 'no deal: everyone took the walk-away',
            ),
      ),
    ),
  );
}

function audit(view: TableView, d: DebriefData): VNode {
  const bySeat = new Map<number, DebriefData['audit']>();
  for (const a of d.audit) if (a.seat !== null) bySeat.set(a.seat, [...(bySeat.get(a.seat) ?? []), a]);
  return h(
    'div',
    { id: 'audit' },
    [...bySeat.entries()].map(([seat, entries]) =>
      h(
        'details',
        { class: 'audit card tight', key: seat },
        h('summary', null, seatMark(seat), `${view.seats[seat].name} — ${entries.length} decisions`),
        h(
          'ol',
          null,
          entries.map((e) =>
            h(
              'li',
              { key: e.seq },
              h('span', { class: 'muted' }, `R${e.round} ${e.phase} · ${e.type}: `),
              e.reason ?? '(no reason given)',
            ),
          ),
        ),
      ),
    ),
    bySeat.size === 0 ? h('p', { class: 'muted' }, 'No bot sat at this table.') : null,
  );
}

function auditSection(view: TableView): VNode | null {
  const d = debriefState.data;
  if (!d) return null;
  return h(
    'section',
    { key: 'audit' },
    h('h2', null, 'The bots’ reasons, for audit'),
    h(
      'p',
      { class: 'small muted' },
      'Every decision a bot made, with the one-line reason it logged. When a system decides, demand transparency.',
    ),
    audit(view, d),
  );
}

function downloads(code: string): VNode {
  return h(
    'section',
    { key: 'downloads' },
    h('h2', null, 'Take the record with you'),
    h(
      'div',
      { class: 'downloads' },
      h(
        'button',
        { id: 'download-json', disabled: !debriefState.log, onclick: () => downloadJson() },
        'Game record (JSON)',
      ),
      h(
        'button',
        { id: 'download-csv', disabled: !debriefState.log, onclick: () => downloadCsv() },
        'Action log (CSV)',
      ),
      code
        ? h(
            'a',
            { class: 'button', id: 'results-csv', href: csvUrl(code, 'results'), download: `${code}-results.csv` },
            'Results (CSV)',
          )
        : null,
    ),
  );
}

export function debriefView(state: AppState, narrow: boolean): VNode[] {
  const view = state.view;
  const code = state.lobby?.code ?? state.welcome?.code ?? debriefState.code ?? '';
  const header = h(
    'header',
    { class: 'topbar' },
    h('img', { class: 'mark', src: ART.logo, alt: 'Leverage' }),
    h(
      'div',
      { class: 'title' },
      h('strong', null, view ? view.scenario.name : 'Debrief'),
      h('span', null, `Debrief · table ${code}`),
    ),
    h(
      'div',
      { class: 'phasebox' },
      h('span', { class: 'phase-name', id: 'phase-name' }, 'Debrief'),
      h('span', { class: 'phase-hint muted small' }, ' — every number is revealed'),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { id: 'leave', class: 'primary', onclick: () => void leaveTable(true) }, 'Back to the lobby'),
    ),
  );
  if (!view || !view.debrief) return [header, h('section', { class: 'report' }, h('p', null, 'Loading the debrief…'))];
  if (view.mode === 'trust') {
    return [
      header,
      h(
        'section',
        { class: 'report', id: 'debrief', 'aria-label': 'Debrief' },
        trustReport(state, view),
        auditSection(view),
        downloads(code),
      ),
    ];
  }
  const d = debriefState.data;
  const score = view.debrief.score;
  const me = view.viewer;
  const rounds = view.debrief.pointsByRound.map((_, i) => i + 1);
  const names = view.seats.map((s) => s.name);
  const pointsSeries = view.seats.map((s) => ({
    seat: s.seat,
    label: names[s.seat],
    values: view.debrief!.pointsByRound.map((r) => r[s.seat]),
    emphasis: s.seat === me,
  }));
  const legend = h(
    'div',
    { class: 'legend' },
    view.seats.map((s) => h('span', { key: s.seat }, seatMark(s.seat, 14), s.seat === me ? `${s.name} (you)` : s.name)),
  );
  const meScore = me !== null ? score.seats.find((s) => s.seat === me) : null;
  return [
    header,
    h(
      'section',
      { class: 'report', id: 'debrief', 'aria-label': 'Debrief' },
      h('h1', null, 'What happened, and what it teaches'),
      h(
        'p',
        { class: 'muted' },
        `The game lasted ${view.debrief.totalRounds} rounds — nobody knew which would be the last.`,
        meScore ? ` You ended ${signed(meScore.surplus)} points over your walk-away.` : '',
      ),
      standing(view),
      coachStanding(state, view),
      h(
        'div',
        { class: 'kpis', id: 'kpis' },
        kpi('Joint gain', pts(score.jointGain), 'sum of surpluses', 'kpi-joint'),
        kpi('Best possible', pts(score.bestJointGain), 'best coalition, best terms, all honour'),
        kpi('Efficiency', pct(score.efficiency), 'joint gain ÷ best', 'kpi-efficiency'),
        kpi('Left on the table', pts(score.valueLeft), 'value nobody took', 'kpi-left'),
        d && d.cooperationRate !== null ? kpi('Cooperation', pct(d.cooperationRate), 'honour moves, whole game') : null,
        kpi('Inequality', score.gini.toFixed(2), 'Gini of final points'),
      ),
      h(
        'section',
        null,
        h('h2', null, 'Every seat, against its own role'),
        h(
          'p',
          { class: 'small muted' },
          'Score is the mutual-gain score: own surplus + λ × joint gain ÷ seats. Each seat is placed among the same role’s seats of the benchmark; seats of this table are not ranked against each other, because a strong and a weak seat cannot be compared.',
        ),
        seatsTable(state, view, d),
      ),
      h(
        'section',
        null,
        h('h2', null, 'Points over the rounds'),
        legend,
        lineChart('chart-points', 'Points of every seat at the end of each round', rounds, pointsSeries, { narrow }),
      ),
      d
        ? [
            h(
              'section',
              { key: 'rep' },
              h('h2', null, 'Reputation over the rounds'),
              lineChart(
                'chart-reputation',
                'Reputation of every seat at the end of each round',
                d.rounds,
                view.seats.map((s) => ({
                  seat: s.seat,
                  label: names[s.seat],
                  values: d.reputation.map((r) => r[s.seat]),
                  emphasis: s.seat === me,
                })),
                { min: 0, max: 100, narrow },
              ),
            ),
            h(
              'section',
              { key: 'coop' },
              h('h2', null, 'Cooperation rate per round'),
              rateBars(
                'chart-cooperation',
                'Share of trust moves that honoured, per round',
                d.cooperation.map((c) => c.round),
                d.cooperation.map((c) => c.rate),
                { narrow },
              ),
            ),
            view.mode === 'coalition'
              ? h('section', { key: 'tl' }, h('h2', null, 'Coalition timeline'), timeline(view, d))
              : null,
            h(
              'section',
              { key: 'moments', id: 'moments' },
              h('h2', null, 'Moments that mattered'),
              d.topMoments.length === 0
                ? h('p', { class: 'muted' }, 'A quiet game: no turning points stood out.')
                : null,
              d.topMoments.map((m) =>
                h(
                  'article',
                  { class: 'card tight moment', key: m.seq },
                  h('div', { class: 'lesson' }, LESSONS[m.lesson]?.title ?? m.lesson),
                  h('p', null, m.text),
                  h(
                    'p',
                    { class: 'small muted' },
                    LESSONS[m.lesson]?.text ?? '',
                    lessonStatus(view.scenario.id, m.lesson) === 'does not hold'
                      ? ` ${notShownHere(view.scenario.name)}`
                      : '',
                  ),
                ),
              ),
            ),
            auditSection(view),
          ]
        : h(
            'p',
            { class: 'muted', id: 'debrief-loading' },
            debriefState.error ??
              'Loading the full record: reputation, cooperation, coalitions, moments and the bots’ reasons…',
          ),
      // The scenario's debrief text names walk-aways, so it comes with the finished record, never with the view.
      debriefState.log?.scenario.debrief
        ? h(
            'section',
            { id: 'scenario-debrief' },
            h('h2', null, 'About this scenario'),
            h('p', { class: 'briefing' }, debriefState.log.scenario.debrief),
          )
        : null,
      downloads(code),
    ),
  ];
}
