// "Compare two tables": two timelines next to each other, aligned by round, taken from the class
// debrief's tables (whose timelines come from the single-table debrief's coalition timeline).
// Rows run to the longer table's last round played; a table that played fewer rounds shows that
// it ended (or had not played the round yet), never how long it was going to last. Pure.
import type { ClassDebrief, ClassTable, TimelineRound } from './debrief';

export interface CompareSide {
  id: string;
  label: string;
  link: string;
  scenarioName: string;
  seatNames: string[];
  botSeats: number[];
  ended: boolean;
  roundsPlayed: number;
  efficiency: number;
  jointGainPerRound: number;
  cooperation: number | null;
  dealRound: number | null;
  escalations: number;
}

export interface CompareRow {
  round: number;
  /** Null when the table did not play this round. */
  a: TimelineRound | null;
  b: TimelineRound | null;
}

export interface TableComparison {
  a: CompareSide;
  b: CompareSide;
  rows: CompareRow[];
  /** Whether both tables played the same scenario (so the same seats can be compared role by role). */
  sameScenario: boolean;
}

function side(t: ClassTable): CompareSide {
  return {
    id: t.id,
    label: t.label,
    link: t.link,
    scenarioName: t.scenarioName,
    seatNames: t.seats.map((s) => s.roleName),
    botSeats: t.seats.filter((s) => s.heldBy !== 'person').map((s) => s.seat),
    ended: t.ended,
    roundsPlayed: t.roundsPlayed,
    efficiency: t.efficiency,
    jointGainPerRound: t.jointGainPerRound,
    cooperation: t.cooperation,
    dealRound: t.dealRound,
    escalations: t.escalations,
  };
}

/** Two of the class's tables side by side; null if either id names no table of the session. */
export function compareTables(model: ClassDebrief, a: string, b: string): TableComparison | null {
  const ta = model.tables.find((t) => t.id === a);
  const tb = model.tables.find((t) => t.id === b);
  if (!ta || !tb) return null;
  const last = Math.max(ta.roundsPlayed, tb.roundsPlayed);
  const rows: CompareRow[] = [];
  for (let round = 1; round <= last; round++)
    rows.push({
      round,
      a: ta.timeline.find((r) => r.round === round) ?? null,
      b: tb.timeline.find((r) => r.round === round) ?? null,
    });
  return { a: side(ta), b: side(tb), rows, sameScenario: ta.scenarioId === tb.scenarioId };
}
