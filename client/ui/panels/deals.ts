// Proposals: the ones you can see, with accept / withdraw / reject / counter, and the composer —
// pick seats, split the prize, choose an option per issue — with a live check of the quota, the
// veto and what the package is worth to you.
import type { PromisedConcession, Seat, Terms } from '../../../shared/engine/types';
import type { ProposalView, TableView } from '../../../shared/engine/view';
import { act } from '../../app';
import { checkCoalition, myShare, packageWorth, proportionalSplit, pts, signed, termsValue } from '../../game/derive';
import { demandText, optionName, roleName, termsText } from '../../game/format';
import { store, type AppState } from '../../game/store';
import { errorFor, inputValue, seatMark, touch } from '../common';
import { h, type VNode } from '../dom';

interface Draft {
  scope: string;
  members: Seat[];
  split: Record<number, string>;
  splitEdited: boolean;
  terms: Terms;
  promises: { from: Seat; to: Seat; points: string }[];
  rationale: string;
  visibility: 'public' | 'members';
  counterTo: number | null;
  rejectOpen: number | null;
  rejectReason: string;
}

export const draft: Draft = {
  scope: '',
  members: [],
  split: {},
  splitEdited: false,
  terms: {},
  promises: [],
  rationale: '',
  visibility: 'public',
  counterTo: null,
  rejectOpen: null,
  rejectReason: '',
};

function bestTermsFor(view: TableView): Terms {
  const terms: Terms = {};
  for (const issue of view.scenario.issues) {
    let best = issue.options[0].id;
    let bestV = -Infinity;
    for (const o of issue.options) {
      const v = view.me?.role.values[issue.id]?.[o.id] ?? 0;
      if (v > bestV) {
        bestV = v;
        best = o.id;
      }
    }
    terms[issue.id] = best;
  }
  return terms;
}

function resplit(view: TableView): void {
  const members = [...draft.members].sort((a, b) => a - b);
  const shares = proportionalSplit(members.map((m) => view.seats[m].power));
  draft.split = Object.fromEntries(members.map((m, i) => [m, String(shares[i])]));
  draft.splitEdited = false;
}

function ensureDraft(view: TableView): void {
  const me = view.me!.seat;
  const scope = `${view.scenario.id}:${me}`;
  if (draft.scope === scope) return;
  draft.scope = scope;
  draft.members = [me];
  draft.terms = bestTermsFor(view);
  draft.promises = [];
  draft.rationale = '';
  draft.counterTo = null;
  resplit(view);
}

/** Starts a counter-proposal from an existing one: same seats, split and terms. */
export function counterFrom(view: TableView, p: ProposalView): void {
  ensureDraft(view);
  const me = view.me!.seat;
  draft.members = p.members.includes(me) ? [...p.members] : [...p.members, me];
  draft.split = Object.fromEntries(p.members.map((m, i) => [m, String(p.split[i])]));
  if (!p.members.includes(me)) draft.split[me] = '0';
  draft.splitEdited = true;
  draft.terms = { ...p.terms };
  draft.counterTo = p.id;
  draft.rationale = '';
  touch();
  requestAnimationFrame(() => {
    const el = document.getElementById('compose');
    el?.scrollIntoView({ block: 'start' });
    document.getElementById('compose-rationale')?.focus();
  });
}

function toggleMember(view: TableView, seat: Seat, on: boolean): void {
  const set = new Set(draft.members);
  if (on) set.add(seat);
  else set.delete(seat);
  set.add(view.me!.seat);
  draft.members = [...set].sort((a, b) => a - b);
  draft.promises = draft.promises.filter((p) => set.has(p.from) && set.has(p.to));
  if (!draft.splitEdited) resplit(view);
  else for (const m of draft.members) draft.split[m] ??= '0';
  touch();
}

/** The draft's promised concessions as the proposal will carry them. */
function draftPromises(): PromisedConcession[] {
  return draft.promises.map((p) => ({ from: p.from, to: p.to, points: Number(p.points) })).filter((p) => p.points > 0);
}

function splitSum(): number {
  return draft.members.reduce((a, m) => a + (Number(draft.split[m]) || 0), 0);
}

