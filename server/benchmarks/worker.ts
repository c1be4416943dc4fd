// Plays one benchmark in a worker thread, so the server's event loop keeps answering tables while
// a few hundred bot games run (server/benchmarks/service.ts starts it through tsx).
import { parentPort, workerData } from 'node:worker_threads';
import { runBenchmark } from '../../shared/bots/benchmark';
import type { RoleReference } from '../../shared/engine/percentiles';
import type { Scenario } from '../../shared/engine/types';

export interface WorkerInput {
  scenario: Scenario;
  games: number;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; reference: RoleReference };

const { scenario, games } = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const bench = runBenchmark(scenario, { games, onProgress: (done, total) => post({ type: 'progress', done, total }) });
post({ type: 'done', reference: { roles: bench.roles, created: bench.created } });
