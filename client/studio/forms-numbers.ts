// The studio's forms for the rules' numbers: the vote and the prize, the length (v3: at least
// `min` rounds, then each further one with chance `continue`, never more than `max`), the trust
// stage, escalation and reputation, phase durations, and the debrief with its questions.
import { capChance, DEFAULT_CONTINUE, expectedRounds } from '../../shared/engine/setup';
import { SCENARIO_LIMITS as L } from '../../shared/scenarios/schema';
import { joinDebrief, splitDebrief } from '../../shared/studio/debrief-text';
import { h, type VNode } from '../ui/dom';
import { field, idFor, numberField, section } from './fields';
import { at, setAt } from './model';

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function voteForm(): VNode {
  const roles = Array.isArray(at(['roles'])) ? (at(['roles']) as unknown[]) : [];
  const total = roles.reduce<number>((a, _r, i) => a + (num(at(['roles', i, 'power'])) ?? 0), 0);
  return section(
    null,
    'The vote and the prize',
    `A deal wins when its members' power reaches the quota (more than half of the total power${total ? `, now ${total}` : ''}) and it includes every veto seat.`,
    h(
      'div',
      { class: 'cols' },
      numberField(['quota'], 'Quota', total ? `more than ${total / 2}` : undefined),
      numberField(['prize'], 'Prize', 'points a winning deal splits each round'),
    ),
  );
}

export function lengthForm(): VNode {
  const min = num(at(['rounds', 'min']));
  const max = num(at(['rounds', 'max']));
  const p = num(at(['rounds', 'continue'])) ?? DEFAULT_CONTINUE;
  const facts =
    min !== null && max !== null && min <= max && p >= 0 && p <= 0.95
      ? `Games last about ${Math.round(expectedRounds({ min, max, continue: p }) * 10) / 10} rounds on average; ${Math.round(capChance({ min, max, continue: p }) * 1000) / 10}% reach the cap. Players are told only the average.`
      : 'Players are told only how many rounds a game lasts on average.';
  return section(
    ['rounds'],
    'Length',
    'The game ends at random, so no one knows which round is the last: at least the minimum, then each further round with the chance to continue, never more than the cap (which games must rarely reach).',
    h(
      'div',
      { class: 'cols three' },
      numberField(['rounds', 'min'], 'At least', 'rounds'),
      numberField(['rounds', 'continue'], 'Chance to continue', 'e.g. 0.8'),
      numberField(['rounds', 'max'], 'Cap', 'rounds'),
    ),
    h('p', { class: 'small', id: 'studio-length-facts' }, facts),
  );
}

export function trustForm(): VNode {
  return section(
    ['trust'],
    'Trust stage',
    "Partners in the winning deal honour or defect, as in a prisoner's dilemma: T > R > P > S and 2R > T + S. A seat earns the stake times its mean payoff.",
    numberField(['trust', 'stake'], 'Stake'),
    h(
      'div',
      { class: 'cols four', 'data-path': 'trust.payoffs', tabindex: -1 },
      numberField(['trust', 'payoffs', 'T'], 'T', 'defect on an honourer'),
      numberField(['trust', 'payoffs', 'R'], 'R', 'both honour'),
      numberField(['trust', 'payoffs', 'P'], 'P', 'both defect'),
      numberField(['trust', 'payoffs', 'S'], 'S', 'honour a defector'),
    ),
  );
}

