// Moments of escalation (DESIGN 2.1): each stage, co-signers, public refusals, demands ignored,
// met or made moot, lapses, and the whole ladder of an escalation that climbed stage by stage.
// Who met a demand is read from the log entry that ended it: the target's own concession, or a
// winning deal the target sat in. A deal the target stayed out of meets nothing on its behalf.
import { escalationBite, rulesOf } from '../engine/rules';
import type { Deal, Demand, Escalation, GameEvent, GameState, Seat } from '../engine/types';
import type { LogEntry } from './log';
import type { Moments } from './moment-types';
import { countWord, demandText, listNames, optionText, pointsText, percentText, STAGE_NAMES } from './words';

/** How an escalation ended: met by its target, by others, lapsed, or still standing at the end. */
type Ending =
  { kind: 'met'; text: string } | { kind: 'moot'; members: Seat[] } | { kind: 'lapsed' } | { kind: 'standing' };

interface Ladder {
  escalator: Seat;
  target: Seat;
  demand: Demand;
  /** Each stage reached, with the round it was reached in. */
  steps: { stage: number; round: number }[];
  cosigners: { seat: Seat; round: number }[];
  renewals: number[];
}

export class EscalationMoments {
  private ladders = new Map<number, Ladder>();

  constructor(private m: Moments) {}

  private demand(d: Demand): string {
    return demandText(this.m.scenario, d);
  }

  escalated(e: Escalation, entry: LogEntry): void {
    const { m } = this;
    const r = entry.round;
    this.ladders.set(e.id, {
      escalator: e.escalator,
      target: e.target,
      demand: e.demand,
      steps: [{ stage: 1, round: r }],
      cosigners: [],
      renewals: [],
    });
    m.add({
      seq: entry.seq,
      round: r,
      kind: 'escalation-public',
      seats: [e.escalator, e.target],
      lesson: 'publicity-raises-refusal-cost',
      magnitude: 12,
      text: `Round ${r}: ${m.name(e.escalator)} went public against ${m.name(e.target)}, demanding ${this.demand(e.demand)}${e.rationale ? `: "${e.rationale}"` : '.'}`,
    });
  }

  raised(e: Escalation, stage: number, entry: LogEntry, state: GameState): void {
    const { m } = this;
    const r = entry.round;
    this.ladders.get(e.id)?.steps.push({ stage, round: r });
    const demand = this.demand(e.demand);
    if (stage === 2) {
      m.add({
        seq: entry.seq,
        round: r,
        kind: 'escalation-mobilised',
        seats: [e.escalator, e.target],
        lesson: 'staged-escalation',
        magnitude: 15,
        text: `Round ${r}: ${m.name(e.escalator)} mobilised against ${m.name(e.target)} over ${demand}; allies can now co-sign.`,
      });
    } else if (stage === 3) {
      m.add({
        seq: entry.seq,
        round: r,
        kind: 'escalation-complaint',
        seats: [e.escalator, e.target],
        lesson: 'staged-escalation',
        magnitude: 18,
        text: `Round ${r}: ${m.name(e.escalator)} filed a formal complaint against ${m.name(e.target)} over ${demand}, cutting its walk-away further.`,
      });
    } else if (stage === 4) {
      const rules = state.scenario.escalation;
      const loss = rules.actionTargetLoss * escalationBite(rulesOf(state), m.scenario, e);
      m.add({
        seq: entry.seq,
        round: r,
        kind: 'escalation-action',
        seats: [e.escalator, ...e.cosigners, e.target],
        lesson: 'make-non-agreement-costly',
        magnitude: 25,
        text:
          rulesOf(state) >= 3 && e.cosigners.length > 0
            ? `Round ${r}: ${m.name(e.escalator)} took action against ${m.name(e.target)} over ${demand}: each round it stands, ${m.name(e.target)} loses ${pointsText(loss)} points and ${m.names([e.escalator, ...e.cosigners])} ${pointsText(rules.actionEscalatorLoss)} each.`
            : `Round ${r}: ${m.name(e.escalator)} took action against ${m.name(e.target)} over ${demand}: each round it stands, ${m.name(e.target)} loses ${pointsText(loss)} points and ${m.name(e.escalator)} ${pointsText(rules.actionEscalatorLoss)}.`,
      });
    }
  }