function coalitionLine(view: TableView, members: Seat[], id: string): VNode {
  const c = checkCoalition(view.scenario, members);
  return h(
    'div',
    { class: 'checkline', id },
    h(
      'span',
      { class: c.reachesQuota ? 'ok' : 'warn' },
      c.reachesQuota ? '✔ ' : '✖ ',
      `power ${c.power} of ${c.quota} needed`,
    ),
    c.missingVeto.length
      ? h('span', { class: 'warn' }, `✖ missing veto: ${c.missingVeto.map((v) => roleName(view, v)).join(', ')}`)
      : view.scenario.roles.some((r) => r.veto)
        ? h('span', { class: 'ok' }, '✔ veto inside')
        : null,
    h('span', { class: c.wins ? 'ok' : 'muted' }, c.wins ? 'would win if all accept' : 'would not win'),
  );
}

function worthLine(
  view: TableView,
  share: number | null,
  terms: Terms,
  promises: readonly PromisedConcession[],
  id: string,
): VNode | null {
  if (share === null || !view.me) return null;
  const w = packageWorth(view, share, terms, promises);
  if (!w) return null;
  return h(
    'p',
    { class: 'worth', id },
    'Worth to you: ',
    h('strong', null, `${pts(w.total)} a round`),
    ` (${pts(w.prize)} prize + ${pts(w.terms)} from the terms${w.promisedOut > 0 ? ` − ${pts(w.promisedOut)} you promise to hand over` : ''}) against a walk-away of ${pts(w.walkAway)}: `,
    h('strong', { class: w.gain >= 0 ? 'pos' : 'neg' }, `${signed(w.gain)}`),
    w.promisedIn > 0 ? ` · ${pts(w.promisedIn)} more promised to you, paid only if the giver honours you` : '',
  );
}

