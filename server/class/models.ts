// The models the session room sends: the facilitator's console and each student's own screen
// (shared/class/console.ts), built from the session record, its tables' summaries and the answers.
import type { ConsoleModel, ConsoleTable, StudentModel } from '../../shared/class/console';
import type { ClassAnswer, QuestionPhase } from '../../shared/class/input';
import { classQuestions } from '../../shared/class/questions';
import type { SessionRecord, StudentRecord } from '../store/sessions';

export function consoleOf(
  s: SessionRecord,
  tables: ConsoleTable[],
  present: ReadonlySet<string>,
  answers: readonly ClassAnswer[],
  now: number,
  nameAttempts: ReadonlyMap<string, number>,
): ConsoleModel {
  const answered = (id: string, phase: QuestionPhase) =>
    answers.filter((a) => a.student === id && a.phase === phase).length;
  return {
    code: s.code,
    status: s.status,
    created: s.created,
    scenario: { id: s.setup.scenario.id, name: s.setup.scenario.name },
    anonymous: s.setup.anonymous,
    questions: s.setup.questions,
    roster: s.setup.roster,
    humanSeats: s.setup.seats.filter((x) => x.kind === 'human').length,
    students: s.students.map((st) => ({
      id: st.id,
      name: st.name,
      table: st.table,
      seat: st.seat,
      connected: present.has(st.id),
      nameAttempts: nameAttempts.get(st.id) ?? 0,
      answered: { before: answered(st.id, 'before'), after: answered(st.id, 'after') },
    })),
    tables,
    messages: s.messages,
    serverTime: now,
  };
}

/** One student's screen: where to sit (with the seat token just handed out), the questions open now. */
export function studentOf(
  session: SessionRecord,
  student: StudentRecord,
  model: ConsoleModel,
  token: string | undefined,
  phase: QuestionPhase | null,
  answers: readonly ClassAnswer[],
  claim: string,
): StudentModel {
  const table = student.table === null ? undefined : model.tables.find((t) => t.code === student.table);
  const seatRec = table?.seats[student.seat ?? -1];
  return {
    session: session.code,
    status: session.status,
    scenario: model.scenario,
    name: student.name,
    claim,
    seat:
      table && student.seat !== null && token
        ? { table: table.code, label: table.label, seat: student.seat, role: seatRec?.role ?? '', token }
        : null,
    tableEnded: table?.status === 'ended',
    held: seatRec?.held ?? false,
    questions:
      phase === null
        ? null
        : {
            phase,
            list: classQuestions(session.setup.scenario),
            answered: Object.fromEntries(
              answers.filter((a) => a.student === student.id && a.phase === phase).map((a) => [a.question, a.answer]),
            ),
          },
    messages: session.messages,
  };
}

/** A table of the session whose room is not here (yet): being restored after a restart. */
export function offline(code: string, label: string): ConsoleTable {
  return {
    code,
    label,
    status: 'playing',
    round: 0,
    phase: 'negotiate',
    timeLeft: null,
    paused: false,
    seats: [],
    deals: 0,
    escalations: 0,
    efficiency: null,
    stuck: 'the table is being restored',
  };
}