  cosigned(e: Escalation, seat: Seat, entry: LogEntry, state: GameState): void {
    const { m } = this;
    const r = entry.round;
    this.ladders.get(e.id)?.cosigners.push({ seat, round: r });
    const share = escalationBite(rulesOf(state), m.scenario, e);
    const side = 1 + e.cosigners.length;
    m.add({
      seq: entry.seq,
      round: r,
      kind: 'escalation-cosigned',
      seats: [seat, e.escalator, e.target],
      lesson: 'staged-escalation',
      magnitude: Math.round(8 + 30 * share),
      text:
        rulesOf(state) >= 3
          ? `Round ${r}: ${m.name(seat)} co-signed ${m.poss(e.escalator)} escalation against ${m.name(e.target)}; ${countWord(side)} seats now stand behind it, and it bites at ${percentText(share)} of its full force.`
          : `Round ${r}: ${m.name(seat)} co-signed ${m.poss(e.escalator)} escalation against ${m.name(e.target)}; their side now holds ${percentText(share)} of the power.`,
    });
  }

  renewed(id: number, entry: LogEntry): void {
    this.ladders.get(id)?.renewals.push(entry.round);
  }

  refused(e: Escalation, rationale: string, entry: LogEntry): void {
    const { m } = this;
    const r = entry.round;
    const rules = m.scenario.reputation;
    m.add({
      seq: entry.seq,
      round: r,
      kind: 'demand-refused',
      seats: [e.target, e.escalator],
      lesson: 'publicity-raises-refusal-cost',
      magnitude: 12,
      text: `Round ${r}: ${m.name(e.target)} refused ${m.poss(e.escalator)} demand (${this.demand(e.demand)}) publicly: "${rationale}" A public refusal costs it ${rules.refuseDemand} reputation a round instead of ${rules.ignoreDemand}.`,
    });
  }

  /** Targets that let public demands stand unanswered through a round, with the reputation lost. */
  ignored(ignored: ReadonlyMap<Seat, number>, before: GameState, entry: LogEntry): void {
    const { m } = this;
    for (const [target, lost] of [...ignored].sort((x, y) => x[0] - y[0])) {
      const by = before.escalations.filter((e) => e.target === target && e.refusal === null).map((e) => e.escalator);
      const what = by.length === 1 ? `${m.poss(by[0])} public demand` : `${countWord(by.length)} public demands`;
      m.add({
        seq: entry.seq,
        round: entry.round,
        kind: 'demand-ignored',
        seats: [target, ...by],
        lesson: 'publicity-raises-refusal-cost',
        magnitude: lost,
        text: `Round ${entry.round}: ${m.name(target)} ignored ${what} and lost ${lost} reputation.`,
      });
    }
  }

  /**
   * A demand-met event: `e` is the escalation as it stood before the entry, `events[i]` the event;
   * the reputation events right after it are the credit the rules gave for it.
   */
  met(e: Escalation, events: readonly GameEvent[], i: number, entry: LogEntry, after: GameState): void {
    const { m } = this;
    const r = entry.round;
    const gained: [Seat, number][] = [];
    for (let j = i + 1; j < events.length; j++) {
      const x = events[j];
      if (x.type !== 'reputation' || x.cause !== 'demand-met') break;
      gained.push([x.seat, x.delta]);
    }
    const credit = creditText(gained, m.name);
    const demand = this.demand(e.demand);
    const a = entry.action;
    const winning = a.type === 'advance' ? (after.deals.find((d) => d.wins) ?? null) : null;
    if (winning && !winning.members.includes(e.target)) {
      // The table's deal gave the escalator what it asked for, without the target: nobody met it on the target's behalf.
      const by = winning.members.slice();
      const others = [e.escalator, e.target].filter((s) => !by.includes(s));
      const targetCredited = gained.some(([s, d]) => s === e.target && d > 0);
      m.add({
        seq: entry.seq,
        round: r,
        kind: 'demand-moot',
        seats: [...by, ...others],
        lesson: 'coalitions-of-the-weak',
        magnitude: 25,
        text:
          `Round ${r}: the winning deal of ${m.names(by)}, without ${m.name(e.target)}, ${dealGives(m, winning, e)}, so ${m.poss(e.escalator)} demand on ${m.name(e.target)} (${demand}) was settled by others; the escalation ended` +
          (targetCredited
            ? `${credit}.`
            : `${credit}, and ${m.name(e.target)}, which did nothing to meet it, earned no credit.`),
      });
      this.end(e.id, { kind: 'moot', members: by }, entry);
      return;
    }
    let how: string;
    if (a.type === 'concede' && a.seat === e.target) how = `with a concession of ${pointsText(a.points)} points`;
    else if (winning) how = `by joining the winning deal that ${dealGives(m, winning, e)}`;
    else how = '';
    const subject = how
      ? `${m.name(e.target)} met ${m.poss(e.escalator)} demand (${demand}) ${how}`
      : `${m.poss(e.escalator)} demand on ${m.name(e.target)} (${demand}) was met`;
    m.add({
      seq: entry.seq,
      round: r,
      kind: 'demand-met',
      seats: [e.target, e.escalator],
      lesson: 'de-escalation-saves-face',
      magnitude: 35,
      text: `Round ${r}: ${subject}; the escalation ended${credit}.`,
    });
    this.end(e.id, { kind: 'met', text: `${m.name(e.target)} met the demand in round ${r}` }, entry);
  }

