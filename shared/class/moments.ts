// The moments most worth discussing across a class: not one table's turning points but contrasts
// between tables, because comparing two negotiations is what makes a lesson stick. Each names the
// tables involved (so the compare view can open on them) and the lesson, gated like the
// single-table debrief: a lesson the game's own measurement does not support in a scenario comes
// with the sentence that says so. Pure: no I/O.
import { lessonStatus, notShownHere, type LessonStatus } from '../claims/verdicts';
import { lesson as lessonOf, type LessonId } from '../record/lessons';
import type { Moment } from '../record/moments';
import { percentText, pointsText } from '../record/words';
import { choiceDifferences } from './choices';
import type { ClassRole, ClassTable, ReplayedTable } from './debrief';

export type ClassMomentKind =
  'efficiency-extremes' | 'same-role-different-choices' | 'broken-promise' | 'escalation-contrast' | 'weak-coalition';

export interface LessonNote {
  id: LessonId;
  title: string;
  status: LessonStatus;
  /** The sentence that follows a lesson the measurement does not support here; null otherwise. */
  note: string | null;
}

export interface ClassMoment {
  kind: ClassMomentKind;
  title: string;
  /** One line per table involved (or one for the class), each naming its table. */
  lines: string[];
  /** The tables involved, in the order the lines name them: the compare view opens on the first two. */
  tables: string[];
  lesson: LessonNote;
}

/** A lesson as the tables' scenarios support it: it does not hold if it does not hold in any of them. */
export function lessonNote(
  id: LessonId,
  tables: readonly Pick<ClassTable, 'scenarioId' | 'scenarioName'>[],
): LessonNote {
  const failing = tables.find((t) => lessonStatus(t.scenarioId, id) === 'does not hold');
  const status: LessonStatus = failing
    ? 'does not hold'
    : tables.some((t) => lessonStatus(t.scenarioId, id) === 'unmeasured')
      ? 'unmeasured'
      : 'holds';
  return { id, title: lessonOf(id).title, status, note: failing ? notShownHere(failing.scenarioName) : null };
}

function perRound(x: number): string {
  return `${x >= 0 ? '+' : ''}${pointsText(Math.round(x * 10) / 10)} per round`;
}

function dealWords(t: ClassTable): string {
  if (!t.coalition) return 'no winning deal ever formed';
  const split = t.coalition.memberNames.map((n, i) => `${n} ${t.coalition!.split[i]}%`).join(', ');
  const when = t.dealRound === null ? '' : `first deal in round ${t.dealRound}; `;
  return `${when}ended with ${split}`;
}

function efficiencyExtremes(pair: [ClassTable, ClassTable]): ClassMoment {
  const [hi, lo] = pair;
  const line = (t: ClassTable, which: string) =>
    `${t.label} created ${which}: ${percentText(t.efficiency)} efficiency, joint gain ${perRound(t.jointGainPerRound)}` +
    (t.cooperation === null ? '' : `, ${percentText(t.cooperation)} of trust moves honour`) +
    `; ${dealWords(t)}.`;
  return {
    kind: 'efficiency-extremes',
    title: 'The most and the least value created',
    lines: [line(hi, 'the most'), line(lo, 'the least')],
    tables: [hi.id, lo.id],
    lesson: lessonNote('create-value-with-packages', pair),
  };
}

function heldWords(h: string): string {
  return h === 'bot' ? ' (a bot held this seat)' : h === 'both' ? ' (a bot held this seat for part of the game)' : '';
}

/** The roles whose best and worst tables differ most, where the role also chose differently. */
function sameRole(roles: readonly ClassRole[], byId: ReadonlyMap<string, ReplayedTable>, max: number): ClassMoment[] {
  const found: { weight: number; moment: ClassMoment }[] = [];
  for (const role of roles) {
    if (!role.best || !role.worst) continue;
    const best = role.seats.find((s) => s.table === role.best!.table)!;
    const worst = role.seats.find((s) => s.table === role.worst!.table)!;
    const diffs = choiceDifferences(best.choices, worst.choices, { a: best.rounds, b: worst.rounds });
    if (diffs.length === 0) continue;
    const shown = diffs.slice(0, 2);
    const line = (s: typeof best, words: string[]) =>
      `At ${s.tableLabel}, ${role.roleName}${heldWords(s.heldBy)} ${words.join('; it ')}: mutual-gain score ${perRound(s.mutualGain)}, claimed ${perRound(s.claimed)}.`;
    const tables = [byId.get(best.table)!.table, byId.get(worst.table)!.table];
    found.push({
      weight: (best.mutualGain - worst.mutualGain) * shown[0].weight,
      moment: {
        kind: 'same-role-different-choices',
        title: `The same role, different choices: ${role.roleName}`,
        lines: [
          line(
            best,
            shown.map((d) => d.a),
          ),
          line(
            worst,
            shown.map((d) => d.b),
          ),
        ],
        tables: [best.table, worst.table],
        lesson: lessonNote(shown[0].lesson, tables),
      },
    });
  }
  return found
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((f) => f.moment);
}

