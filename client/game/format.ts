// Words for what happened: every event becomes a sentence for the feed, in the glossary's terms
// (DESIGN 9). Pure: names come from the view and the lobby state passed in.
import type {
  Demand,
  Escalation,
  GameEvent,
  IncomeSource,
  Phase,
  ReputationCause,
  Seat,
  Terms,
} from '../../shared/engine/types';
import type { PublicScenario, TableView } from '../../shared/engine/view';
import { pct, pts, signed } from './derive';
import type { FeedItem, LobbyState } from './store';

export const PHASE_NAMES: Record<Phase, string> = {
  prepare: 'Prepare',
  negotiate: 'Negotiate',
  resolve: 'Resolve',
  trust: 'Trust',
  score: 'Score',
  end: 'Debrief',
};

export const PHASE_HINTS: Record<Phase, string> = {
  prepare: 'Read your briefing, study the power map, then start.',
  negotiate: 'Propose, accept, ask, concede, escalate, talk. Say Ready when you are done.',
  resolve: 'Fully accepted proposals become deals; one that reaches the quota wins.',
  trust: 'Honour or defect with each partner in your deal. Moves are revealed together.',
  score: 'Points, reputation and escalations update.',
  end: 'The game is over: every number is revealed.',
};

export const INCOME_NAMES: Record<IncomeSource, string> = {
  prize: 'share of the prize',
  walkAway: 'walk-away',
  values: 'terms in force',
  trust: 'trust stage',
  concessions: 'concessions',
  escalation: 'escalation',
};

export const REPUTATION_CAUSES: Record<ReputationCause, string> = {
  answer: 'answered a question',
  'labelled-concession': 'labelled concession',
  'silent-concession': 'silent concession',
  honour: 'honoured every partner',
  'defect-on-honour': 'defected on a partner who honoured',
  'ignored-demand': 'ignored a public demand',
  'refused-demand': 'refused a public demand',
  'demand-met': 'demand met',
  'broke-declaration': 'accepted less than its declared minimum share',
};

export const STAGE_NAMES = ['', 'go public', 'mobilise', 'formal complaint', 'action'] as const;

export function roleName(view: Pick<TableView, 'seats'>, seat: Seat): string {
  return view.seats[seat]?.name ?? `Seat ${seat + 1}`;
}

/** "You", or the role's name. */
export function who(view: Pick<TableView, 'seats' | 'viewer'>, seat: Seat): string {
  return seat === view.viewer ? 'You' : roleName(view, seat);
}

/** Who plays a seat: the person's name, "bot", or "open seat". */
export function playerLabel(lobby: LobbyState | null, seat: Seat): { text: string; bot: boolean; human: boolean } {
  const s = lobby?.seats?.[seat];
  if (!s) return { text: '', bot: false, human: false };
  if (s.playedBy === 'bot')
    return { text: s.kind === 'human' && s.name ? `${s.name} (bot stands in)` : 'bot', bot: true, human: false };
  if (s.playedBy === 'human') return { text: s.name || 'player', bot: false, human: true };
  return { text: 'open seat', bot: false, human: false };
}

export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function optionName(s: Pick<PublicScenario, 'issues'>, issue: string, option: string): string {
  return s.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.name ?? option;
}

export function issueName(s: Pick<PublicScenario, 'issues'>, issue: string): string {
  return s.issues.find((i) => i.id === issue)?.name ?? issue;
}

export function termsText(s: Pick<PublicScenario, 'issues'>, terms: Terms | null): string {
  if (!terms) return 'no terms';
  return s.issues.map((i) => optionName(s, i.id, terms[i.id] ?? '')).join(' · ');
}

export function demandText(s: Pick<PublicScenario, 'issues'>, d: Demand): string {
  switch (d.kind) {
    case 'share':
      return `at least ${d.share}% of the next winning deal`;
    case 'concession':
      return `a concession of ${d.points} points`;
    case 'option':
      return `${issueName(s, d.issue)}: ${optionName(s, d.issue, d.option)}`;
  }
}

export function splitText(view: Pick<TableView, 'seats' | 'viewer'>, members: Seat[], split: number[]): string {
  return members.map((m, i) => `${who(view, m)} ${split[i]}%`).join(', ');
}

/**
 * One feed line per event this seat can see (null for those not worth a line). `known` holds
 * escalations as announced, for lines about ones no longer in the view.
 */
