// A session's records read back (issue 10): the class debrief's input (shared/class/input.ts)
// and the session's export, one JSON and one CSV: every action with its time, table, seat, role
// and whether a person or a bot acted, the seat changes, and the before/after answers.
import type { ClassDebriefInput, ClassTableInput } from '../../shared/class/input';
import { classQuestions } from '../../shared/class/questions';
import { recordConfig } from '../../shared/record/log';
import { csvField } from '../../shared/record/timeline';
import type { SessionRecord } from '../store/sessions';
import type { SeatEvent, TableStore } from '../store/store';

/**
 * A table still being played gives its public facts only (its label, scenario and seats, no log, no results and a
 * seed of 0): its log holds private moves, bots' reasons and every seat's points, and its seed its hidden length.
 * The debrief page may be on the projector while other tables still play; the facilitator's full view is elsewhere.
 * The export (`whole`) keeps every table's log and withholds only the seed itself.
 */
export async function debriefInput(
  store: TableStore,
  session: SessionRecord,
  unfinished: 'public' | 'whole' = 'public',
): Promise<ClassDebriefInput> {
  const tables: ClassTableInput[] = [];
  for (const [i, code] of session.tables.entries()) {
    const record = await store.getTable(code);
    if (!record) continue;
    const finished = record.status === 'finished';
    const whole = finished || unfinished === 'whole';
    const log = whole ? await store.log(code) : [];
    const events = whole ? await store.seatEvents(code) : [];
    const config = recordConfig(record.config);
    tables.push({
      code,
      label: `Table ${i + 1}`,
      scenario: record.scenario,
      config: finished ? config : { ...config, seed: 0 },
      log,
      results: whole ? record.results : null,
      finished,
      seats: record.seats.map((s) => ({
        seat: s.seat,
        kind: s.kind,
        bot: s.bot,
        botHeld:
          s.kind === 'human' &&
          (events.some((e) => e.seat === s.seat && (e.kind === 'takeover' || e.kind === 'stand-in')) ||
            log.some((e) => e.actor === s.seat && e.by === 'bot')),
      })),
    });
  }
  return {
    session: {
      code: session.code,
      created: session.created,
      ended: session.ended,
      anonymous: session.setup.anonymous,
    },
    tables,
    questions: session.setup.questions ? classQuestions(session.setup.scenario) : [],
    answers: await store.answers(session.code),
  };
}

export interface SessionExport {
  session: {
    code: string;
    created: number;
    ended: number | null;
    status: string;
    scenario: { id: string; name: string };
    mode: string;
    anonymous: boolean;
  };
  students: { id: string; name: string | null; table: string | null; seat: number | null; role: string | null }[];
  tables: {
    code: string;
    label: string;
    finished: boolean;
    /** The seed only once the table is over: before, it would tell its hidden length. */
    seed: number | null;
    seats: { seat: number; role: string; kind: string; botHeld: boolean }[];
    results: unknown;
  }[];
  actions: {
    time: string;
    table: string;
    seq: number;
    round: number;
    phase: string;
    seat: number | null;
    role: string | null;
    actor: string;
    by: string;
    type: string;
    action: unknown;
    reason: string | null;
  }[];
  seatEvents: (SeatEvent & { table: string })[];
  questions: ReturnType<typeof classQuestions>;
  answers: {
    time: string;
    student: string;
    table: string | null;
    seat: number | null;
    question: string;
    phase: string;
    answer: string;
  }[];
}

export async function sessionExport(store: TableStore, session: SessionRecord): Promise<SessionExport> {
  const input = await debriefInput(store, session, 'whole');
  const roleOf = (table: string | null, seat: number | null) => {
    const t = input.tables.find((x) => x.code === table);
    return t && seat !== null ? (t.scenario.roles[seat]?.name ?? null) : null;
  };
  const seatEvents: SessionExport['seatEvents'] = [];
  for (const t of input.tables)
    for (const e of await store.seatEvents(t.code)) seatEvents.push({ ...e, table: t.code });
  return {
    session: {
      code: session.code,
      created: session.created,
      ended: session.ended,
      status: session.status,
      scenario: { id: session.setup.scenario.id, name: session.setup.scenario.name },
      mode: session.setup.mode,
      anonymous: session.setup.anonymous,
    },
    students: session.students.map((s) => ({
      id: s.id,
      name: session.setup.anonymous ? null : s.name,
      table: s.table,
      seat: s.seat,
      role: roleOf(s.table, s.seat),
    })),
    tables: input.tables.map((t) => ({
      code: t.code,
      label: t.label,
      finished: t.finished,
      seed: t.finished ? t.config.seed : null,
      seats: t.seats.map((s) => ({
        seat: s.seat,
        role: t.scenario.roles[s.seat].name,
        kind: s.kind,
        botHeld: s.botHeld,
      })),
      results: t.results,
    })),
    actions: input.tables
      .flatMap((t) =>
        t.log.map((e) => {
          const { type, ...rest } = e.action;
          const seat = typeof e.actor === 'number' ? e.actor : null;
          return {
            time: new Date(e.time).toISOString(),
            table: t.code,
            seq: e.seq,
            round: e.round,
            phase: e.phase,
            seat,
            role: seat === null ? null : t.scenario.roles[seat].name,
            actor: String(e.actor),
            by: e.by,
            type,
            action: rest,
            reason: e.reason,
          };
        }),
      )
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)),
    seatEvents,
    questions: input.questions,
    answers: input.answers.map((a) => ({ ...a, time: new Date(a.time).toISOString() })),
  };
}

/** One CSV for the whole session: a row per action, seat change and answer, in time order. */
export function sessionCsv(x: SessionExport): string {
  const header = [
    'kind',
    'time',
    'table',
    'seq',
    'round',
    'phase',
    'seat',
    'role',
    'by',
    'student',
    'type',
    'detail',
    'reason',
  ];
  const rows: { time: string; row: (string | number | null)[] }[] = [];
  for (const a of x.actions)
    rows.push({
      time: a.time,
      row: [
        'action',
        a.time,
        a.table,
        a.seq,
        a.round,
        a.phase,
        a.seat,
        a.role,
        a.by,
        null,
        a.type,
        JSON.stringify(a.action),
        a.reason,
      ],
    });
  for (const e of x.seatEvents) {
    const time = new Date(e.time).toISOString();
    const role = x.tables.find((t) => t.code === e.table)?.seats[e.seat]?.role ?? null;
    rows.push({
      time,
      row: ['seat', time, e.table, e.seq, null, null, e.seat, role, 'system', null, `seat-${e.kind}`, e.detail, null],
    });
  }
  for (const a of x.answers) {
    const role = x.tables.find((t) => t.code === a.table)?.seats[a.seat ?? -1]?.role ?? null;
    rows.push({
      time: a.time,
      row: [
        'answer',
        a.time,
        a.table,
        null,
        null,
        a.phase,
        a.seat,
        role,
        'human',
        a.student,
        a.question,
        a.answer,
        null,
      ],
    });
  }
  rows.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  // Player-written text (rationales, chat, reasons) is guarded against spreadsheet formulas.
  const line = (r: (string | number | null)[]) => r.map((v) => csvField(v, typeof v === 'string')).join(',');
  return [line(header), ...rows.map((r) => line(r.row))].join('\r\n') + '\r\n';
}
