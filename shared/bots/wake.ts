// Which bots an accepted action concerns, so a driver asks them to think again: the server's
// bot driver and the headless simulation wake the same seats, so a table on the server and a
// simulated one play the same game.
import type { GameEvent, GameState, Seat } from '../engine/types';

/** The seats an event asks something of, or changes the prospects of. */
export function concerned(game: GameState, events: readonly GameEvent[]): Set<Seat> {
  const seats = new Set<Seat>();
  const membersOf = (id: number) => game.proposals.find((x) => x.id === id)?.members ?? [];
  for (const e of events) {
    switch (e.type) {
      case 'proposed':
        for (const m of e.proposal.members) seats.add(m);
        break;
      // Who stands behind a proposal changes how close it is to forming for every member.
      case 'accepted':
      case 'withdrew':
      case 'rejected':
        for (const m of membersOf(e.proposal)) seats.add(m);
        break;
      case 'asked':
        seats.add(e.target);
        break;
      case 'answered':
      case 'declined':
        seats.add(e.from);
        break;
      case 'escalated':
        seats.add(e.escalation.target);
        break;
      // A mobilised escalation can be co-signed by anyone; its target weighs it again.
      case 'raised':
      case 'cosigned':
        for (const s of game.seats) seats.add(s.seat);
        break;
      case 'conceded':
        seats.add(e.receiver);
        break;
      case 'chat':
        if (e.message.to !== null) seats.add(e.message.to);
        break;
      default:
        break;
    }
  }
  return seats;
}
