// Moments: the turning points the debrief and the coach talk about (DESIGN.md section 8). They
// are derived from the log alone by replaying it, so live play, a replay and an export agree.
// Each moment names who did what as the log records it: the seat whose action it was, never a
// seat the outcome merely touched. Pure: no I/O, no clock, no randomness.
import { DEFAULT_CONTINUE } from '../engine/setup';
import { currentWalkAway, powerOf, totalPower } from '../engine/rules';
import type { GameState, Seat } from '../engine/types';
import { replay, startOf, type GameRecord, type LogEntry } from './log';
import { Moments, type Moment, type MomentKind } from './moment-types';
import { EscalationMoments } from './moments-escalation';
import { TrustMoments } from './moments-trust';
import { countWord, optionText, pointsText } from './words';

export { MOMENT_KINDS, type Moment, type MomentKind } from './moment-types';
export { countWord, demandText, listNames, optionText, percentText, pointsText, possessive, seatName } from './words';

function sameSeats(a: readonly Seat[], b: readonly Seat[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

interface PendingConcession {
  index: number;
  seq: number;
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

interface AskSeen {
  id: number;
  round: number;
  asker: Seat;
  target: Seat;
  open: boolean;
}

/** The winning coalition of a round, and the log entry that formed it. */
interface Resolved {
  seq: number;
  members: Seat[] | null;
}

/** Every moment of a game, derived by replaying its log; ordered by seq (ties in the order found). */
export function findMoments(record: GameRecord): Moment[] {
  const scenario = record.scenario;
  const m = new Moments(scenario);
  const { name, poss, names } = m;
  const add = (x: Moment) => m.add(x);
  const total = totalPower(scenario);
  const maxPower = Math.max(...scenario.roles.map((r) => r.power));
  const strongest = scenario.roles.map((r, i) => (r.power === maxPower ? i : -1)).filter((i) => i >= 0);
  const trust = new TrustMoments(m);
  const escalation = new EscalationMoments(m);

  let lastWinning: Seat[] | null = null;
  let strongShutOut = false;
  const walkCut = new Map<Seat, number>();
  const proposalSeq = new Map<number, number>();
  const answers: AnswerSeen[] = [];
  const asks = new Map<number, AskSeen>();
  const declared = new Map<Seat, number>();
  const credited = new Set<string>();
  const concessions: PendingConcession[] = [];
  const resolved = new Map<number, Resolved>();

  const onResolve = (before: GameState, after: GameState, entry: LogEntry) => {
    const r = entry.round;
    const winning = after.deals.find((d) => d.wins) ?? null;
    const members = winning ? winning.members : null;
    resolved.set(r, { seq: entry.seq, members });
    // Questions of this round nobody answered before the deals were made.
    for (const q of asks.values()) {
      if (q.round !== r || !q.open) continue;
      q.open = false;
      add({
        seq: entry.seq,
        round: r,
        kind: 'question-unanswered',
        seats: [q.asker, q.target],
        lesson: 'ask-what-matters',
        magnitude: 3,
        text: `Round ${r}: ${name(q.asker)} asked ${name(q.target)} what matters most; ${name(q.target)} had not answered when the round's deals were made.`,
      });
    }
    if (members && winning) {
      const power = powerOf(scenario, members);
      if (!lastWinning) {
        add({
          seq: entry.seq,
          round: r,
          kind: 'coalition-formed',
          seats: members.slice(),
          lesson: 'map-power',
          magnitude: 30,
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
          seq: entry.seq,
          round: r,
          kind: 'coalition-changed',
          seats: [...joined, ...left],
          lesson: 'weight-is-not-power',
          magnitude: 10 + 8 * (joined.length + left.length),
          text: `Round ${r}: the winning coalition changed: ${parts.join(' and ')}; it is now ${names(members)} (${power} of ${total} power), splitting the prize ${winning.split.join('/')}.`,
        });
      }
      const shutOut = strongest.every((s) => !members.includes(s));
      if (shutOut && !strongShutOut) {
        add({
          seq: entry.seq,
          round: r,
          kind: 'weak-coalition',
          seats: [...members, ...strongest],
          lesson: 'coalitions-of-the-weak',
          magnitude: 40,
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
          seq: entry.seq,
          round: r,
          kind: 'package-from-answer',
          seats: [a.answerer, a.asker],
          lesson: 'create-value-with-packages',
          magnitude: 20,
          text: `Round ${r}: the winning package gave ${name(a.answerer)} its top priority, ${optionText(scenario, a.top.issue, a.top.preferred)}, which it had told ${name(a.asker)} in round ${a.round}.`,
        });
      }
    } else if (lastWinning) {
      add({
        seq: entry.seq,
        round: r,
        kind: 'coalition-broke',
        seats: lastWinning.slice(),
        lesson: 'status-quo-favours-powerful',
        magnitude: 30,
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
        seq: entry.seq,
        round: r,
        kind: 'walk-away-cut',
        seats: [s, ...side],
        lesson: 'make-non-agreement-costly',
        magnitude: Math.round(10 + 1.5 * (full - got)),
        text: `Round ${r}: ${where}, ${name(s)} got ${pointsText(got)} instead of its walk-away of ${pointsText(full)}: escalation by ${names(side)} had cut it.`,
      });
    }
  };

  let before: GameState = startOf(record);
  replay(record, (after, entry, events) => {
    const r = entry.round;
    if (entry.action.type === 'advance' && before.phase === 'negotiate') onResolve(before, after, entry);
    const ignored = new Map<Seat, number>();
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      switch (ev.type) {
        case 'proposed':
          proposalSeq.set(ev.proposal.id, entry.seq);
          break;
        case 'asked':
          asks.set(ev.ask, { id: ev.ask, round: r, asker: ev.from, target: ev.target, open: true });
          break;
        case 'answered': {
          const q = asks.get(ev.ask);
          if (q) q.open = false;
          const top = ev.answer[0];
          if (!top) break;
          answers.push({ seq: entry.seq, round: r, asker: ev.from, answerer: ev.target, top });
          add({
            seq: entry.seq,
            round: r,
            kind: 'question-answered',
            seats: [ev.from, ev.target],
            lesson: 'ask-what-matters',
            magnitude: 4,
            text: `Round ${r}: ${name(ev.from)} asked ${name(ev.target)} what matters most, and ${name(ev.target)} answered: ${scenario.issues.find((x) => x.id === top.issue)?.name ?? top.issue} first.`,
          });
          break;
        }
        case 'declined': {
          const q = asks.get(ev.ask);
          if (q) q.open = false;
          add({
            seq: entry.seq,
            round: r,
            kind: 'question-declined',
            seats: [ev.from, ev.target],
            lesson: 'ask-what-matters',
            magnitude: 3,
            text: `Round ${r}: ${name(ev.from)} asked ${name(ev.target)} what matters most; ${name(ev.target)} declined to answer.`,
          });
          break;
        }
        case 'declared': {
          // Declared in prepare (round 0), it stands from round 1.
          const round = Math.max(1, r);
          const earlier = declared.get(ev.seat);
          declared.set(ev.seat, ev.share);
          const text =
            earlier === undefined
              ? `declared a minimum share of ${ev.share}%: joining a deal that gives it less would cost it reputation`
              : ev.share === earlier
                ? `declared its minimum share of ${ev.share}% again`
                : `${ev.share > earlier ? 'raised' : 'lowered'} its declared minimum share from ${earlier}% to ${ev.share}%`;
          add({
            seq: entry.seq,
            round,
            kind: 'declaration',
            seats: [ev.seat],
            lesson: 'walk-away-clarity',
            magnitude: 6,
            text: `Round ${round}: ${name(ev.seat)} ${text}.`,
          });
          break;
        }
        case 'reputation':
          if (ev.cause === 'labelled-concession' && entry.action.type === 'concede') {
            const receiver = entry.action.to;
            const index = add({
              seq: entry.seq,
              round: r,
              kind: 'labelled-concession',
              seats: [ev.seat, receiver],
              lesson: 'label-concessions',
              magnitude: 0,
              text: '',
            });
            concessions.push({ index, seq: entry.seq, giver: ev.seat, receiver, round: r, delta: ev.delta });
          } else if (ev.cause === 'broke-declaration') {
            // Judged when the deal forms (resolve): the deal holding this seat is in `after`.
            const d = after.deals.find((x) => x.members.includes(ev.seat));
            const share = d ? d.split[d.members.indexOf(ev.seat)] : null;
            const floor = before.seats[ev.seat].declared;
            add({
              seq: entry.seq,
              round: r,
              kind: 'below-declaration',
              seats: [ev.seat],
              lesson: 'walk-away-clarity',
              magnitude: 15,
              text: `Round ${r}: ${name(ev.seat)} joined a deal giving it ${share ?? '?'}% after declaring a minimum share of ${floor ?? '?'}%, and lost ${-ev.delta} reputation.`,
            });
          } else if (ev.cause === 'ignored-demand') {
            ignored.set(ev.seat, (ignored.get(ev.seat) ?? 0) - ev.delta);
          }
          break;
        case 'escalated':
          escalation.escalated(ev.escalation, entry);
          break;
        case 'raised': {
          const e = after.escalations.find((x) => x.id === ev.escalation);
          if (e) escalation.raised(e, ev.stage, entry, after);
          break;
        }
        case 'cosigned': {
          const e = after.escalations.find((x) => x.id === ev.escalation);
          if (e) escalation.cosigned(e, ev.seat, entry, after);
          break;
        }
        case 'renewed':
          escalation.renewed(ev.escalation, entry);
          break;
        case 'refused': {
          const e = after.escalations.find((x) => x.id === ev.escalation);
          if (e) escalation.refused(e, ev.rationale, entry);
          break;
        }
        case 'demand-met': {
          const e = before.escalations.find((x) => x.id === ev.escalation);
          if (e) escalation.met(e, events, i, entry, after);
          break;
        }
        case 'lapsed': {
          const e = before.escalations.find((x) => x.id === ev.escalation);
          if (e) escalation.lapsed(e, entry);
          break;
        }
        case 'trust-revealed':
          // The event shows the table the moves as played; the debrief also knows what each seat chose.
          trust.reveal(after.history[after.history.length - 1]?.trust ?? ev.pairs, events, entry);
          break;
        case 'ended': {
          escalation.gameEnded(entry);
          const last = after.history[after.history.length - 1];
          const moves = last ? last.trust.length * 2 : 0;
          const honours = last
            ? last.trust.reduce((n, p) => n + (p.moveA === 'honour' ? 1 : 0) + (p.moveB === 'honour' ? 1 : 0), 0)
            : 0;
          const range =
            record.config.rounds !== undefined
              ? 'the number of rounds was never shown'
              : after.config.rules === 2
                ? `it was drawn from ${scenario.rounds.min}–${scenario.rounds.max}`
                : `after round ${scenario.rounds.min} each further round happened with a chance of ${Math.round((scenario.rounds.continue ?? DEFAULT_CONTINUE) * 100)}%`;
          add({
            seq: entry.seq,
            round: r,
            kind: 'unknown-end',
            seats: [],
            lesson: 'shadow-of-the-future',
            magnitude: 20,
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
    escalation.ignored(ignored, before, entry);
    before = after;
  });

  // Concessions: which seats joined the giver in the winning coalition at the next deals it made
  // (the resolve of the round of the concession, or of the round after), and when.
  const joinCredited = new Set<string>();
  for (const c of concessions) {
    const joinedIn: { round: number; seats: Seat[] }[] = [];
    for (const round of [c.round, c.round + 1]) {
      const res = resolved.get(round);
      if (!res || res.seq < c.seq || !res.members || !res.members.includes(c.giver)) continue;
      const prior = resolved.get(round - 1)?.members ?? null;
      const had = prior && prior.includes(c.giver) ? prior : [];
      const seats: Seat[] = [];
      for (const s of res.members) {
        const key = `${c.giver}:${s}:${round}`;
        if (s === c.giver || had.includes(s) || joinCredited.has(key)) continue;
        joinCredited.add(key);
        seats.push(s);
      }
      if (seats.length > 0) joinedIn.push({ round, seats });
    }
    const all = joinedIn.flatMap((j) => j.seats);
    const x = m.out[c.index];
    x.seats = [c.giver, c.receiver, ...[...all].sort((p, q) => p - q).filter((s) => s !== c.receiver)];
    x.magnitude = 2 * c.delta + 12 * all.length;
    const head = `Round ${c.round}: ${poss(c.giver)} labelled concession to ${name(c.receiver)} raised its reputation by ${pointsText(c.delta)}`;
    x.text =
      all.length > 0
        ? `${head}; ${joinedIn.map((j) => `in round ${j.round}, ${names(j.seats)} joined it in the winning coalition`).join('; ')}.`
        : `${head}; no new seat joined it in a winning coalition that round or the next.`;
  }
  trust.finish();

  return m.out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.seq - b.x.seq || a.i - b.i)
    .map((a) => a.x);
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
  return [...picked].sort((x, y) => moments[x].seq - moments[y].seq || x - y).map((i) => moments[i]);
}