export function escalationForm(): VNode {
  return section(
    ['escalation'],
    'Escalation',
    'What each stage costs the escalator, and how hard mobilising, a formal complaint and action bite on the target.',
    h(
      'div',
      { class: 'cols four', 'data-path': 'escalation.stageCost', tabindex: -1 },
      ['Go public', 'Mobilise', 'Complaint', 'Action'].map((name, k) =>
        numberField(['escalation', 'stageCost', k], `${name} costs`),
      ),
    ),
    h(
      'div',
      { class: 'cols three' },
      numberField(['escalation', 'cosignCost'], 'Co-signing costs'),
      numberField(['escalation', 'mobiliseDrop'], 'Mobilising drops walk-away by', '0–1'),
      numberField(['escalation', 'complaintDrop'], 'A complaint drops walk-away by', '0–1'),
      numberField(['escalation', 'complaintIncomeCut'], 'A complaint cuts deal income by', '0–1'),
      numberField(['escalation', 'actionTargetLoss'], 'Action costs the target', 'points a round'),
      numberField(['escalation', 'actionEscalatorLoss'], 'Action costs each escalator', 'points a round'),
    ),
    h(
      'details',
      { class: 'studio-reputation' },
      h('summary', null, 'Reputation numbers'),
      h(
        'div',
        { class: 'cols three' },
        (
          [
            ['start', 'Start', '0–100'],
            ['answer', 'Answering a question'],
            ['labelledPerCostShare', 'Labelled concession, per share of the prize'],
            ['labelledMax', 'Labelled concession, at most'],
            ['silentFactor', 'Silent concession counts', '0–1 of labelled'],
            ['honour', 'Honouring a partner'],
            ['defectOnHonour', 'Defecting on an honourer costs'],
            ['ignoreDemand', 'Ignoring a public demand costs'],
            ['refuseDemand', 'Refusing it publicly costs'],
            ['demandMet', 'Meeting a demand'],
            ['breakDeclaration', 'Breaking a declared walk-away costs'],
          ] as const
        ).map(([key, name, hint]) => numberField(['reputation', key], name, hint)),
      ),
    ),
  );
}

export function durationsForm(): VNode {
  return section(
    ['durations'],
    'Phase durations',
    'Seconds a human seat has to negotiate and to choose its trust moves; a phase ends early when everyone is ready. Solo games may be untimed.',
    h(
      'div',
      { class: 'cols' },
      numberField(['durations', 'negotiate'], 'Negotiate', 'seconds'),
      numberField(['durations', 'trust'], 'Trust', 'seconds'),
    ),
  );
}

/** The debrief's text and its questions for the class, kept as one text in the file. */
export function debriefForm(): VNode {
  const debrief = typeof at(['debrief']) === 'string' ? (at(['debrief']) as string) : '';
  const { text, questions } = splitDebrief(debrief);
  const setQuestions = (qs: string[]) => setAt(['debrief'], joinDebrief(text, qs));
  const shown = questions.length > 0 ? questions : [''];
  return section(
    null,
    'Debrief',
    'Shown to everyone when the game ends: what the numbers were built to teach, the lessons named, then questions for the class.',
    field(
      ['debrief'],
      'Debrief text',
      (extra) =>
        h(
          'div',
          { class: 'counted' },
          h('textarea', {
            ...extra,
            rows: 8,
            maxlength: L.debriefLength,
            value: text,
            oninput: (e: Event) => setAt(['debrief'], joinDebrief((e.target as HTMLTextAreaElement).value, questions)),
          }),
          h('span', { class: 'counter muted small', 'aria-hidden': 'true' }, `${debrief.length} / ${L.debriefLength}`),
        ),
      'with the questions below, at most ' + String(L.debriefLength) + ' characters',
    ),
    field(
      ['debrief', 'questions'],
      'Questions for the class',
      (extra) =>
        h(
          'ol',
          { class: 'studio-questions', id: extra.id as string },
          shown.map((q, k) =>
            h(
              'li',
              { key: `q-${k}` },
              h('input', {
                type: 'text',
                id: k === 0 ? idFor(['debrief', 'questions', 0]) : null,
                'aria-label': `Question ${k + 1}`,
                maxlength: 300,
                value: q,
                oninput: (e: Event) => {
                  const next = shown.slice();
                  next[k] = (e.target as HTMLInputElement).value;
                  setQuestions(next);
                },
              }),
            ),
          ),
          h(
            'li',
            { key: 'add', class: 'no-marker' },
            h(
              'button',
              {
                class: 'ghost',
                disabled: shown.some((q) => !q.trim()),
                onclick: () => {
                  setQuestions([...shown, 'New question?']);
                  requestAnimationFrame(() =>
                    document.querySelector<HTMLInputElement>('.studio-questions li:nth-last-child(2) input')?.select(),
                  );
                },
              },
              'Add a question',
            ),
          ),
        ),
      'each one line; they are numbered at the end of the debrief',
    ),
  );
}