function proposalCard(state: AppState, view: TableView, p: ProposalView): VNode {
  const me = view.viewer;
  const member = me !== null && p.members.includes(me);
  const accepting = me !== null && view.me?.acceptance === p.id;
  const share = myShare(p.members, p.split, me);
  const focused = state.focusProposal === p.id;
  const playing = view.phase === 'negotiate' && view.me !== null;
  return h(
    'article',
    {
      key: p.id,
      class: `card tight proposal${p.proposer === me ? ' mine' : ''}`,
      id: `proposal-${p.id}`,
      'aria-label': `Proposal ${p.id} by ${roleName(view, p.proposer)}`,
    },
    h(
      'div',
      { class: 'head' },
      h(
        'strong',
        null,
        seatMark(p.proposer),
        p.proposer === me ? 'Your proposal' : `${roleName(view, p.proposer)}`,
        ` #${p.id}`,
      ),
      h(
        'span',
        { class: 'small muted' },
        p.counterTo !== null ? `counters #${p.counterTo} · ` : '',
        p.visibility === 'members' ? 'members only' : 'public',
        p.round < view.round ? ` · from round ${p.round}` : '',
      ),
    ),
    h(
      'div',
      { class: 'members' },
      p.members.map((m, i) =>
        h(
          'span',
          { key: m },
          seatMark(m, 14),
          `${m === me ? 'You' : roleName(view, m)} ${p.split[i]}%`,
          p.acceptedBy.includes(m)
            ? h('span', { class: 'accepted-tag', title: 'accepts' }, ' ✓')
            : h('span', { class: 'muted' }, ' …'),
        ),
      ),
    ),
    h('p', { class: 'small' }, termsText(view.scenario, p.terms)),
    p.rationale ? h('p', { class: 'small' }, `“${p.rationale}”`) : null,
    p.promises.length
      ? h(
          'p',
          { class: 'small' },
          'Promised concessions: ',
          p.promises.map((x) => `${roleName(view, x.from)} → ${roleName(view, x.to)} ${x.points} pts`).join('; '),
        )
      : null,
    coalitionLine(view, p.members, `check-${p.id}`),
    h('p', { class: 'small muted' }, `${p.acceptedBy.length} of ${p.members.length} accept.`),
    member ? worthLine(view, share, p.terms, p.promises, `worth-${p.id}`) : null,
    p.rejections.length
      ? h(
          'p',
          { class: 'small' },
          p.rejections.map((r) => `${roleName(view, r.seat)} rejected${r.reason ? `: “${r.reason}”` : ''}`).join(' · '),
        )
      : null,
    h(
      'div',
      { class: 'row' },
      playing && member && !accepting
        ? h(
            'button',
            {
              class: 'primary',
              id: `accept-${p.id}`,
              onclick: () => act('accept', { proposal: p.id }, `accept:${p.id}`),
            },
            'Accept',
          )
        : null,
      playing && accepting
        ? h(
            'button',
            { id: `withdraw-${p.id}`, onclick: () => act('withdraw', {}, `withdraw:${p.id}`) },
            p.proposer === me ? 'Withdraw my support' : 'Withdraw',
          )
        : null,
      playing && member && p.proposer !== me
        ? h(
            'button',
            {
              class: 'danger',
              id: `reject-${p.id}`,
              'aria-expanded': draft.rejectOpen === p.id,
              onclick: () => ((draft.rejectOpen = draft.rejectOpen === p.id ? null : p.id), touch()),
            },
            'Reject…',
          )
        : null,
      playing ? h('button', { id: `counter-${p.id}`, onclick: () => counterFrom(view, p) }, 'Counter') : null,
      h(
        'button',
        { class: 'ghost', 'aria-pressed': focused, onclick: () => store.set({ focusProposal: focused ? null : p.id }) },
        focused ? 'Hide on table' : 'Show on table',
      ),
    ),
    draft.rejectOpen === p.id && playing
      ? h(
          'form',
          {
            class: 'row',
            style: 'margin-top:8px',
            onsubmit: (e: Event) => {
              e.preventDefault();
              act(
                'reject',
                { proposal: p.id, ...(draft.rejectReason.trim() ? { reason: draft.rejectReason.trim() } : {}) },
                `reject:${p.id}`,
              );
              draft.rejectOpen = null;
              draft.rejectReason = '';
            },
          },
          h(
            'div',
            { class: 'grow' },
            h('label', { for: `reject-reason-${p.id}`, class: 'sr-only' }, 'Reason (optional)'),
            h('input', {
              id: `reject-reason-${p.id}`,
              type: 'text',
              maxlength: 280,
              placeholder: 'Why? (optional, shown to its members)',
              value: draft.rejectReason,
              oninput: (e: Event) => (draft.rejectReason = inputValue(e)),
            }),
          ),
          h('button', { type: 'submit', class: 'danger', id: `reject-send-${p.id}` }, 'Reject'),
        )
      : null,
    errorFor(`accept:${p.id}`),
    errorFor(`withdraw:${p.id}`),
    errorFor(`reject:${p.id}`),
  );
}

