// Moments: the turning points the debrief and the coach talk about (DESIGN.md section 8). They
// are derived from the log alone by replaying it, so live play, a replay and an export agree.
// Pure: no I/O, no clock, no randomness.
import { DEFAULT_CONTINUE } from '../engine/setup';
import { currentWalkAway, escalationBite, rulesOf, pairKey, powerOf, round2, totalPower } from '../engine/rules';
import type { Demand, Escalation, GameEvent, GameState, RoundRecord, Scenario, Seat } from '../engine/types';
import type { LessonId } from './lessons';
import { replay, startOf, type GameRecord, type LogEntry } from './log';

export const MOMENT_KINDS = [
  'coalition-formed',
  'coalition-changed',
  'coalition-broke',
  'weak-coalition',
  'walk-away-cut',
  'labelled-concession',
  'question-answered',
  'package-from-answer',
  'escalation-public',
  'escalation-mobilised',
  'escalation-cosigned',
  'escalation-complaint',
  'escalation-action',
  'demand-met',
  'demand-refused',
  'demand-ignored',
  'escalation-lapsed',
  'below-declaration',
  'defection',
  'noise',
  'retaliation',
  'forgiveness',
  'honour-run',
  'unknown-end',
] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export interface Moment {
  /** The log entry the moment happened at. */
  seq: number;
  round: number;
  kind: MomentKind;
  /** The seats involved, the main actor first. */
  seats: number[];
  lesson: LessonId;
  /** One or two sentences with role names and glossary words, starting "Round N: ". */
  text: string;
  /** A rough weight, in about points, so the debrief can pick the largest moments. */
  magnitude: number;
}

// ---------------------------------------------------------------------------
// Words (shared with the coach)

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const STAGE_NAMES = ['', 'public', 'mobilise', 'formal complaint', 'action'];

/** "two", or "12" past ten. */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A number of points as people read it: at most two decimals, none when whole. */
export function pointsText(x: number): string {
  return String(round2(x));
}

