// Your private facts: points, walk-away, reputation, values, briefing; the last round's income;
// the coach's note (solo). Nobody else sees these numbers until the debrief.
import type { Terms } from '../../../shared/engine/types';
import type { TableView } from '../../../shared/engine/view';
import { act } from '../../app';
import { pts, signed } from '../../game/derive';
import { INCOME_NAMES, playerLabel, termsText } from '../../game/format';
import { store, type AppState } from '../../game/store';
import { ART } from '../../scenes/art';
import { errorFor, inputValue, touch } from '../common';
import { h, type VNode } from '../dom';
import { LESSONS, type LessonId } from '../../../shared/record/lessons';

const draft = { declare: '' };

export function facts(view: TableView): VNode | null {
  const me = view.me;
  if (!me) return null;
  const seat = view.seats[me.seat];
  const lowered = me.walkAway < me.role.walkAway;
  return h(
    'div',
    { class: 'facts', id: 'my-facts' },
    h(
      'div',
      { class: 'fact' },
      h('span', { class: 'label' }, 'Your points'),
      h('span', { class: 'value', id: 'my-points' }, pts(me.points)),
      h('span', { class: 'sub' }, 'private'),
    ),
    h(
      'div',
      { class: 'fact' },
      h('span', { class: 'label' }, 'Walk-away'),
      h('span', { class: 'value', id: 'my-walkaway' }, pts(me.walkAway)),
      h(
        'span',
        { class: 'sub' },
        lowered ? `per round (from ${pts(me.role.walkAway)}: escalation)` : 'per round, private',
      ),
    ),
    h(
      'div',
      { class: 'fact' },
      h('span', { class: 'label' }, 'Reputation'),
      h('span', { class: 'value' }, String(seat.reputation)),
      h('span', { class: 'sub' }, 'public, 0–100'),
    ),
  );
}

/** Your values per option, with the terms in force (or proposed) marked. */
export function valuesTable(view: TableView, marked: Terms | null, id = 'values-table'): VNode | null {
  const me = view.me;
  if (!me) return null;
  return h(
    'table',
    { class: 'grid', id },
    h(
      'thead',
      null,
      h('tr', null, h('th', null, 'Issue'), h('th', null, 'Option'), h('th', { class: 'num' }, 'Your value / round')),
    ),
    h(
      'tbody',
      null,
      view.scenario.issues.map((issue) =>
        issue.options.map((o, i) => {
          const v = me.role.values[issue.id]?.[o.id] ?? 0;
          const on = marked?.[issue.id] === o.id;
          return h(
            'tr',
            { key: `${issue.id}.${o.id}`, class: on ? 'hl' : '' },
            h('td', null, i === 0 ? h('strong', null, issue.name) : ''),
            h('td', null, o.name, on ? h('span', { class: 'pill', style: 'margin-left:6px' }, 'in force') : null),
            h('td', { class: `num ${v < 0 ? 'neg' : v > 0 ? 'pos' : ''}` }, signed(v)),
          );
        }),
      ),
    ),
  );
}

export function declareForm(view: TableView): VNode | null {
  if (!view.me || (view.phase !== 'prepare' && view.phase !== 'negotiate')) return null;
  const declared = view.seats[view.me.seat].declared;
  return h(
    'form',
    {
      class: 'card tight',
      id: 'declare-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const share = Number(draft.declare);
        if (!Number.isInteger(share) || share < 0 || share > 100)
          return store.setError('declare', 'A minimum share is a whole percentage from 0 to 100.');
        act('declare', { share });
      },
    },
    h('h3', null, 'Declare a minimum share (optional)'),
    h(
      'p',
      { class: 'small muted' },
      'The least share of a deal you will accept, announced to the table. It is not your walk-away (the points you get each round outside a deal): it makes your position clear, and accepting less later costs reputation.',
      declared !== null ? h('strong', { class: 'ok' }, ` You declared ${declared}%.`) : null,
    ),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'declare-share', class: 'sr-only' }, 'Minimum share in percent'),
      h('input', {
        id: 'declare-share',
        type: 'number',
        min: 0,
        max: 100,
        step: 1,
        placeholder: '%',
        style: 'width:90px',
        value: draft.declare,
        oninput: (e: Event) => (draft.declare = inputValue(e)),
      }),
      h('button', { type: 'submit', id: 'declare' }, declared === null ? 'Declare' : 'Declare again'),
    ),
    errorFor('declare'),
  );
}

