// Plays one benchmark in a worker thread, so the server's event loop keeps answering tables while
// a few hundred bot games run (server/benchmarks/service.ts starts it through tsx).
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { runBenchmark } from '../../shared/bots/benchmark';
import type { RoleReference } from '../../shared/engine/percentiles';
import type { Scenario } from '../../shared/engine/types';

export interface WorkerInput {
  scenario: Scenario;
  games: number;
}

export type WorkerMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done'; reference: RoleReference };

// On Linux a nice value belongs to a thread, so this lowers the benchmark alone: when CPUs are
// scarce the server's event loop goes first. Where it is refused, the benchmark runs as it is.
try {
  setPriority(19);
} catch {
  /* not permitted here */
}

const { scenario, games } = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const bench = runBenchmark(scenario, { games, onProgress: (done, total) => post({ type: 'progress', done, total }) });
post({ type: 'done', reference: { roles: bench.roles, created: bench.created } });
