// A table's full view for the facilitator's console (issue 10): the private facts the players'
// own views hide from each other (walk-aways, members-only proposals, private chat, trust moves not
// yet revealed). Only with the session's key; the projector never gets it.
import type { FullTableView } from '../../shared/class/console';
import type { GameState } from '../../shared/engine/types';

const CHAT_SHOWN = 30;

export function fullView(code: string, game: GameState): FullTableView {
  const role = (seat: number) => game.scenario.roles[seat].name;
  return {
    code,
    round: game.round,
    phase: game.phase,
    seats: game.seats.map((s) => ({
      seat: s.seat,
      role: role(s.seat),
      walkAway: game.scenario.roles[s.seat].walkAway,
      declared: s.declared,
      points: s.points,
      reputation: s.reputation,
      ready: s.ready,
    })),
    proposals: game.proposals.map((p) => ({
      id: p.id,
      proposer: role(p.proposer),
      members: p.members.map(role),
      split: p.split,
      visibility: p.visibility,
      rationale: p.rationale,
    })),
    chat: game.chat.slice(-CHAT_SHOWN).map((m) => ({
      round: m.round,
      from: role(m.from),
      to: m.to === null ? null : role(m.to),
      text: m.text,
    })),
    trust: game.trust.map((t) => ({ a: role(t.a), b: role(t.b), moveA: t.moveA, moveB: t.moveB })),
  };
}
