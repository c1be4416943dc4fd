// A table's writes to the store, and the rule that nobody sees a result before it is durable.
// The room applies each action to its game at once (so bots and timers see the newest state) and
// records the action's writes here; everything it then wants to tell clients waits in `after`
// until every write recorded before it has been committed. Writes go out in batches (one in
// flight at a time, the next gathering meanwhile), so a busy table costs one commit, not one per
// move. A batch that fails leaves the table ahead of its store: the table is given up (onFailure)
// and rebuilt from what the store holds, which is everything anyone has seen.
import { toRow, type Row, type TableStore, type WriteOp } from '../store/store';

export class Journal {
  private batch: Row[] = [];
  private recorded = 0;
  private durable = 0;
  private inFlight = false;
  private scheduled = false;
  private failed = false;
  private waiting: { upTo: number; run: () => void }[] = [];
  private idle: (() => void)[] = [];

  constructor(
    private store: () => TableStore,
    private onFailure: (error: Error) => void,
    private warn: (message: string) => void,
    /** Around the messages one committed batch releases (the outbox sends them in one write a socket). */
    private release: { begin(): void; end(): void } = { begin: () => undefined, end: () => undefined },
  ) {}

  /** Records a write; its row is made now, since the record it describes goes on changing. */
  record(op: WriteOp): void {
    if (this.failed) return;
    this.batch.push(toRow(op));
    this.recorded++;
    if (!this.scheduled && !this.inFlight) {
      this.scheduled = true;
      // The rest of this turn's writes (a bot's chain of moves) join the same batch.
      queueMicrotask(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Runs `fn` once every write recorded so far is durable (at once if it already is), in the order asked. */
  after(fn: () => void): void {
    if (this.failed) return;
    if (this.waiting.length === 0 && this.durable === this.recorded) fn();
    else this.waiting.push({ upTo: this.recorded, run: fn });
  }

  /** Resolves when every recorded write is durable (or the journal failed). */
  drained(): Promise<void> {
    if (this.failed || (this.durable === this.recorded && !this.inFlight)) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private flush(): void {
    if (this.inFlight || this.failed || this.batch.length === 0) return;
    const ops = this.batch;
    const upTo = this.recorded;
    this.batch = [];
    this.inFlight = true;
    this.store()
      .write(ops)
      .then(
        () => {
          this.inFlight = false;
          this.durable = upTo;
          this.release.begin();
          try {
            while (this.waiting.length > 0 && this.waiting[0].upTo <= this.durable) {
              try {
                this.waiting.shift()!.run();
              } catch (e) {
                this.warn(`after a write: ${(e as Error).stack ?? String(e)}`);
              }
            }
          } finally {
            this.release.end();
          }
          if (this.batch.length > 0) this.flush();
          else this.settle();
        },
        (e: Error) => {
          this.inFlight = false;
          this.failed = true;
          this.batch = [];
          this.waiting = [];
          this.settle();
          this.onFailure(e);
        },
      );
  }

  private settle(): void {
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }
}