export function percentText(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "Union's", "Dockworkers' Union's", "Residents'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** A seat's role name. */
export function seatName(scenario: Scenario, seat: Seat): string {
  return scenario.roles[seat]?.name ?? `Seat ${seat + 1}`;
}

/** An issue's option by name: "Independent review on Environmental review". */
export function optionText(scenario: Pick<Scenario, 'issues'>, issueId: string, optionId: string): string {
  const issue = scenario.issues.find((i) => i.id === issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  return `${option?.name ?? optionId} on ${issue?.name ?? issueId}`;
}

/** What a demand asks for, in words. */
export function demandText(scenario: Pick<Scenario, 'issues'>, d: Demand): string {
  switch (d.kind) {
    case 'share':
      return `${d.share}% of the next winning deal`;
    case 'concession':
      return `a concession of ${d.points} points`;
    case 'option':
      return optionText(scenario, d.issue, d.option);
  }
}

function sameSeats(a: readonly Seat[], b: readonly Seat[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The members of the deal a seat was in that round (deals are disjoint), or none. */
function coalitionOf(history: readonly RoundRecord[], round: number, seat: Seat): Seat[] {
  const h = history.find((x) => x.round === round);
  return h?.deals.find((d) => d.members.includes(seat))?.members ?? [];
}

// ---------------------------------------------------------------------------
// Finding moments

interface Run {
  a: Seat;
  b: Seat;
  start: number;
  last: number;
  /** Index of its moment once the run reaches three rounds. */
  index: number | null;
}

interface PendingConcession {
  index: number;
  giver: Seat;
  receiver: Seat;
  round: number;
  delta: number;
}

interface AnswerSeen {
  seq: number;
  round: number;
  asker: Seat;
  answerer: Seat;
  top: { issue: string; preferred: string };
}

/** Every moment of a game, derived by replaying its log; ordered by seq (ties in the order found). */
export function findMoments(record: GameRecord): Moment[] {
  const scenario = record.scenario;
  const name = (s: Seat) => seatName(scenario, s);
  const poss = (s: Seat) => possessive(name(s));
  const names = (seats: readonly Seat[]) => listNames(seats.map(name));
  const total = totalPower(scenario);
  const maxPower = Math.max(...scenario.roles.map((r) => r.power));
  const strongest = scenario.roles.map((r, i) => (r.power === maxPower ? i : -1)).filter((i) => i >= 0);

  const out: Moment[] = [];
  const add = (m: Moment): number => out.push(m) - 1;

  let lastWinning: Seat[] | null = null;
  let strongShutOut = false;
  const walkCut = new Map<Seat, number>();
  const proposalSeq = new Map<number, number>();
  const answers: AnswerSeen[] = [];
  const credited = new Set<string>();
  const concessions: PendingConcession[] = [];
  let betrayals: { defector: Seat; victim: Seat; round: number }[] = [];
  const runs = new Map<string, Run>();
  const allRuns: Run[] = [];

  const onResolve = (before: GameState, after: GameState, entry: LogEntry) => {
    const r = entry.round;
    const winning = after.deals.find((d) => d.wins) ?? null;
    const members = winning ? winning.members : null;
    if (members && winning) {
      const power = powerOf(scenario, members);
      if (!lastWinning) {
        add({
          seq: entry.seq, round: r, kind: 'coalition-formed', seats: members.slice(), lesson: 'map-power', magnitude: 30,
          text: `Round ${r}: ${names(members)} formed a winning coalition with ${power} of ${total} power (quota ${scenario.quota}), splitting the prize ${winning.split.join('/')}.`,
        });
      } else if (!sameSeats(lastWinning, members)) {
        const prev: Seat[] = lastWinning;
        const joined = members.filter((s) => !prev.includes(s));
        const left = prev.filter((s) => !members.includes(s));
        const parts: string[] = [];
        if (joined.length > 0) parts.push(`${names(joined)} joined`);
        if (left.length > 0) parts.push(`${names(left)} left`);
        add({
          seq: entry.seq, round: r, kind: 'coalition-changed', seats: [...joined, ...left], lesson: 'weight-is-not-power',
          magnitude: 10 + 8 * (joined.length + left.length),
          text: `Round ${r}: the winning coalition changed: ${parts.join(' and ')}; it is now ${names(members)} (${power} of ${total} power), splitting the prize ${winning.split.join('/')}.`,
        });
      }
      const shutOut = strongest.every((s) => !members.includes(s));
      if (shutOut && !strongShutOut) {
        add({
          seq: entry.seq, round: r, kind: 'weak-coalition', seats: [...members, ...strongest], lesson: 'coalitions-of-the-weak', magnitude: 40,
          text: `Round ${r}: ${names(members)} won without ${names(strongest)}, the strongest seat (power ${maxPower}): together they held ${power} of ${total}, enough for the quota of ${scenario.quota}.`,
        });
      }
      strongShutOut = shutOut;
      // Answers that shaped the package: the winning terms give the answerer its top priority.
      const madeAt = proposalSeq.get(winning.proposalId) ?? -1;
      for (const a of answers) {
        const key = `${a.asker}-${a.answerer}`;
        if (credited.has(key) || a.seq > madeAt) continue;
        if (!members.includes(a.asker) || !members.includes(a.answerer)) continue;
        if (winning.terms[a.top.issue] !== a.top.preferred) continue;
        credited.add(key);
        add({
          seq: entry.seq, round: r, kind: 'package-from-answer', seats: [a.answerer, a.asker], lesson: 'create-value-with-packages', magnitude: 20,
          text: `Round ${r}: the winning package gave ${name(a.answerer)} its top priority, ${optionText(scenario, a.top.issue, a.top.preferred)}, which it had told ${name(a.asker)} in round ${a.round}.`,
        });
      }
    } else if (lastWinning) {
      add({
        seq: entry.seq, round: r, kind: 'coalition-broke', seats: lastWinning.slice(), lesson: 'status-quo-favours-powerful', magnitude: 30,
        text: `Round ${r}: the coalition of ${names(lastWinning)} broke up: no deal reached the quota of ${scenario.quota}, so every seat fell back on its walk-away.`,
      });
      strongShutOut = false;
    }
    lastWinning = members;
    // Outsiders whose walk-away escalation has cut [make non-agreement costly for the powerful].
    for (let s = 0; s < scenario.roles.length; s++) {
      if (members && members.includes(s)) {
        walkCut.delete(s);
        continue;
      }
      const full = scenario.roles[s].walkAway;
      const got = currentWalkAway(before, s);
      if (got >= full) {
        walkCut.delete(s);
        continue;
      }
      if (walkCut.get(s) === got) continue;
      walkCut.set(s, got);
      const side: Seat[] = [];
      for (const e of before.escalations) {
        if (e.target !== s || e.stage < 2) continue;
        for (const x of [e.escalator, ...e.cosigners]) if (!side.includes(x)) side.push(x);
      }
      side.sort((x, y) => x - y);
      const where = members ? 'outside the winning deal' : 'with no winning deal';
      add({
        seq: entry.seq, round: r, kind: 'walk-away-cut', seats: [s, ...side], lesson: 'make-non-agreement-costly',
        magnitude: Math.round(10 + 1.5 * (full - got)),
        text: `Round ${r}: ${where}, ${name(s)} got ${pointsText(got)} instead of its walk-away of ${pointsText(full)}: escalation by ${names(side)} had cut it.`,
      });
    }
  };

  const onReveal = (pairs: Extract<GameEvent, { type: 'trust-revealed' }>['pairs'], events: GameEvent[], entry: LogEntry) => {
    const r = entry.round;
    const repLost = new Map<Seat, number>();
    for (const ev of events) {
      if (ev.type === 'reputation' && ev.cause === 'defect-on-honour') repLost.set(ev.seat, (repLost.get(ev.seat) ?? 0) - ev.delta);
    }
    // Defections on partners who honoured; a flip by noise is told apart.
    const victims = new Map<Seat, Seat[]>();
    const now: typeof betrayals = [];
    for (const p of pairs) {
      const sides = [
        { d: p.a, v: p.b, move: p.moveA, chosen: p.chosenA, other: p.moveB },
        { d: p.b, v: p.a, move: p.moveB, chosen: p.chosenB, other: p.moveA },
      ];
      for (const x of sides) {
        if (x.move !== 'defect' || x.other !== 'honour') continue;
        now.push({ defector: x.d, victim: x.v, round: r });
        if (x.chosen === 'honour') {
          add({
            seq: entry.seq, round: r, kind: 'noise', seats: [x.d, x.v], lesson: 'forgiveness-under-noise', magnitude: 12,
            text: `Round ${r}: noise turned ${poss(x.d)} honour toward ${name(x.v)} into a defection.`,
          });
        } else {
          victims.set(x.d, [...(victims.get(x.d) ?? []), x.v]);
        }
      }
    }
    // A defection that answers last round's betrayal is told as retaliation below, not here.
    const answering = (d: Seat, v: Seat) => betrayals.some((b) => b.round === r - 1 && b.defector === v && b.victim === d);
    for (const [d, all] of [...victims].sort((x, y) => x[0] - y[0])) {
      const vs = all.filter((v) => !answering(d, v)).sort((x, y) => x - y);
      if (vs.length === 0) continue;
      const lost = repLost.get(d) ?? 0;
      add({
        seq: entry.seq, round: r, kind: 'defection', seats: [d, ...vs], lesson: 'cooperation-pays-when-repeated',
        magnitude: 15 + 5 * (vs.length - 1) + lost,
        text: `Round ${r}: ${name(d)} defected on ${names(vs)}, who honoured${lost > 0 ? `; it lost ${lost} reputation` : ''}.`,
      });
    }
    // Last round's betrayals, answered in kind or forgiven.
    for (const b of betrayals) {
      if (b.round !== r - 1) continue;
      const p = pairs.find((x) => pairKey(x.a, x.b) === pairKey(b.defector, b.victim));
      if (!p) continue;
      const victimMove = p.a === b.victim ? p.moveA : p.moveB;
      const defectorMove = p.a === b.defector ? p.moveA : p.moveB;
      if (victimMove === 'defect') {
        add({
          seq: entry.seq, round: r, kind: 'retaliation', seats: [b.victim, b.defector], lesson: 'cooperation-pays-when-repeated', magnitude: 15,
          text: `Round ${r}: ${name(b.victim)} answered ${poss(b.defector)} defection in kind and defected back.`,
        });
      } else {
        add({
          seq: entry.seq, round: r, kind: 'forgiveness', seats: [b.victim, b.defector], lesson: 'forgiveness-under-noise', magnitude: 10,
          text: `Round ${r}: ${name(b.victim)} honoured ${name(b.defector)} again after being betrayed in round ${r - 1}, and ${name(b.defector)} ${defectorMove === 'honour' ? 'honoured too' : 'defected again'}.`,
        });
      }
    }
    betrayals = now;
    // Runs of mutual honour.
    for (const p of pairs) {
      const key = pairKey(p.a, p.b);
      if (p.moveA !== 'honour' || p.moveB !== 'honour') {
        runs.delete(key);
        continue;
      }
      let run = runs.get(key);
      if (!run || run.last !== r - 1) {
        run = { a: Math.min(p.a, p.b), b: Math.max(p.a, p.b), start: r, last: r, index: null };
        runs.set(key, run);
        allRuns.push(run);
      } else {
        run.last = r;
      }
      if (run.index === null && run.last - run.start + 1 === 3) {
        run.index = add({ seq: entry.seq, round: r, kind: 'honour-run', seats: [run.a, run.b], lesson: 'cooperation-pays-when-repeated', magnitude: 0, text: '' });
      }
    }
  };

  let before: GameState = startOf(record);
  const final = replay(record, (after, entry, events) => {
    const r = entry.round;
    if (entry.action.type === 'advance' && before.phase === 'negotiate') onResolve(before, after, entry);
    const ignored = new Map<Seat, number>();
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      switch (ev.type) {
        case 'proposed':
          proposalSeq.set(ev.proposal.id, entry.seq);
          break;
        case 'answered': {
          const top = ev.answer[0];
          if (!top) break;
          answers.push({ seq: entry.seq, round: r, asker: ev.from, answerer: ev.target, top });
          add({
            seq: entry.seq, round: r, kind: 'question-answered', seats: [ev.from, ev.target], lesson: 'ask-what-matters', magnitude: 4,
            text: `Round ${r}: ${name(ev.from)} asked ${name(ev.target)} what matters most, and it answered: ${scenario.issues.find((x) => x.id === top.issue)?.name ?? top.issue} first.`,
          });
          break;
        }
        case 'reputation':
          if (ev.cause === 'labelled-concession' && entry.action.type === 'concede') {
            const receiver = entry.action.to;
            const index = add({ seq: entry.seq, round: r, kind: 'labelled-concession', seats: [ev.seat, receiver], lesson: 'label-concessions', magnitude: 0, text: '' });
            concessions.push({ index, giver: ev.seat, receiver, round: r, delta: ev.delta });
          } else if (ev.cause === 'broke-declaration') {
            // Judged when the deal forms (resolve): the deal holding this seat is in `after`.
            const d = after.deals.find((x) => x.members.includes(ev.seat));
            const share = d ? d.split[d.members.indexOf(ev.seat)] : null;
            const declared = before.seats[ev.seat].declared;
            add({
              seq: entry.seq, round: r, kind: 'below-declaration', seats: [ev.seat], lesson: 'walk-away-clarity', magnitude: 15,
              text: `Round ${r}: ${name(ev.seat)} joined a deal giving it ${share ?? '?'}% after declaring a walk-away of ${declared ?? '?'}%, and lost ${-ev.delta} reputation.`,
            });
          } else if (ev.cause === 'ignored-demand') {
            ignored.set(ev.seat, (ignored.get(ev.seat) ?? 0) - ev.delta);
          }
          break;
        case 'escalated': {
          const e = ev.escalation;
          add({
            seq: entry.seq, round: r, kind: 'escalation-public', seats: [e.escalator, e.target], lesson: 'publicity-raises-refusal-cost', magnitude: 12,
            text: `Round ${r}: ${name(e.escalator)} went public against ${name(e.target)}, demanding ${demandText(scenario, e.demand)}${e.rationale ? `: "${e.rationale}"` : '.'}`,
          });
          break;
        }
        case 'raised': {
          const e = after.escalations.find((x) => x.id === ev.escalation);
          if (e) addRaise(e, ev.stage, entry, after);
          break;
        }
        case 'cosigned': {
          const e = after.escalations.find((x) => x.id === ev.escalation);
          if (!e) break;
          const share = escalationBite(rulesOf(after), scenario, e);
          const side = 1 + e.cosigners.length;
          add({
            seq: entry.seq, round: r, kind: 'escalation-cosigned', seats: [ev.seat, e.escalator, e.target], lesson: 'staged-escalation',
            magnitude: Math.round(8 + 30 * share),
            text:
              rulesOf(after) >= 3
                ? `Round ${r}: ${name(ev.seat)} co-signed ${poss(e.escalator)} escalation against ${name(e.target)}; ${countWord(side)} seats now stand behind it, and it bites at ${percentText(share)} of its full force.`
                : `Round ${r}: ${name(ev.seat)} co-signed ${poss(e.escalator)} escalation against ${name(e.target)}; their side now holds ${percentText(share)} of the power.`,
          });
          break;
        }
        case 'refused': {
          const e = after.escalations.find((x) => x.id === ev.escalation);
          if (!e) break;
          const rules = scenario.reputation;
          add({
            seq: entry.seq, round: r, kind: 'demand-refused', seats: [e.target, e.escalator], lesson: 'publicity-raises-refusal-cost', magnitude: 12,
            text: `Round ${r}: ${name(e.target)} refused ${poss(e.escalator)} demand (${demandText(scenario, e.demand)}) publicly: "${ev.rationale}" A public refusal costs it ${rules.refuseDemand} reputation a round instead of ${rules.ignoreDemand}.`,
          });
          break;
        }
        case 'demand-met': {
          const e = before.escalations.find((x) => x.id === ev.escalation);
          if (!e) break;
          const gained = new Map<Seat, number>();
          for (let j = i + 1; j < events.length; j++) {
            const x = events[j];
            if (x.type !== 'reputation' || x.cause !== 'demand-met') break;
            gained.set(x.seat, x.delta);
          }
          const gt = gained.get(e.target) ?? 0;
          const ge = gained.get(e.escalator) ?? 0;
          if (!ev.byTarget) {
            add({
              seq: entry.seq, round: r, kind: 'demand-met', seats: [e.escalator, e.target], lesson: 'staged-escalation', magnitude: 15,
              text: `Round ${r}: the winning deal gave ${name(e.escalator)} what it demanded of ${name(e.target)} (${demandText(scenario, e.demand)}) without ${name(e.target)}; the escalation ended, and nobody was credited.`,
            });
            break;
          }
          const credit =
            ge === 0
              ? gt > 0 ? ` and ${name(e.target)} gained ${gt} reputation for conceding` : ''
              : gt === ge ? ` and both gained ${gt} reputation` : ` and ${name(e.target)} gained ${gt} reputation, ${name(e.escalator)} ${ge}`;
          add({
            seq: entry.seq, round: r, kind: 'demand-met', seats: [e.target, e.escalator], lesson: 'de-escalation-saves-face', magnitude: 35,
            text: `Round ${r}: ${name(e.target)} met ${poss(e.escalator)} demand (${demandText(scenario, e.demand)}); the escalation ended${credit}.`,
          });
          break;
        }
        case 'lapsed': {
          const e = before.escalations.find((x) => x.id === ev.escalation);
          if (!e) break;
          add({
            seq: entry.seq, round: r, kind: 'escalation-lapsed', seats: [e.escalator, e.target], lesson: 'staged-escalation', magnitude: 6,
            text: `Round ${r}: ${poss(e.escalator)} escalation against ${name(e.target)} lapsed at stage ${e.stage} (${STAGE_NAMES[e.stage]}): it was not renewed.`,
          });
          break;
        }
        case 'trust-revealed':
          // The event shows the table the moves as played; the debrief also knows what each seat chose.
          onReveal(after.history[after.history.length - 1]?.trust ?? ev.pairs, events, entry);
          break;
        case 'ended': {
          const last = after.history[after.history.length - 1];
          const moves = last ? last.trust.length * 2 : 0;
          const honours = last ? last.trust.reduce((n, p) => n + (p.moveA === 'honour' ? 1 : 0) + (p.moveB === 'honour' ? 1 : 0), 0) : 0;
          const range =
            record.config.rounds !== undefined
              ? 'the number of rounds was never shown'
              : after.config.rules === 2
                ? `it was drawn from ${scenario.rounds.min}–${scenario.rounds.max}`
                : `after round ${scenario.rounds.min} each further round happened with a chance of ${Math.round((scenario.rounds.continue ?? DEFAULT_CONTINUE) * 100)}%`;
          add({
            seq: entry.seq, round: r, kind: 'unknown-end', seats: [], lesson: 'shadow-of-the-future', magnitude: 20,
            text:
              `Round ${r}: the game ended after ${countWord(ev.totalRounds)} rounds, a number nobody at the table knew in advance (${range})` +
              (moves > 0 ? `; in the last round ${honours} of ${moves} trust moves were honour.` : '.'),
          });
          break;
        }
        default:
          break;
      }
    }
    for (const [target, lost] of [...ignored].sort((x, y) => x[0] - y[0])) {
      const by = before.escalations.filter((e) => e.target === target && e.refusal === null).map((e) => e.escalator);
      const what = by.length === 1 ? `${poss(by[0])} public demand` : `${countWord(by.length)} public demands`;
      add({
        seq: entry.seq, round: r, kind: 'demand-ignored', seats: [target, ...by], lesson: 'publicity-raises-refusal-cost', magnitude: lost,
        text: `Round ${r}: ${name(target)} ignored ${what} and lost ${lost} reputation.`,
      });
    }
    before = after;
  });

  function addRaise(e: Escalation, stage: number, entry: LogEntry, state: GameState): void {
    const r = entry.round;
    const demand = demandText(scenario, e.demand);
    if (stage === 2) {
      add({
        seq: entry.seq, round: r, kind: 'escalation-mobilised', seats: [e.escalator, e.target], lesson: 'staged-escalation', magnitude: 15,
        text: `Round ${r}: ${name(e.escalator)} mobilised against ${name(e.target)} over ${demand}; allies can now co-sign.`,
      });
    } else if (stage === 3) {
      add({
        seq: entry.seq, round: r, kind: 'escalation-complaint', seats: [e.escalator, e.target], lesson: 'staged-escalation', magnitude: 18,
        text: `Round ${r}: ${name(e.escalator)} filed a formal complaint against ${name(e.target)} over ${demand}, cutting its walk-away further.`,
      });
    } else if (stage === 4) {
      const rules = state.scenario.escalation;
      const loss = rules.actionTargetLoss * escalationBite(rulesOf(state), scenario, e);
      add({
        seq: entry.seq, round: r, kind: 'escalation-action', seats: [e.escalator, ...e.cosigners, e.target], lesson: 'make-non-agreement-costly', magnitude: 25,
        text:
          rulesOf(state) >= 3 && e.cosigners.length > 0
            ? `Round ${r}: ${name(e.escalator)} took action against ${name(e.target)} over ${demand}: each round it stands, ${name(e.target)} loses ${pointsText(loss)} points and ${listNames([e.escalator, ...e.cosigners].map(name))} ${pointsText(rules.actionEscalatorLoss)} each.`
            : `Round ${r}: ${name(e.escalator)} took action against ${name(e.target)} over ${demand}: each round it stands, ${name(e.target)} loses ${pointsText(loss)} points and ${name(e.escalator)} ${pointsText(rules.actionEscalatorLoss)}.`,
      });
    }
  }

  // Concessions: did seats join the giver's coalition within the next round?
  // A seat joining counts once for a giver, for its earliest concession that round or the one before.
  const joinCredited = new Set<string>();
  for (const c of concessions) {
    const joined = new Set<Seat>();
    for (const round of [c.round, c.round + 1]) {
      const prior = coalitionOf(final.history, round - 1, c.giver);
      for (const s of coalitionOf(final.history, round, c.giver)) {
        const key = `${c.giver}:${s}:${round}`;
        if (s === c.giver || prior.includes(s) || joinCredited.has(key)) continue;
        joinCredited.add(key);
        joined.add(s);
      }
    }
    const seats = [...joined].sort((x, y) => x - y);
    const m = out[c.index];
    m.seats = [c.giver, c.receiver, ...seats.filter((s) => s !== c.receiver)];
    m.magnitude = 2 * c.delta + 12 * seats.length;
    m.text =
      seats.length > 0
        ? `Round ${c.round}: ${poss(c.giver)} labelled concession raised its reputation by ${c.delta}; ${countWord(seats.length)} ${seats.length === 1 ? 'seat' : 'seats'} joined its coalition: ${names(seats)}.`
        : `Round ${c.round}: ${poss(c.giver)} labelled concession to ${name(c.receiver)} raised its reputation by ${c.delta}; no new seat joined its coalition.`;
  }
  for (const run of allRuns) {
    if (run.index === null) continue;
    const m = out[run.index];
    const length = run.last - run.start + 1;
    m.magnitude = 4 * length;
    m.text = `Round ${m.round}: ${name(run.a)} and ${name(run.b)} honoured each other for a third round in a row; the run lasted ${countWord(length)} rounds (${run.start}–${run.last}).`;
  }

  return out
    .map((m, i) => ({ m, i }))
    .sort((x, y) => x.m.seq - y.m.seq || x.i - y.i)
    .map((x) => x.m);
}

/**
 * The n largest moments, told in the order they happened. At most `perKind` of one kind are
 * picked while others remain, so one long feud does not crowd out the rest of the story.
 */
export function topMoments(moments: readonly Moment[], n: number, perKind = 2): Moment[] {
  const ranked = moments
    .map((m, i) => ({ m, i }))
    .sort((x, y) => y.m.magnitude - x.m.magnitude || x.m.seq - y.m.seq || x.i - y.i);
  const picked = new Set<number>();
  const perKindCount = new Map<MomentKind, number>();
  for (const { m, i } of ranked) {
    if (picked.size >= n) break;
    const c = perKindCount.get(m.kind) ?? 0;
    if (c >= perKind) continue;
    perKindCount.set(m.kind, c + 1);
    picked.add(i);
  }
  for (const { i } of ranked) {
    if (picked.size >= n) break;
    picked.add(i);
  }
  return [...picked]
    .sort((x, y) => moments[x].seq - moments[y].seq || x - y)
    .map((i) => moments[i]);
}