export function coachCard(state: AppState): VNode | null {
  if (!state.solo || !state.coachOn || state.coach.length === 0) return null;
  const note = state.coach[state.coach.length - 1];
  return h(
    'section',
    { class: 'card coach', id: 'coach-note', 'aria-label': 'Coach' },
    h('h3', null, h('img', { src: ART.coach, alt: '' }), `Coach — after round ${note.round}`),
    h('p', null, h('strong', null, note.headline)),
    note.moved.length
      ? h(
          'ul',
          { class: 'small', style: 'margin:0 0 8px;padding-left:18px' },
          note.moved.map((m) => h('li', null, m)),
        )
      : null,
    note.suggestion ? h('p', null, h('strong', null, 'Try: '), note.suggestion) : null,
    note.lesson && note.lesson in LESSONS
      ? h('p', { class: 'small muted' }, `Lesson: ${LESSONS[note.lesson as LessonId].title}`)
      : null,
    h('button', { class: 'link', onclick: () => store.setCoachOn(false) }, 'Turn the coach off'),
  );
}

export function lastRound(view: TableView): VNode | null {
  const last = view.history[view.history.length - 1];
  if (!last) return null;
  const win = last.deals.find((d) => d.proposalId === last.winning);
  const inc = last.myIncome;
  const parts = inc
    ? (Object.keys(INCOME_NAMES) as (keyof typeof INCOME_NAMES)[])
        .filter((k) => inc[k] !== 0)
        .map((k) => `${signed(inc[k])} ${INCOME_NAMES[k]}`)
    : [];
  const total = inc ? Object.keys(INCOME_NAMES).reduce((a, k) => a + inc[k as keyof typeof INCOME_NAMES], 0) : null;
  return h(
    'section',
    { class: 'card tight', id: 'last-round' },
    h('h3', null, `Round ${last.round} in short`),
    h(
      'p',
      { class: 'small' },
      win
        ? `Winning deal: ${win.members.map((m) => (m === view.viewer ? 'you' : view.seats[m].name)).join(', ')} — ${termsText(view.scenario, win.terms)}.`
        : 'No deal won: every seat got its walk-away.',
    ),
    total !== null
      ? h(
          'p',
          { class: 'small' },
          h('strong', null, `You earned ${signed(total)}`),
          parts.length ? ` (${parts.join(', ')})` : '',
        )
      : null,
  );
}

export function youPanel(state: AppState, view: TableView): VNode {
  if (!view.me) return h('p', { class: 'muted' }, 'You are watching this table.');
  const last = view.history[view.history.length - 1];
  const role = view.me.role;
  const me = playerLabel(state.lobby, view.me.seat);
  return h(
    'div',
    null,
    h('h2', null, role.name, me.text ? h('span', { class: 'muted small' }, ` — ${me.text}`) : null),
    facts(view),
    coachCard(state),
    lastRound(view),
    declareForm(view),
    h('h3', null, 'Your values'),
    h(
      'p',
      { class: 'muted small' },
      'Points per round you get from the terms of the winning deal, whether you are in it or not.',
    ),
    valuesTable(view, last?.terms ?? null),
    h(
      'details',
      { class: 'card tight', style: 'margin-top:12px', id: 'briefing-details', ontoggle: () => touch() },
      h('summary', null, 'Your briefing'),
      h('div', { class: 'briefing' }, role.briefing),
    ),
  );
}
