// The class's before/after shift: for each question, what the class answered before the first
// round beside what it answered after the last, and how many students changed their answer.
import type { ClassDebrief } from '../../shared/class/debrief';
import type { QuestionShift, Tally } from '../../shared/class/shift';
import { LESSONS } from '../../shared/record/lessons';
import { pct, pts } from '../game/derive';
import { h, type VNode } from '../ui/dom';

function numberLine(label: string, t: Tally, unit: string): VNode {
  return h(
    'div',
    { class: 'cd-num-line' },
    h('span', { class: 'cd-phase' }, label),
    t.mean === null
      ? h('span', { class: 'cd-none' }, 'no answers')
      : h(
          'span',
          null,
          h('strong', null, `${pts(t.mean)}${unit}`),
          ` on average (median ${pts(t.median ?? 0)}${unit}, ${t.answers} answers)`,
        ),
  );
}

function choiceBars(q: QuestionShift): VNode {
  const before = q.before.options ?? [];
  const after = q.after.options ?? [];
  return h(
    'table',
    { class: 'cd-shift' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Answer'),
        h('th', { scope: 'col' }, `Before (${q.before.answers})`),
        h('th', { scope: 'col' }, `After (${q.after.answers})`),
      ),
    ),
    h(
      'tbody',
      null,
      before.map((o, i) =>
        h(
          'tr',
          { key: o.id },
          h('th', { scope: 'row' }, o.text),
          h('td', null, bar(o.share, 'before')),
          h('td', null, bar(after[i]?.share ?? 0, 'after')),
        ),
      ),
    ),
  );
}

function bar(share: number, which: 'before' | 'after'): VNode {
  return h(
    'div',
    { class: `cd-sbar ${which}` },
    h('span', { style: `width:${Math.round(share * 100)}%` }),
    h('em', null, pct(share)),
  );
}

function card(q: QuestionShift): VNode {
  const lesson = q.lesson ? LESSONS[q.lesson] : null;
  return h(
    'article',
    { class: 'cd-question', key: q.id },
    h('h3', null, q.text),
    lesson ? h('p', { class: 'cd-lesson' }, h('span', { class: 'cd-tag' }, 'Lesson'), ` ${lesson.title}`) : null,
    q.kind === 'choice'
      ? choiceBars(q)
      : [numberLine('Before', q.before, q.unit ?? ''), numberLine('After', q.after, q.unit ?? '')],
    h(
      'p',
      { class: 'cd-paired' },
      q.paired === 0
        ? 'Nobody answered both before and after.'
        : `${q.changed} of the ${q.paired} students who answered both changed their answer` +
            (q.meanChange !== null
              ? `; on average by ${q.meanChange >= 0 ? '+' : ''}${pts(q.meanChange)}${q.unit === '%' ? ' percentage points' : (q.unit ?? '')}`
              : '') +
            (q.rose ? `; “${q.rose.text}” rose most (+${Math.round(q.rose.by * 100)} percentage points)` : '') +
            '.',
    ),
  );
}

export function shiftView(m: ClassDebrief): VNode {
  return h(
    'section',
    { id: 'cd-shift', 'aria-labelledby': 'cd-shift-h' },
    h('h2', { id: 'cd-shift-h' }, 'Before the first round and after the last'),
    m.shifts.length === 0
      ? h('p', { class: 'cd-note' }, 'This session asked no before/after questions.')
      : m.shifts.map((q) => card(q)),
  );
}
