// Moments of the trust stage (DESIGN 2.3): defections on partners who honoured, noise, the
// answer to last round's betrayal (retaliation or forgiveness) and runs of mutual honour.
import { pairKey } from '../engine/rules';
import type { GameEvent, RevealedTrustPair, Seat } from '../engine/types';
import type { LogEntry } from './log';
import type { Moments } from './moment-types';
import { countWord } from './words';

interface Run {
  a: Seat;
  b: Seat;
  start: number;
  last: number;
  /** Index of its moment once the run reaches three rounds. */
  index: number | null;
}

export class TrustMoments {
  private betrayals: { defector: Seat; victim: Seat; round: number }[] = [];
  private runs = new Map<string, Run>();
  private allRuns: Run[] = [];

  constructor(private m: Moments) {}

  /** One reveal: `pairs` as chosen and played (the debrief knows both), `events` of that entry. */
  reveal(pairs: readonly RevealedTrustPair[], events: readonly GameEvent[], entry: LogEntry): void {
    const { m } = this;
    const r = entry.round;
    const repLost = new Map<Seat, number>();
    for (const ev of events) {
      if (ev.type === 'reputation' && ev.cause === 'defect-on-honour')
        repLost.set(ev.seat, (repLost.get(ev.seat) ?? 0) - ev.delta);
    }
    // Defections on partners who honoured; a flip by noise is told apart.
    const victims = new Map<Seat, Seat[]>();
    const now: typeof this.betrayals = [];
    for (const p of pairs) {
      const sides = [
        { d: p.a, v: p.b, move: p.moveA, chosen: p.chosenA, other: p.moveB },
        { d: p.b, v: p.a, move: p.moveB, chosen: p.chosenB, other: p.moveA },
      ];
      for (const x of sides) {
        if (x.move !== 'defect' || x.other !== 'honour') continue;
        now.push({ defector: x.d, victim: x.v, round: r });
        if (x.chosen === 'honour') {
          m.add({
            seq: entry.seq,
            round: r,
            kind: 'noise',
            seats: [x.d, x.v],
            lesson: 'forgiveness-under-noise',
            magnitude: 12,
            text: `Round ${r}: noise turned ${m.poss(x.d)} honour toward ${m.name(x.v)} into a defection.`,
          });
        } else {
          victims.set(x.d, [...(victims.get(x.d) ?? []), x.v]);
        }
      }
    }
    // A defection that answers last round's betrayal is told as retaliation below, not here.
    const answering = (d: Seat, v: Seat) =>
      this.betrayals.some((b) => b.round === r - 1 && b.defector === v && b.victim === d);
    for (const [d, all] of [...victims].sort((x, y) => x[0] - y[0])) {
      const vs = all.filter((v) => !answering(d, v)).sort((x, y) => x - y);
      if (vs.length === 0) continue;
      const lost = repLost.get(d) ?? 0;
      m.add({
        seq: entry.seq,
        round: r,
        kind: 'defection',
        seats: [d, ...vs],
        lesson: 'cooperation-pays-when-repeated',
        magnitude: 15 + 5 * (vs.length - 1) + lost,
        text: `Round ${r}: ${m.name(d)} defected on ${m.names(vs)}, who honoured${lost > 0 ? `; it lost ${lost} reputation` : ''}.`,
      });
    }
    // Last round's betrayals, answered in kind or forgiven.
    for (const b of this.betrayals) {
      if (b.round !== r - 1) continue;
      const p = pairs.find((x) => pairKey(x.a, x.b) === pairKey(b.defector, b.victim));
      if (!p) continue;
      const victimMove = p.a === b.victim ? p.moveA : p.moveB;
      const defectorMove = p.a === b.defector ? p.moveA : p.moveB;
      if (victimMove === 'defect') {
        m.add({
          seq: entry.seq,
          round: r,
          kind: 'retaliation',
          seats: [b.victim, b.defector],
          lesson: 'cooperation-pays-when-repeated',
          magnitude: 15,
          text: `Round ${r}: ${m.name(b.victim)} answered ${m.poss(b.defector)} defection in kind and defected back.`,
        });
      } else {
        m.add({
          seq: entry.seq,
          round: r,
          kind: 'forgiveness',
          seats: [b.victim, b.defector],
          lesson: 'forgiveness-under-noise',
          magnitude: 10,
          text: `Round ${r}: ${m.name(b.victim)} honoured ${m.name(b.defector)} again after being betrayed in round ${r - 1}, and ${m.name(b.defector)} ${defectorMove === 'honour' ? 'honoured too' : 'defected again'}.`,
        });
      }
    }
    this.betrayals = now;
    // Runs of mutual honour.
    for (const p of pairs) {
      const key = pairKey(p.a, p.b);
      if (p.moveA !== 'honour' || p.moveB !== 'honour') {
        this.runs.delete(key);
        continue;
      }
      let run = this.runs.get(key);
      if (!run || run.last !== r - 1) {
        run = { a: Math.min(p.a, p.b), b: Math.max(p.a, p.b), start: r, last: r, index: null };
        this.runs.set(key, run);
        this.allRuns.push(run);
      } else {
        run.last = r;
      }
      if (run.index === null && run.last - run.start + 1 === 3) {
        run.index = m.add({
          seq: entry.seq,
          round: r,
          kind: 'honour-run',
          seats: [run.a, run.b],
          lesson: 'cooperation-pays-when-repeated',
          magnitude: 0,
          text: '',
        });
      }
    }
  }

  /** Runs are told with their final length, known only once the log is read to its end. */
  finish(): void {
    const { m } = this;
    for (const run of this.allRuns) {
      if (run.index === null) continue;
      const x = m.out[run.index];
      const length = run.last - run.start + 1;
      x.magnitude = 4 * length;
      x.text = `Round ${x.round}: ${m.name(run.a)} and ${m.name(run.b)} honoured each other for a third round in a row; the run lasted ${countWord(length)} rounds (${run.start}–${run.last}).`;
    }
  }
}
