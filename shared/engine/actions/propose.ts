import { NOT_TEXT, refuse } from '../errors';
import { isSeat, MAX_TEXT, optionalText } from '../rules';
import { audienceOf, Tx } from '../tx';
import type { Action, ApplyResult, GameState, PromisedConcession, Proposal, Seat } from '../types';

type Propose = Extract<Action, { type: 'propose' }>;

const MAX_PROMISES = 16;
const MAX_PROMISE_POINTS = 1000;

/** Checks a set of terms: exactly one known option for every issue. */
export function checkTerms(state: GameState, terms: unknown): string | null {
  if (typeof terms !== 'object' || terms === null || Array.isArray(terms))
    return 'Terms must name one option for each issue.';
  const t = terms as Record<string, unknown>;
  for (const key of Object.keys(t)) {
    if (!state.scenario.issues.some((i) => i.id === key)) return `"${key}" is not an issue of this scenario.`;
  }
  for (const issue of state.scenario.issues) {
    const option = t[issue.id];
    if (option === undefined) return `Choose an option for ${issue.name}.`;
    if (!issue.options.some((o) => o.id === option))
      return `${JSON.stringify(option)} is not an option of ${issue.name}.`;
  }
  return null;
}

/**
 * propose / counter (DESIGN 2.1): a new proposal replaces the seat's open one, and proposing
 * counts as accepting it, which withdraws the seat's earlier acceptance. That keeps every seat
 * behind at most one proposal, so deals are disjoint whatever the order of clicks.
 */
export function propose(state: GameState, a: Propose): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Proposals can be made only while the table negotiates.');
  const n = state.seats.length;
  if (!Array.isArray(a.members) || a.members.length < 2 || a.members.length > n)
    return refuse('bad-members', 'A deal needs at least two members.');
  if (!a.members.every((m) => isSeat(state, m)))
    return refuse('bad-members', 'Every member must be a seat at this table.');
  if (new Set(a.members).size !== a.members.length) return refuse('bad-members', 'A seat can be listed only once.');
  if (!a.members.includes(a.seat)) return refuse('bad-members', 'You must be a member of your own proposal.');
  if (!Array.isArray(a.split) || a.split.length !== a.members.length)
    return refuse('bad-split', 'Give every member a share of the prize.');
  if (!a.split.every((s) => Number.isInteger(s) && s >= 0 && s <= 100))
    return refuse('bad-split', 'Shares must be whole percentages from 0 to 100.');
  if (a.split.reduce((x, y) => x + y, 0) !== 100) return refuse('bad-split', 'The shares must add up to 100%.');
  const termsProblem = checkTerms(state, a.terms);
  if (termsProblem) return refuse('bad-terms', termsProblem);
  const promises = a.promises ?? [];
  if (!Array.isArray(promises) || promises.length > MAX_PROMISES)
    return refuse('bad-promise', `At most ${MAX_PROMISES} promised concessions per proposal.`);
  for (const p of promises) {
    if (typeof p !== 'object' || p === null)
      return refuse('bad-promise', 'A promised concession names who gives how many points to whom.');
    if (!a.members.includes(p.from) || !a.members.includes(p.to) || p.from === p.to)
      return refuse('bad-promise', 'A promised concession goes from one member to another member.');
    if (!Number.isInteger(p.points) || p.points < 1 || p.points > MAX_PROMISE_POINTS)
      return refuse(
        'bad-promise',
        `A promised concession is a whole number of points from 1 to ${MAX_PROMISE_POINTS}.`,
      );
  }
  const rationale = optionalText(a.rationale);
  if (rationale === null) return NOT_TEXT;
  if (rationale.length > MAX_TEXT) return refuse('text-too-long', `A rationale is at most ${MAX_TEXT} characters.`);
  const visibility = a.visibility ?? 'public';
  if (visibility !== 'public' && visibility !== 'members')
    return refuse('bad-members', 'A proposal is public or for its members only.');
  const counterTo = a.counterTo ?? null;
  if (counterTo !== null && !state.proposals.some((p) => p.id === counterTo && canSee(p, a.seat)))
    return refuse('unknown-proposal', 'The proposal you counter is no longer open.');

  const order = a.members.map((m, i) => [m, a.split[i]] as const).sort((x, y) => x[0] - y[0]);
  const tx = new Tx(state);
  const id = tx.nextId();
  const proposal: Proposal = {
    id,
    round: state.round,
    proposer: a.seat,
    members: order.map(([m]) => m),
    split: order.map(([, s]) => s),
    terms: { ...a.terms },
    promises: promises.map((p: PromisedConcession) => ({ from: p.from, to: p.to, points: p.points })),
    rationale,
    visibility,
    counterTo,
    rejections: [],
  };
  const replaced = state.proposals.find((p) => p.proposer === a.seat);
  const proposals = state.proposals.filter((p) => p.proposer !== a.seat);
  proposals.push(proposal);
  tx.patch({ proposals });
  if (replaced) dropAcceptances(tx, replaced);
  tx.seat(a.seat, { acceptance: id });
  tx.emit({ to: audienceOf(visibility, proposal.members), type: 'proposed', proposal });
  return tx.done();
}

/** Members of a replaced proposal no longer stand behind anything. */
function dropAcceptances(tx: Tx, replaced: Proposal): void {
  for (const seat of tx.state.seats) {
    if (seat.acceptance === replaced.id) {
      tx.seat(seat.seat, { acceptance: null });
      tx.emit({
        to: audienceOf(replaced.visibility, replaced.members),
        type: 'withdrew',
        seat: seat.seat,
        proposal: replaced.id,
      });
    }
  }
}

/** Public proposals are seen by all; the others only by their members. */
export function canSee(p: Proposal, seat: Seat | null): boolean {
  return p.visibility === 'public' || (seat !== null && p.members.includes(seat));
}