  lapsed(e: Escalation, entry: LogEntry): void {
    const { m } = this;
    const r = entry.round;
    m.add({
      seq: entry.seq,
      round: r,
      kind: 'escalation-lapsed',
      seats: [e.escalator, e.target],
      lesson: 'staged-escalation',
      magnitude: 6,
      text: `Round ${r}: ${m.poss(e.escalator)} escalation against ${m.name(e.target)} lapsed at stage ${e.stage} (${STAGE_NAMES[e.stage]}): it was not renewed.`,
    });
    this.end(e.id, { kind: 'lapsed' }, entry);
  }

  /** The game ended: escalations still standing are told as they stand. */
  gameEnded(entry: LogEntry): void {
    for (const id of [...this.ladders.keys()]) this.end(id, { kind: 'standing' }, entry);
  }

  /** An escalation that climbed past going public is told as one ladder, stage by stage. */
  private end(id: number, ending: Ending, entry: LogEntry): void {
    const { m } = this;
    const l = this.ladders.get(id);
    this.ladders.delete(id);
    if (!l) return;
    const top = l.steps[l.steps.length - 1].stage;
    if (top < 2) return;
    const r = entry.round;
    const byRound = new Map<number, string[]>();
    for (const s of l.steps) byRound.set(s.round, [...(byRound.get(s.round) ?? []), STAGE_NAMES[s.stage]]);
    const climb = [...byRound].map(([round, stages]) => `${listNames(stages)} in round ${round}`).join(', ');
    const cosigned = l.cosigners.length > 0 ? `, co-signed by ${m.names(l.cosigners.map((c) => c.seat))}` : '';
    const renewed =
      l.renewals.length > 0
        ? `, renewed ${l.renewals.length === 1 ? 'once' : `${countWord(l.renewals.length)} times`}`
        : '';
    const close =
      ending.kind === 'met'
        ? `${ending.text}`
        : ending.kind === 'moot'
          ? `the winning deal of ${m.names(ending.members)} settled it without ${m.name(l.target)} in round ${r}`
          : ending.kind === 'lapsed'
            ? `it lapsed at stage ${top} in round ${r}`
            : `it still stood at stage ${top} (${STAGE_NAMES[top]}) when the game ended`;
    m.add({
      seq: entry.seq,
      round: r,
      kind: 'escalation-staged',
      seats: [l.escalator, ...l.cosigners.map((c) => c.seat), l.target],
      lesson: 'staged-escalation',
      magnitude: 10 + 6 * top,
      text: `Round ${r}: ${m.poss(l.escalator)} escalation against ${m.name(l.target)} over ${this.demand(l.demand)} went up stage by stage (${climb}${cosigned}${renewed}); ${close}.`,
    });
  }
}

/** What a winning deal did that answers a demand: "gives Residents 35%", "puts X in force". */
function dealGives(m: Moments, deal: Deal, e: Escalation): string {
  const d = e.demand;
  if (d.kind === 'share') {
    const i = deal.members.indexOf(e.escalator);
    return `gives ${m.name(e.escalator)} ${i >= 0 ? deal.split[i] : 0}%`;
  }
  if (d.kind === 'option') return `puts ${optionText(m.scenario, d.issue, d.option)} in force`;
  return 'formed';
}

/** " and Authority gained 4 reputation", " and Authority and Residents each gained 4 reputation". */
function creditText(gained: readonly [Seat, number][], name: (s: Seat) => string): string {
  const up = gained.filter(([, d]) => d !== 0);
  if (up.length === 0) return '';
  if (up.every(([, d]) => d === up[0][1]))
    return ` and ${listNames(up.map(([s]) => name(s)))} ${up.length > 1 ? 'each ' : ''}gained ${pointsText(up[0][1])} reputation`;
  return ` and ${up.map(([s, d], k) => (k === 0 ? `${name(s)} gained ${pointsText(d)} reputation` : `${name(s)} ${pointsText(d)}`)).join(', ')}`;
}
