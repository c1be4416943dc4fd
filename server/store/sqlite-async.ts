// The TableStore of one machine: SQLite, run in a thread of its own (sqlite-worker.ts).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogEntry } from '../../shared/record/log';
import type { Reply, Request } from './sqlite-worker';
import type {
  Orphan,
  Row,
  SavedScenario,
  SavedScenarioMeta,
  SavedScenarioRow,
  SaveLimits,
  SaveOutcome,
  SeatEvent,
  Synchronous,
  TableRecord,
  TableStore,
} from './store';
import type { ClassAnswer } from '../../shared/class/input';
import type { SessionRecord } from './sessions';

/**
 * The thread runs TypeScript through tsx, as the server itself does; named by absolute path so it
 * resolves wherever the process was started (as server/benchmarks/service.ts does).
 */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class SqliteStore implements TableStore {
  private worker: Worker;
  private pending = new Map<number, Pending>();
  private next = 1;
  private closed: Promise<void> | null = null;
  private exited: Promise<void>;

  constructor(
    readonly path: string,
    synchronous: Synchronous = 'FULL',
  ) {
    this.worker = new Worker(new URL('./sqlite-worker.ts', import.meta.url), {
      workerData: { path, synchronous },
      execArgv: ['--import', TSX],
    });
    this.worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.failAll(new Error('the SQLite thread stopped'));
        resolve();
      }),
    );
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Requests of this turn of the event loop, posted together: one message to the thread, not one per table. */
  private outgoing: Request[] = [];

  private ask<T>(request: Ask): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.outgoing.length === 0)
        queueMicrotask(() => {
          const requests = this.outgoing;
          this.outgoing = [];
          this.worker.postMessage(requests);
        });
      this.outgoing.push({ ...request, id });
    });
  }

  write(rows: Row[]): Promise<void> {
    return this.ask({ kind: 'write', rows });
  }

  hasTable(code: string): Promise<boolean> {
    return this.ask({ kind: 'read', method: 'hasTable', code });
  }

  getTable(code: string): Promise<TableRecord | null> {
    return this.ask({ kind: 'read', method: 'getTable', code });
  }

  openCodes(): Promise<string[]> {
    return this.ask({ kind: 'read', method: 'openCodes' });
  }

  log(code: string): Promise<LogEntry[]> {
    return this.ask({ kind: 'read', method: 'log', code });
  }

  seatEvents(code: string): Promise<SeatEvent[]> {
    return this.ask({ kind: 'read', method: 'seatEvents', code });
  }

  getSession(code: string): Promise<SessionRecord | null> {
    return this.ask({ kind: 'read', method: 'getSession', code });
  }

  openSessions(): Promise<string[]> {
    return this.ask({ kind: 'read', method: 'openSessions' });
  }

  answers(code: string): Promise<ClassAnswer[]> {
    return this.ask({ kind: 'read', method: 'answers', code });
  }

  async adoptOrphans(): Promise<Orphan[]> {
    return (await this.openCodes()).map((code) => ({ code, fromColyseus: null }));
  }

  async heartbeat(): Promise<void> {}

  async holds(code: string): Promise<boolean> {
    return (await this.getTable(code))?.status === 'open';
  }

  heldCodes(): Promise<string[]> {
    return this.openCodes();
  }

  saveScenario(row: SavedScenarioRow, limits?: SaveLimits): Promise<SaveOutcome> {
    return this.ask({ kind: 'saved', method: 'saveScenario', args: [row, limits] });
  }

  savedScenario(id: string, version: number | null): Promise<SavedScenario | null> {
    return this.ask({ kind: 'saved', method: 'savedScenario', args: [id, version] });
  }

  savedScenarios(): Promise<SavedScenarioMeta[]> {
    return this.ask({ kind: 'saved', method: 'savedScenarios', args: [] });
  }

  close(): Promise<void> {
    if (!this.closed) {
      const done = this.ask<void>({ kind: 'close' });
      this.closed = done.then(
        () => this.exited,
        () => undefined,
      );
    }
    return this.closed;
  }
}
