// The SQLite store's own thread: it holds the database, so that its fsyncs never stop the event
// loop of the game. Requests are answered in the order they came; every write batch that arrives
// while the disk is busy is committed with the others in one transaction (a group commit: one
// fsync for many tables' moves), and each is acknowledged only once that transaction committed.
import { parentPort, workerData } from 'node:worker_threads';
import { Store, type Synchronous, type Row } from './store';

export type Request =
  | { id: number; kind: 'write'; rows: Row[] }
  | {
      id: number;
      kind: 'read';
      method: 'hasTable' | 'getTable' | 'openCodes' | 'log' | 'seatEvents' | 'getSession' | 'openSessions' | 'answers';
      code?: string;
    }
  | { id: number; kind: 'saved'; method: 'saveScenario' | 'savedScenario' | 'savedScenarios'; args: unknown[] }
  | { id: number; kind: 'close' };

export type Reply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };

const { path, synchronous } = workerData as { path: string; synchronous: Synchronous };
const port = parentPort!;
const store = new Store(path, synchronous);
let queue: Request[] = [];
let scheduled = false;

port.on('message', (requests: Request[]) => {
  queue.push(...requests);
  if (!scheduled) {
    scheduled = true;
    setImmediate(work);
  }
});

function work(): void {
  scheduled = false;
  const requests = queue;
  queue = [];
  let i = 0;
  while (i < requests.length) {
    const r = requests[i];
    if (r.kind === 'write') {
      // Every write up to the next read or close: one transaction.
      let j = i;
      while (j < requests.length && requests[j].kind === 'write') j++;
      commit(requests.slice(i, j) as Extract<Request, { kind: 'write' }>[]);
      i = j;
    } else if (r.kind === 'read') {
      answer(r.id, () =>
        r.method === 'openCodes'
          ? store.openCodes()
          : r.method === 'openSessions'
            ? store.openSessions()
            : store[r.method](r.code!),
      );
      i++;
    } else if (r.kind === 'saved') {
      answer(r.id, () => (store[r.method] as (...a: unknown[]) => unknown)(...r.args));
      i++;
    } else {
      store.close();
      port.postMessage({ id: r.id, ok: true } satisfies Reply);
      port.close();
      return;
    }
  }
}

function commit(batches: Extract<Request, { kind: 'write' }>[]): void {
  try {
    store.write(batches.flatMap((b) => b.rows));
    for (const b of batches) port.postMessage({ id: b.id, ok: true } satisfies Reply);
  } catch {
    // One bad batch must not fail the others: write them one by one to find it.
    for (const b of batches) answer(b.id, () => store.write(b.rows));
  }
}

function answer(id: number, fn: () => unknown): void {
  try {
    port.postMessage({ id, ok: true, value: fn() } satisfies Reply);
  } catch (e) {
    port.postMessage({ id, ok: false, error: (e as Error).message } satisfies Reply);
  }
}
