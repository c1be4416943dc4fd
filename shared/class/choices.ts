// What a seat chose to do over a game, counted from its record: the facts the class debrief puts
// side by side when the same role played differently at two tables. Only the seat's own acts
// (the log's actor), never what merely happened to it. Pure: no I/O.
import type { GameState } from '../engine/types';
import type { LessonId } from '../record/lessons';
import type { LogEntry } from '../record/log';
import { countWord } from '../record/words';

export interface SeatChoices {
  /** Rounds the seat sat in the winning deal. */
  inWinning: number;
  /** The first round it sat in the winning deal; null if never. */
  firstWinning: number | null;
  /** Questions it asked ("what matters most to you?"). */
  asked: number;
  /** Questions it answered. */
  answered: number;
  labelled: number;
  silent: number;
  /** Escalations it started. */
  escalated: number;
  /** Escalations of others it co-signed. */
  cosigned: number;
  /** Trust moves as the seat chose them (before any noise). */
  honoured: number;
  defected: number;
}

/** The choices of every seat of a replayed game (`state`: its final state; `log`: its record's log). */
export function seatChoices(state: GameState, log: readonly LogEntry[]): SeatChoices[] {
  const out: SeatChoices[] = state.seats.map(() => ({
    inWinning: 0,
    firstWinning: null,
    asked: 0,
    answered: 0,
    labelled: 0,
    silent: 0,
    escalated: 0,
    cosigned: 0,
    honoured: 0,
    defected: 0,
  }));
  for (const e of log) {
    if (typeof e.actor !== 'number') continue;
    const c = out[e.actor];
    if (!c) continue;
    const a = e.action;
    if (a.type === 'ask') c.asked++;
    else if (a.type === 'answer') c.answered++;
    else if (a.type === 'concede') {
      if (a.labelled) c.labelled++;
      else c.silent++;
    } else if (a.type === 'escalate') c.escalated++;
    else if (a.type === 'cosign') c.cosigned++;
  }
  for (const h of state.history) {
    const win = h.deals.find((d) => d.proposalId === h.winning && d.wins);
    for (const s of win?.members ?? []) {
      out[s].inWinning++;
      out[s].firstWinning ??= h.round;
    }
    for (const p of h.trust) {
      for (const [seat, move] of [
        [p.a, p.chosenA],
        [p.b, p.chosenB],
      ] as const) {
        if (move === 'honour') out[seat].honoured++;
        else out[seat].defected++;
      }
    }
  }
  return out;
}

/** One difference between two seats' choices, in words, with the lesson it touches. */
export interface ChoiceDifference {
  lesson: LessonId;
  /** How the two differ, for ranking: larger first. */
  weight: number;
  a: string;
  b: string;
}

function times(n: number, what: string): string {
  return n === 0 ? `never ${what}` : `${what} ${n === 1 ? 'once' : n === 2 ? 'twice' : `${countWord(n)} times`}`;
}

/** Where two seats of one role chose differently, most telling first. */
export function choiceDifferences(
  a: SeatChoices,
  b: SeatChoices,
  rounds: { a: number; b: number },
): ChoiceDifference[] {
  const out: ChoiceDifference[] = [];
  const winning = (c: SeatChoices, r: number) =>
    c.firstWinning === null
      ? 'never sat in the winning deal'
      : `sat in the winning deal ${c.inWinning} of ${r} rounds, from round ${c.firstWinning}`;
  const shareA = a.inWinning / Math.max(1, rounds.a);
  const shareB = b.inWinning / Math.max(1, rounds.b);
  if (Math.abs(shareA - shareB) >= 0.25)
    out.push({
      lesson: 'map-power',
      weight: 3 * Math.abs(shareA - shareB),
      a: winning(a, rounds.a),
      b: winning(b, rounds.b),
    });
  const count = (lesson: LessonId, key: keyof SeatChoices, verb: string, w: number) => {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x === y || (x > 0 && y > 0 && Math.max(x, y) < 2 * Math.min(x, y))) return;
    out.push({ lesson, weight: w * (x === 0 || y === 0 ? 1 : 0.5), a: times(x, verb), b: times(y, verb) });
  };
  count('staged-escalation', 'escalated', 'escalated', 2.5);
  count('cooperation-pays-when-repeated', 'defected', 'defected on a partner', 2.4);
  count('label-concessions', 'labelled', 'made a labelled concession', 2);
  count('ask-what-matters', 'asked', 'asked what matters most', 1.8);
  count('make-non-agreement-costly', 'cosigned', 'co-signed an escalation', 1.5);
  count('create-safety', 'answered', 'answered a question', 1);
  return out.sort((x, y) => y.weight - x.weight);
}