function composer(view: TableView): VNode {
  ensureDraft(view);
  const me = view.me!.seat;
  const sum = splitSum();
  const share = Number(draft.split[me]) || 0;
  const counter = draft.counterTo !== null ? view.proposals.find((p) => p.id === draft.counterTo) : null;
  const splits = draft.members.map((m) => Number(draft.split[m]) || 0);
  const submit = (e: Event) => {
    e.preventDefault();
    if (draft.members.length < 2)
      return store.setError('propose', 'Pick at least one other seat: a deal needs two members.');
    if (sum !== 100) return store.setError('propose', `The shares add up to ${sum}%; they must add up to 100%.`);
    const promises = draftPromises();
    act(
      'propose',
      {
        members: draft.members,
        split: splits,
        terms: draft.terms,
        ...(promises.length ? { promises } : {}),
        ...(draft.rationale.trim() ? { rationale: draft.rationale.trim() } : {}),
        visibility: draft.visibility,
        ...(draft.counterTo !== null ? { counterTo: draft.counterTo } : {}),
      },
      'propose',
    );
    draft.counterTo = null;
  };
  return h(
    'form',
    { class: 'card', id: 'compose', 'aria-labelledby': 'compose-h', onsubmit: submit },
    h('h3', { id: 'compose-h' }, counter ? `Counter proposal #${counter.id}` : 'Make a proposal'),
    h('p', { class: 'muted small' }, 'A new proposal replaces your open one and counts as your acceptance.'),
    h(
      'fieldset',
      null,
      h('legend', null, 'Seats and the split of the prize'),
      h(
        'div',
        { class: 'member-picks' },
        view.seats.map((s) => {
          const on = draft.members.includes(s.seat);
          return h(
            'div',
            { class: 'member-pick', key: s.seat },
            h('input', {
              type: 'checkbox',
              id: `member-${s.seat}`,
              checked: on,
              disabled: s.seat === me,
              onchange: (e: Event) => toggleMember(view, s.seat, (e.target as HTMLInputElement).checked),
            }),
            h(
              'label',
              { for: `member-${s.seat}`, title: s.name },
              seatMark(s.seat),
              h('span', { class: 'n' }, s.seat === me ? 'You' : s.name),
              h('span', { class: 'muted small' }, `${s.power}${s.veto ? ' ·veto' : ''}`),
            ),
            on
              ? h(
                  'span',
                  null,
                  h('label', { for: `split-${s.seat}`, class: 'sr-only' }, `share for ${s.name} in percent`),
                  h('input', {
                    type: 'number',
                    id: `split-${s.seat}`,
                    min: 0,
                    max: 100,
                    step: 1,
                    value: draft.split[s.seat] ?? '0',
                    oninput: (e: Event) => {
                      draft.split[s.seat] = inputValue(e);
                      draft.splitEdited = true;
                      touch();
                    },
                  }),
                )
              : h('span', { class: 'muted small' }, 'out'),
          );
        }),
      ),
      h(
        'div',
        { class: 'row', style: 'margin-top:6px' },
        h('span', { class: `sum ${sum === 100 ? 'ok' : 'warn'}`, id: 'split-sum' }, `Total ${sum}%`),
        h(
          'button',
          { type: 'button', class: 'ghost', id: 'split-power', onclick: () => (resplit(view), touch()) },
          'Split by power',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'ghost',
            onclick: () => {
              const eq = proportionalSplit(draft.members.map(() => 1));
              draft.split = Object.fromEntries(draft.members.map((m, i) => [m, String(eq[i])]));
              draft.splitEdited = true;
              touch();
            },
          },
          'Split equally',
        ),
      ),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Terms: one option per issue'),
      view.scenario.issues.map((issue) =>
        h(
          'div',
          { class: 'field', key: issue.id },
          h('label', { for: `terms-${issue.id}` }, issue.name),
          h(
            'select',
            {
              id: `terms-${issue.id}`,
              value: draft.terms[issue.id],
              onchange: (e: Event) => ((draft.terms = { ...draft.terms, [issue.id]: inputValue(e) }), touch()),
            },
            issue.options.map((o) =>
              h(
                'option',
                { value: o.id },
                `${o.name} (${signed(view.me!.role.values[issue.id]?.[o.id] ?? 0)} for you)`,
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'details',
      { class: 'field' },
      h('summary', null, `Promised concessions (${draft.promises.length})`),
      h(
        'p',
        { class: 'muted small' },
        'Points one member hands another after the trust stage, only if it honoured that member.',
      ),
      draft.promises.map((p, i) =>
        h(
          'div',
          { class: 'row', key: i, style: 'margin-bottom:6px' },
          h('label', { class: 'sr-only', for: `promise-from-${i}` }, 'from'),
          h(
            'select',
            {
              id: `promise-from-${i}`,
              value: String(p.from),
              onchange: (e: Event) => ((p.from = Number(inputValue(e))), touch()),
            },
            draft.members.map((m) => h('option', { value: String(m) }, m === me ? 'You' : roleName(view, m))),
          ),
          h('span', null, '→'),
          h('label', { class: 'sr-only', for: `promise-to-${i}` }, 'to'),
          h(
            'select',
            {
              id: `promise-to-${i}`,
              value: String(p.to),
              onchange: (e: Event) => ((p.to = Number(inputValue(e))), touch()),
            },
            draft.members.map((m) => h('option', { value: String(m) }, m === me ? 'You' : roleName(view, m))),
          ),
          h('label', { class: 'sr-only', for: `promise-points-${i}` }, 'points'),
          h('input', {
            id: `promise-points-${i}`,
            type: 'number',
            min: 1,
            max: 1000,
            style: 'width:80px',
            value: p.points,
            oninput: (e: Event) => (p.points = inputValue(e)),
          }),
          h(
            'button',
            { type: 'button', class: 'ghost', onclick: () => (draft.promises.splice(i, 1), touch()) },
            'Remove',
          ),
        ),
      ),
      draft.members.length >= 2
        ? h(
            'button',
            {
              type: 'button',
              class: 'ghost',
              onclick: () => (
                draft.promises.push({ from: me, to: draft.members.find((m) => m !== me)!, points: '5' }),
                touch()
              ),
            },
            'Add a promised concession',
          )
        : h('p', { class: 'muted small' }, 'Pick members first.'),
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: 'compose-rationale' },
        'Rationale',
        h('span', { class: 'hint' }, ' — explain your demands (optional, 280 characters)'),
      ),
      h('textarea', {
        id: 'compose-rationale',
        maxlength: 280,
        rows: 2,
        value: draft.rationale,
        oninput: (e: Event) => (draft.rationale = inputValue(e)),
      }),
    ),
    h(
      'div',
      { class: 'row field', role: 'radiogroup', 'aria-label': 'Who sees it' },
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'radio',
          name: 'visibility',
          checked: draft.visibility === 'public',
          onchange: () => ((draft.visibility = 'public'), touch()),
        }),
        'Public',
      ),
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'radio',
          name: 'visibility',
          checked: draft.visibility === 'members',
          onchange: () => ((draft.visibility = 'members'), touch()),
        }),
        'Members only',
      ),
    ),
    coalitionLine(view, draft.members, 'compose-check'),
    worthLine(view, share, draft.terms, draftPromises(), 'compose-worth'),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'submit', class: 'primary', id: 'propose' },
        counter ? `Send counter to #${counter.id}` : 'Propose',
      ),
      counter
        ? h(
            'button',
            { type: 'button', class: 'ghost', onclick: () => ((draft.counterTo = null), touch()) },
            'Not a counter',
          )
        : null,
    ),
    errorFor('propose'),
  );
}

