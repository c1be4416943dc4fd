// Concessions, declarations and escalations: concede points (labelled or silent, with a
// rationale), escalate stage by stage with a demand, co-sign others' escalations, meet or refuse
// a demand made of you [label every concession; create staged escalation options].
import type { Demand, Escalation } from '../../../shared/engine/types';
import type { TableView } from '../../../shared/engine/view';
import { act } from '../../app';
import { pct, pts, totalPower } from '../../game/derive';
import { demandText, roleName, STAGE_NAMES } from '../../game/format';
import { store, type AppState } from '../../game/store';
import { errorFor, inputValue, seatMark, touch } from '../common';
import { h, type VNode } from '../dom';
import { declareForm } from './you';

const draft = {
  concedeTo: '',
  concedePoints: '5',
  labelled: true,
  concedeRationale: '',
  target: '',
  kind: 'share' as Demand['kind'],
  share: '20',
  points: '10',
  issue: '',
  option: '',
  escRationale: '',
  refuseOpen: null as number | null,
  refuseText: '',
};

const STAGE_EFFECTS = [
  '',
  'The demand is public. If the target neither meets it nor refuses it publicly by the end of the round, it loses reputation.',
  'Allies co-sign; the target’s walk-away drops in proportion to your side’s power.',
  'A formal complaint: the target’s walk-away drops further.',
  'Action: both sides lose points every round, the target in proportion to your side’s power.',
];

/** Prefills the concession form (to meet a concession demand). */
export function prefillConcession(to: number, points: number): void {
  draft.concedeTo = String(to);
  draft.concedePoints = String(points);
  draft.labelled = true;
  touch();
  requestAnimationFrame(() => document.getElementById('concede-points')?.focus());
}

function escalationCard(view: TableView, e: Escalation): VNode {
  const me = view.viewer;
  const rules = view.scenario.escalation;
  const share =
    e.cosigners.concat([e.escalator]).reduce((a, s) => a + view.seats[s].power, 0) / totalPower(view.scenario);
  const negotiating = view.phase === 'negotiate' && me !== null;
  const isMine = e.escalator === me;
  const onMe = e.target === me;
  const third = me !== null && !isMine && !onMe;
  const key = `esc:${e.id}`;
  const meet = () => {
    if (e.demand.kind === 'concession') prefillConcession(e.escalator, Math.max(1, e.demand.points - e.conceded));
    else
      store.setError(
        key,
        e.demand.kind === 'share'
          ? `Meet it with a winning deal that gives ${roleName(view, e.escalator)} at least ${e.demand.share}% (Deals tab).`
          : `Meet it with a winning deal whose terms include ${demandText(view.scenario, e.demand)} (Deals tab).`,
      );
  };
  return h(
    'article',
    { key: e.id, class: 'card tight', id: `escalation-${e.id}` },
    h(
      'div',
      { class: 'head row' },
      h(
        'strong',
        { class: 'grow' },
        seatMark(e.escalator),
        isMine ? 'You' : roleName(view, e.escalator),
        ' → ',
        seatMark(e.target),
        onMe ? 'you' : roleName(view, e.target),
      ),
      h('span', { class: 'pill', title: STAGE_EFFECTS[e.stage] }, `Stage ${e.stage}: ${STAGE_NAMES[e.stage]}`),
    ),
    h(
      'p',
      { class: 'small' },
      'Demand: ',
      h('strong', null, demandText(view.scenario, e.demand)),
      e.demand.kind === 'concession' && e.conceded > 0 ? ` (${e.conceded} given so far)` : '',
    ),
    e.rationale ? h('p', { class: 'small' }, `“${e.rationale}”`) : null,
    h(
      'p',
      { class: 'small muted' },
      `Side’s power ${pct(share)}`,
      e.cosigners.length ? ` · co-signed by ${e.cosigners.map((c) => roleName(view, c)).join(', ')}` : '',
      ` · lapses after round ${e.expiresRound} unless renewed`,
    ),
    e.refusal !== null ? h('p', { class: 'small' }, 'Refused publicly: ', `“${e.refusal}”`) : null,
    h('p', { class: 'small muted' }, STAGE_EFFECTS[e.stage]),
    negotiating
      ? h(
          'div',
          { class: 'row' },
          isMine && e.stage < 4
            ? h(
                'button',
                { id: `raise-${e.id}`, onclick: () => act('raise', { escalation: e.id }, key) },
                `Raise to stage ${e.stage + 1} (${rules.stageCost[Math.min(3, e.stage) as 0 | 1 | 2 | 3]} pts)`,
              )
            : null,
          isMine
            ? h(
                'button',
                { id: `renew-${e.id}`, onclick: () => act('renew', { escalation: e.id }, key) },
                `Renew (${rules.stageCost[e.stage - 1]} pts)`,
              )
            : null,
          third && e.stage >= 2 && !e.cosigners.includes(me)
            ? h(
                'button',
                { id: `cosign-${e.id}`, onclick: () => act('cosign', { escalation: e.id }, key) },
                `Co-sign (${rules.cosignCost} pts)`,
              )
            : null,
          third && e.stage < 2 ? h('span', { class: 'muted small' }, 'Allies can co-sign from stage 2.') : null,
          onMe ? h('button', { class: 'primary', id: `meet-${e.id}`, onclick: meet }, 'Meet the demand…') : null,
          onMe && e.refusal === null
            ? h(
                'button',
                {
                  class: 'danger',
                  id: `refuse-${e.id}`,
                  'aria-expanded': draft.refuseOpen === e.id,
                  onclick: () => ((draft.refuseOpen = draft.refuseOpen === e.id ? null : e.id), touch()),
                },
                'Refuse publicly…',
              )
            : null,
        )
      : null,
    onMe && draft.refuseOpen === e.id && negotiating
      ? h(
          'form',
          {
            class: 'row',
            style: 'margin-top:8px',
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              act('refuse', { escalation: e.id, rationale: draft.refuseText.trim() }, key);
              draft.refuseOpen = null;
            },
          },
          h(
            'div',
            { class: 'grow' },
            h('label', { for: `refuse-text-${e.id}`, class: 'sr-only' }, 'Your public reason'),
            h('input', {
              id: `refuse-text-${e.id}`,
              type: 'text',
              maxlength: 280,
              placeholder: 'Your public reason (required)',
              value: draft.refuseText,
              oninput: (ev: Event) => (draft.refuseText = inputValue(ev)),
            }),
          ),
          h('button', { type: 'submit', class: 'danger', id: `refuse-send-${e.id}` }, 'Refuse'),
        )
      : null,
    errorFor(key),
  );
}