export function describe(
  view: TableView,
  e: GameEvent,
  known?: ReadonlyMap<number, Escalation>,
): Omit<FeedItem, 'id' | 'round'> | null {
  const escalation = (id: number) => view.escalations.find((q) => q.id === id) ?? known?.get(id);
  const s = view.scenario;
  const me = view.viewer;
  const w = (seat: Seat) => who(view, seat);
  const mine = (...seats: Seat[]) => me !== null && seats.includes(me);
  switch (e.type) {
    case 'phase':
      if (e.phase === 'end') return { kind: 'phase', text: 'The game is over. The debrief is open.', mine: false };
      return { kind: 'phase', text: `Round ${e.round}: ${PHASE_NAMES[e.phase]}.`, mine: false };
    case 'proposed': {
      const p = e.proposal;
      const counter = p.counterTo !== null ? ' (a counter-proposal)' : '';
      const vis = p.visibility === 'members' ? ' to its members only' : '';
      const why = p.rationale ? ` — “${p.rationale}”` : '';
      return {
        kind: 'proposal',
        text: `${w(p.proposer)} proposed${counter}${vis}: ${splitText(view, p.members, p.split)}; ${termsText(s, p.terms)}${why}`,
        mine: mine(...p.members),
      };
    }
    case 'accepted':
      return {
        kind: 'proposal',
        text: `${w(e.seat)} ${e.seat === me ? 'accept' : 'accepts'} proposal #${e.proposal}.`,
        mine: mine(e.seat),
      };
    case 'withdrew':
      return { kind: 'proposal', text: `${w(e.seat)} withdrew from proposal #${e.proposal}.`, mine: mine(e.seat) };
    case 'rejected':
      return {
        kind: 'proposal',
        text: `${w(e.seat)} rejected proposal #${e.proposal}${e.reason ? `: “${e.reason}”` : '.'}`,
        mine: mine(e.seat),
      };
    case 'asked':
      return {
        kind: 'talk',
        text: `${w(e.from)} asked ${e.target === me ? 'you' : roleName(view, e.target)} what matters most.`,
        mine: mine(e.from, e.target),
      };
    case 'answered': {
      const top = e.answer
        .slice(0, 2)
        .map((a) => `${issueName(s, a.issue)} (prefers ${optionName(s, a.issue, a.preferred)})`)
        .join(', then ');
      return {
        kind: 'talk',
        text: `${w(e.target)} answered ${e.from === me ? 'you' : roleName(view, e.from)}: cares most about ${top}.`,
        mine: mine(e.from, e.target),
      };
    }
    case 'declined':
      return { kind: 'talk', text: `${w(e.target)} declined to say what matters most.`, mine: mine(e.from, e.target) };
    case 'conceded': {
      const cost = e.labelled
        ? ` — a labelled concession costing ${pct(e.costShare)} of ${e.from === me ? 'your' : 'its'} points`
        : ' (silently)';
      const why = e.rationale ? `: “${e.rationale}”` : '';
      return {
        kind: 'concession',
        text: `${w(e.from)} gave ${e.receiver === me ? 'you' : roleName(view, e.receiver)} ${pts(e.points)} points${cost}${why}`,
        mine: mine(e.from, e.receiver),
      };
    }
    case 'declared':
      return {
        kind: 'talk',
        text: `${w(e.seat)} declared a minimum share: no deal below ${e.share}%.`,
        mine: mine(e.seat),
      };
    case 'escalated': {
      const x = e.escalation;
      const why = x.rationale ? ` — “${x.rationale}”` : '';
      return {
        kind: 'escalation',
        text: `${w(x.escalator)} went public against ${x.target === me ? 'you' : roleName(view, x.target)}, demanding ${demandText(s, x.demand)}${why}`,
        mine: mine(x.escalator, x.target),
      };
    }
    case 'raised': {
      const x = escalation(e.escalation);
      const names = x
        ? `${w(x.escalator)} raised the escalation against ${x.target === me ? 'you' : roleName(view, x.target)}`
        : `Escalation #${e.escalation} rose`;
      return {
        kind: 'escalation',
        text: `${names} to stage ${e.stage} (${STAGE_NAMES[e.stage] ?? ''}).`,
        mine: x ? mine(x.escalator, x.target) : false,
      };
    }
    case 'renewed': {
      const x = escalation(e.escalation);
      return {
        kind: 'escalation',
        text: x
          ? `${w(x.escalator)} renewed the escalation against ${x.target === me ? 'you' : roleName(view, x.target)} for another round.`
          : `Escalation #${e.escalation} was renewed for another round.`,
        mine: x ? mine(x.escalator, x.target) : false,
      };
    }
    case 'cosigned': {
      const x = escalation(e.escalation);
      return {
        kind: 'escalation',
        text: x
          ? `${w(e.seat)} co-signed ${who(view, x.escalator) === 'You' ? 'your' : `${roleName(view, x.escalator)}’s`} escalation against ${x.target === me ? 'you' : roleName(view, x.target)}.`
          : `${w(e.seat)} co-signed escalation #${e.escalation}.`,
        mine: mine(e.seat),
      };
    }
    case 'refused': {
      const x = escalation(e.escalation);
      return {
        kind: 'escalation',
        text: x
          ? `${w(x.target)} refused the demand of ${roleName(view, x.escalator)} publicly: “${e.rationale}”`
          : `The demand of escalation #${e.escalation} was refused publicly: “${e.rationale}”`,
        mine: x ? mine(x.escalator, x.target) : false,
      };
    }
    case 'demand-met': {
      // Who met it, and whether it earned credit, is told by the reputation lines that follow.
      const x = escalation(e.escalation);
      return {
        kind: 'escalation',
        text: x
          ? `The demand of ${roleName(view, x.escalator)} on ${x.target === me ? 'you' : roleName(view, x.target)} was met; the escalation ends.`
          : `The demand of escalation #${e.escalation} was met; the escalation ends.`,
        mine: x ? mine(x.escalator, x.target) : false,
      };
    }
    case 'lapsed': {
      const x = escalation(e.escalation);
      return {
        kind: 'escalation',
        text: x
          ? `The escalation of ${roleName(view, x.escalator)} against ${x.target === me ? 'you' : roleName(view, x.target)} lapsed.`
          : `Escalation #${e.escalation} lapsed.`,
        mine: x ? mine(x.escalator, x.target) : false,
      };
    }
    case 'chat': {
      const m = e.message;
      const to = m.to === null ? '' : m.to === me ? ' (to you)' : ` (to ${roleName(view, m.to)})`;
      return { kind: 'talk', text: `${w(m.from)}${to}: ${m.text}`, mine: mine(m.from) || m.to === me };
    }
    case 'trust-chosen':
      return {
        kind: 'trust',
        text: `You chose to ${e.move} with ${roleName(view, e.partner)} (hidden until the reveal).`,
        mine: true,
      };
    case 'trust-revealed': {
      if (e.pairs.length === 0) return null;
      const moves = e.pairs.length * 2;
      const honours = e.pairs.reduce((a, p) => a + (p.moveA === 'honour' ? 1 : 0) + (p.moveB === 'honour' ? 1 : 0), 0);
      const mineLines: string[] = [];
      for (const p of e.pairs) {
        if (p.a !== me && p.b !== me) continue;
        const other = p.a === me ? p.b : p.a;
        const theirs = p.a === me ? p.moveB : p.moveA;
        const own = p.a === me ? p.moveA : p.moveB;
        mineLines.push(
          `${roleName(view, other)} ${theirs === 'honour' ? 'honoured' : 'defected on'} you (you ${own === 'honour' ? 'honoured' : 'defected'})`,
        );
      }
      const tail = mineLines.length ? `: ${mineLines.join('; ')}` : '';
      return {
        kind: 'trust',
        text: `Trust revealed: ${honours} of ${moves} moves honoured${tail}.`,
        mine: mineLines.length > 0,
      };
    }
    case 'deal': {
      const d = e.deal;
      const names = listNames(d.members.map((m) => w(m)));
      return {
        kind: 'deal',
        text: d.wins
          ? `Deal wins: ${names} (power ${d.power} of ${s.quota} needed). Its terms apply to every seat: ${termsText(s, d.terms)}.`
          : `A deal formed without winning: ${names} (power ${d.power}, quota ${s.quota}${d.power >= s.quota ? ', missing a veto' : ''}).`,
        mine: mine(...d.members),
      };
    }
    case 'no-winning-deal':
      return {
        kind: 'deal',
        text: 'No deal won this round: every seat gets its walk-away and no terms apply.',
        mine: false,
      };
    case 'points':
      if (e.seat !== me) return null;
      return { kind: 'points', text: `${signed(e.delta)} points to you (${INCOME_NAMES[e.cause]}).`, mine: true };
    case 'reputation':
      return {
        kind: 'reputation',
        text: `${e.seat === me ? 'Your' : `${roleName(view, e.seat)}’s`} reputation ${signed(e.delta)}: ${REPUTATION_CAUSES[e.cause]}.`,
        mine: mine(e.seat),
      };
    case 'ready':
      return null;
    case 'ended':
      return {
        kind: 'phase',
        text: `The game lasted ${e.totalRounds} rounds. Nobody knew which round was the last.`,
        mine: false,
      };
  }
}