function demandsOnMe(view: TableView): VNode | null {
  const me = view.viewer;
  const mine = view.escalations.filter((e) => e.target === me);
  if (!mine.length) return null;
  return h(
    'div',
    { class: 'card tight' },
    h('strong', null, 'Public demands on you: '),
    mine.map((e) => `${roleName(view, e.escalator)} wants ${demandText(view.scenario, e.demand)}`).join('; '),
    h('span', { class: 'muted small' }, ' — see Moves.'),
  );
}

export function dealsPanel(state: AppState, view: TableView): VNode {
  const me = view.viewer;
  // Yours first, then those that include you, then the rest; newest first within each.
  const rank = (p: ProposalView) => (p.proposer === me ? 0 : me !== null && p.members.includes(me) ? 1 : 2);
  const open = [...view.proposals].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
  const negotiating = view.phase === 'negotiate';
  const deals = view.deals;
  return h(
    'div',
    null,
    deals.length
      ? h(
          'section',
          { class: 'card tight', id: 'deals-now' },
          h('h3', null, `Deals this round`),
          deals.map((d) =>
            h(
              'p',
              { key: d.proposalId, class: 'small' },
              h('strong', { class: d.wins ? 'ok' : 'muted' }, d.wins ? 'Winning deal: ' : 'Deal (not winning): '),
              d.members.map((m) => (m === me ? 'You' : roleName(view, m))).join(', '),
              ` — ${termsText(view.scenario, d.terms)}`,
            ),
          ),
        )
      : null,
    demandsOnMe(view),
    h('h3', null, `Proposals (${open.length})`),
    open.length === 0
      ? h(
          'p',
          { class: 'muted' },
          negotiating
            ? 'No proposals yet. Make the first one below: pick the seats whose votes you need and offer each a package.'
            : 'No open proposals.',
        )
      : null,
    open.map((p) => proposalCard(state, view, p)),
    view.me && negotiating ? composer(view) : null,
    view.me && !negotiating
      ? h('p', { class: 'muted small' }, 'Proposals are made and accepted while the table negotiates.')
      : null,
  );
}

/** The value of an option to me, for option pickers elsewhere. */
export function optionWithValue(view: TableView, issue: string, option: string): string {
  const v = view.me?.role.values[issue]?.[option] ?? 0;
  return `${optionName(view.scenario, issue, option)} (${signed(v)} for you)`;
}

export { termsValue };