export function movesPanel(_state: AppState, view: TableView): VNode {
  const me = view.viewer;
  if (me === null || !view.me)
    return h(
      'div',
      null,
      view.escalations.map((e) => escalationCard(view, e)),
    );
  const others = view.seats.filter((s) => s.seat !== me);
  if (!draft.concedeTo) draft.concedeTo = String(others[0]?.seat ?? '');
  if (!draft.target) draft.target = String(others[0]?.seat ?? '');
  const issues = view.scenario.issues;
  if (!draft.issue) draft.issue = issues[0]?.id ?? '';
  const issue = issues.find((i) => i.id === draft.issue) ?? issues[0];
  // An option demand starts at the option this seat values most on the issue.
  if (!issue.options.some((o) => o.id === draft.option))
    draft.option = [...issue.options].sort(
      (a, b) => (view.me!.role.values[issue.id]?.[b.id] ?? 0) - (view.me!.role.values[issue.id]?.[a.id] ?? 0),
    )[0].id;
  const negotiating = view.phase === 'negotiate';
  const points = Number(draft.concedePoints) || 0;
  const cost = view.me.points > 0 ? points / view.me.points : 0;
  const rules = view.scenario.escalation;
  const demand = (): Demand =>
    draft.kind === 'share'
      ? { kind: 'share', share: Number(draft.share) }
      : draft.kind === 'concession'
        ? { kind: 'concession', points: Number(draft.points) }
        : { kind: 'option', issue: draft.issue, option: draft.option };
  const escalations = [...view.escalations].sort(
    (a, b) =>
      Number(b.target === me) - Number(a.target === me) || Number(b.escalator === me) - Number(a.escalator === me),
  );
  return h(
    'div',
    null,
    escalations.length ? h('h3', null, `Escalations (${escalations.length})`) : null,
    escalations.map((e) => escalationCard(view, e)),
    h(
      'form',
      {
        class: 'card',
        id: 'concede-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          act(
            'concede',
            {
              to: Number(draft.concedeTo),
              points,
              labelled: draft.labelled,
              ...(draft.concedeRationale.trim() ? { rationale: draft.concedeRationale.trim() } : {}),
            },
            'concede',
          );
        },
      },
      h('h3', null, 'Concede'),
      h(
        'p',
        { class: 'muted small' },
        'Give points now, no strings. A labelled concession is shown to all with what it costs you, and raises your reputation more.',
      ),
      h(
        'div',
        { class: 'cols' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'concede-to' }, 'To'),
          h(
            'select',
            {
              id: 'concede-to',
              value: draft.concedeTo,
              onchange: (e: Event) => ((draft.concedeTo = inputValue(e)), touch()),
            },
            others.map((s) => h('option', { value: String(s.seat) }, s.name)),
          ),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'concede-points' }, 'Points'),
          h('input', {
            id: 'concede-points',
            type: 'number',
            min: 1,
            step: 1,
            value: draft.concedePoints,
            oninput: (e: Event) => ((draft.concedePoints = inputValue(e)), touch()),
          }),
        ),
      ),
      h(
        'label',
        { class: 'check field' },
        h('input', {
          type: 'checkbox',
          id: 'concede-labelled',
          checked: draft.labelled,
          onchange: (e: Event) => ((draft.labelled = (e.target as HTMLInputElement).checked), touch()),
        }),
        'Label it (public, with its cost)',
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'concede-rationale' }, 'Rationale', h('span', { class: 'hint' }, ' — optional')),
        h('input', {
          id: 'concede-rationale',
          type: 'text',
          maxlength: 280,
          value: draft.concedeRationale,
          oninput: (e: Event) => (draft.concedeRationale = inputValue(e)),
        }),
      ),
      h(
        'p',
        { class: 'small', id: 'concede-cost' },
        view.me.points > 0
          ? `Costs you ${pts(points)} of your ${pts(view.me.points)} points (${pct(Math.min(1, cost))}).`
          : 'You have no points to give yet: points come at the end of each round.',
      ),
      h(
        'button',
        { type: 'submit', id: 'concede', disabled: !negotiating },
        draft.labelled ? 'Make a labelled concession' : 'Concede silently',
      ),
      errorFor('concede'),
    ),
    declareForm(view),
    h(
      'form',
      {
        class: 'card',
        id: 'escalate-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          act(
            'escalate',
            {
              target: Number(draft.target),
              demand: demand(),
              ...(draft.escRationale.trim() ? { rationale: draft.escRationale.trim() } : {}),
            },
            'escalate',
          );
        },
      },
      h('h3', null, 'Escalate'),
      h(
        'p',
        { class: 'muted small' },
        `Go public with a demand (stage 1 costs ${rules.stageCost[0]} points). Raise it stage by stage: mobilise (allies co-sign), formal complaint, action. It lapses after the next round unless renewed.`,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'escalate-target' }, 'Against'),
        h(
          'select',
          {
            id: 'escalate-target',
            value: draft.target,
            onchange: (e: Event) => ((draft.target = inputValue(e)), touch()),
          },
          others.map((s) => h('option', { value: String(s.seat) }, `${s.name} (power ${s.power})`)),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'demand-kind' }, 'Demand'),
        h(
          'select',
          {
            id: 'demand-kind',
            value: draft.kind,
            onchange: (e: Event) => ((draft.kind = inputValue(e) as Demand['kind']), touch()),
          },
          h('option', { value: 'share' }, 'A minimum share of the next winning deal'),
          h('option', { value: 'concession' }, 'A concession of points'),
          h('option', { value: 'option' }, 'An option on an issue'),
        ),
      ),
      draft.kind === 'share'
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'demand-share' }, 'Share (%)'),
            h('input', {
              id: 'demand-share',
              type: 'number',
              min: 1,
              max: 100,
              value: draft.share,
              oninput: (e: Event) => (draft.share = inputValue(e)),
            }),
          )
        : draft.kind === 'concession'
          ? h(
              'div',
              { class: 'field' },
              h('label', { for: 'demand-points' }, 'Points'),
              h('input', {
                id: 'demand-points',
                type: 'number',
                min: 1,
                max: 1000,
                value: draft.points,
                oninput: (e: Event) => (draft.points = inputValue(e)),
              }),
            )
          : h(
              'div',
              { class: 'cols' },
              h(
                'div',
                { class: 'field' },
                h('label', { for: 'demand-issue' }, 'Issue'),
                h(
                  'select',
                  {
                    id: 'demand-issue',
                    value: draft.issue,
                    onchange: (e: Event) => ((draft.issue = inputValue(e)), touch()),
                  },
                  issues.map((i) => h('option', { value: i.id }, i.name)),
                ),
              ),
              h(
                'div',
                { class: 'field' },
                h('label', { for: 'demand-option' }, 'Option'),
                h(
                  'select',
                  {
                    id: 'demand-option',
                    value: draft.option,
                    onchange: (e: Event) => ((draft.option = inputValue(e)), touch()),
                  },
                  issue.options.map((o) => h('option', { value: o.id }, o.name)),
                ),
              ),
            ),
      h(
        'div',
        { class: 'field' },
        h(
          'label',
          { for: 'escalate-rationale' },
          'Rationale',
          h('span', { class: 'hint' }, ' — why the table should back you (optional)'),
        ),
        h('input', {
          id: 'escalate-rationale',
          type: 'text',
          maxlength: 280,
          value: draft.escRationale,
          oninput: (e: Event) => (draft.escRationale = inputValue(e)),
        }),
      ),
      h('button', { type: 'submit', id: 'escalate', disabled: !negotiating }, `Go public (${rules.stageCost[0]} pts)`),
      errorFor('escalate'),
    ),
  );
}
