// The "what happened" feed: one line per event this seat heard. Live play appends the events of
// each message; joining or returning rebuilds it from the backlog the server sends (the events
// the seat heard before, under the same audience rule), so a reload or a late spectator starts
// with the game so far, not an empty feed.
import type { Escalation, GameEvent } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import { describe } from './format';
import type { FeedItem } from './store';

export const MAX_FEED = 400;

export class FeedBuilder {
  private id = 0;
  private round = 0;
  /** Escalations by id as announced, for lines about ones that have since ended. */
  private escalations = new Map<number, Escalation>();

  reset(): void {
    this.round = 0;
    this.escalations.clear();
  }

  /**
   * Lines for one batch of events. Live, the view that accompanies them may not have arrived yet,
   * so the round is the later of the view's and the latest phase event's; from the backlog only
   * the phase events count (the view is today's).
   */
  add(view: TableView, events: readonly GameEvent[], fromBacklog = false): FeedItem[] {
    let round = fromBacklog ? this.round : Math.max(view.round, this.round);
    const items: FeedItem[] = [];
    for (const e of events) {
      if (e.type === 'escalated') this.escalations.set(e.escalation.id, e.escalation);
      if (e.type === 'phase') round = this.round = e.round;
      const d = describe(view, e, this.escalations);
      if (d) items.push({ ...d, id: ++this.id, round });
    }
    return items;
  }

  /** The whole feed from a backlog of batches, oldest first. */
  rebuild(view: TableView, batches: readonly { events: GameEvent[] }[]): FeedItem[] {
    this.reset();
    return batches.flatMap((b) => this.add(view, b.events, true)).slice(-MAX_FEED);
  }
}