function tableMoments(t: ReplayedTable, kinds: readonly Moment['kind'][]): Moment[] {
  return t.data.moments.filter((m) => kinds.includes(m.kind));
}

/** The defection that cost its defector most: left out of the next round's winning deal, then by size. */
function brokenPromise(tables: readonly ReplayedTable[]): ClassMoment | null {
  let pick: { t: ReplayedTable; m: Moment; leftOut: boolean } | null = null;
  for (const t of tables) {
    for (const m of tableMoments(t, ['defection'])) {
      const defector = m.seats[0];
      const next = t.table.timeline.find((r) => r.round === m.round + 1);
      const leftOut = next !== undefined && !next.members.includes(defector);
      if (!pick || (leftOut && !pick.leftOut) || (leftOut === pick.leftOut && m.magnitude > pick.m.magnitude))
        pick = { t, m, leftOut };
    }
  }
  if (!pick) return null;
  const { t, m, leftOut } = pick;
  const name = t.data.seats[m.seats[0]].name;
  const after = t.table.timeline.find((r) => r.round === m.round + 1);
  const followed = !after
    ? `The game ended after that round.`
    : leftOut
      ? `In round ${m.round + 1}, ${name} was outside the winning deal.`
      : `In round ${m.round + 1}, ${name} still sat in the winning deal.`;
  return {
    kind: 'broken-promise',
    title: leftOut ? 'A broken promise that cost' : 'A broken promise',
    lines: [`${t.label}. ${m.text} ${followed}`],
    tables: [t.table.id],
    lesson: lessonNote('cooperation-pays-when-repeated', [t.table]),
  };
}

const MOVED: Moment['kind'][] = ['demand-met'];
const NOT_MOVED: Moment['kind'][] = ['demand-refused', 'demand-ignored', 'escalation-lapsed'];

/** An escalation that moved its target beside one that did not, from two tables when the class has them. */
function escalationContrast(tables: readonly ReplayedTable[]): ClassMoment | null {
  const largest = (kinds: readonly Moment['kind'][], not?: ReplayedTable) => {
    let best: { t: ReplayedTable; m: Moment } | null = null;
    for (const t of tables) {
      if (t === not) continue;
      for (const m of tableMoments(t, kinds)) if (!best || m.magnitude > best.m.magnitude) best = { t, m };
    }
    return best;
  };
  const moved = largest(MOVED);
  const stuck = (moved && largest(NOT_MOVED, moved.t)) ?? largest(NOT_MOVED);
  const parts = [moved, stuck].filter((x): x is { t: ReplayedTable; m: Moment } => x !== null);
  if (parts.length === 0) return null;
  const title =
    moved && stuck
      ? 'An escalation that moved its target, and one that did not'
      : moved
        ? 'An escalation that moved its target'
        : 'An escalation that did not move its target';
  return {
    kind: 'escalation-contrast',
    title,
    lines: parts.map((p) => `${p.t.label}. ${p.m.text}`),
    tables: parts.map((p) => p.t.table.id),
    lesson: lessonNote(
      'staged-escalation',
      parts.map((p) => p.t.table),
    ),
  };
}

/** Tables where the weak won without the strongest seat, beside those where they never did. */
function weakCoalition(tables: readonly ReplayedTable[]): ClassMoment | null {
  const won = tables.filter((t) => t.data.moments.some((m) => m.kind === 'weak-coalition'));
  if (won.length === 0 || won.length === tables.length) return null;
  const rest = tables.filter((t) => !won.includes(t));
  const first = won[0].data.moments.find((m) => m.kind === 'weak-coalition')!;
  const labels = (ts: readonly ReplayedTable[]) => ts.map((t) => t.label).join(', ');
  return {
    kind: 'weak-coalition',
    title: 'Where the weak won together',
    lines: [
      `${won[0].label}. ${first.text}`,
      `The weaker seats won without the strongest at ${labels(won)}; never at ${labels(rest)}.`,
    ],
    tables: [won[0].table.id, rest[0].table.id],
    lesson: lessonNote(
      'coalitions-of-the-weak',
      tables.map((t) => t.table),
    ),
  };
}

/** The moments most worth discussing across the class, most useful for comparing first. */
export function classMoments(
  tables: readonly ReplayedTable[],
  roles: readonly ClassRole[],
  pair: [ClassTable, ClassTable] | null,
): ClassMoment[] {
  const byId = new Map(tables.map((t) => [t.table.id, t]));
  const out: ClassMoment[] = [];
  if (pair) out.push(efficiencyExtremes(pair));
  out.push(...sameRole(roles, byId, 2));
  const promise = brokenPromise(tables);
  if (promise) out.push(promise);
  const escalation = escalationContrast(tables);
  if (escalation) out.push(escalation);
  const weak = weakCoalition(tables);
  if (weak) out.push(weak);
  return out;
}
