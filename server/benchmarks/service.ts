// The benchmarks behind role percentiles (DESIGN 4): one per scenario content, scoring parameters
// and rules version, played once in a worker thread (so tables keep moving while it runs), kept
// in the store, and reused after a restart. Two tables asking for the same benchmark at once
// share one computation; tables' requests go ahead of the background warming of shipped scenarios.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { benchmarkKey } from '../../shared/bots/benchmark';
import type { RoleReference } from '../../shared/engine/percentiles';
import type { Scenario } from '../../shared/engine/types';
import type { Store, StoredBenchmark } from '../store/store';
import type { WorkerInput, WorkerMessage } from './worker';

/** Where a scenario's benchmark stands. `off`: this server computes no benchmarks. */
export type BenchmarkState = 'ready' | 'running' | 'queued' | 'absent' | 'failed' | 'off';

export interface BenchmarkStatus {
  state: BenchmarkState;
  ready: boolean;
  /** Benchmark tables played so far, of `total`. */
  done: number;
  total: number;
  /** Why the last attempt failed (it is tried again at the next request). */
  error?: string;
}

/** Plays a benchmark off the event loop, reporting progress; `cancel` stops it. */
export type BenchmarkRunner = (
  scenario: Scenario,
  games: number,
  onProgress: (done: number, total: number) => void,
) => { result: Promise<RoleReference>; cancel(): void };

export interface BenchmarkOptions {
  /** Tables per benchmark; 0 turns benchmarks (and so role percentiles) off. */
  games: number;
  log: (message: string) => void;
  now: () => number;
  runner?: BenchmarkRunner;
}

interface Job {
  key: string;
  scenario: Scenario;
  urgent: boolean;
  done: number;
  promise: Promise<StoredBenchmark | null>;
  resolve: (b: StoredBenchmark | null) => void;
  cancel: (() => void) | null;
}

/** How many parsed benchmarks stay in memory (each is a few tens of KB). */
const CACHE_SIZE = 16;

export class Benchmarks {
  /** Benchmarks this process has played (the rest came from the store). */
  computed = 0;
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private readonly cache = new Map<string, StoredBenchmark>();
  private readonly failures = new Map<string, string>();
  private readonly runner: BenchmarkRunner;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: BenchmarkOptions,
  ) {
    this.runner = options.runner ?? workerRunner;
  }

  get enabled(): boolean {
    return this.options.games > 0 && !this.closed;
  }

  get games(): number {
    return this.options.games;
  }

  /** The store's key of a scenario's benchmark: SHA-256 of everything the benchmark depends on. */
  keyOf(scenario: Scenario): string {
    return createHash('sha256').update(benchmarkKey(scenario, this.options.games)).digest('hex');
  }

  /** The benchmark of a scenario if it has been computed (here or before a restart), else null. */
  get(scenario: Scenario): StoredBenchmark | null {
    if (!this.enabled) return null;
    const key = this.keyOf(scenario);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const stored = this.store.isOpen ? this.store.getBenchmark(key) : null;
    if (stored) this.remember(stored);
    return stored;
  }

  status(scenario: Scenario): BenchmarkStatus {
    const total = this.options.games;
    if (!this.enabled) return { state: 'off', ready: false, done: 0, total };
    if (this.get(scenario)) return { state: 'ready', ready: true, done: total, total };
    const key = this.keyOf(scenario);
    const job = this.jobs.get(key);
    if (job) return { state: job === this.running ? 'running' : 'queued', ready: false, done: job.done, total };
    const error = this.failures.get(key);
    return error
      ? { state: 'failed', ready: false, done: 0, total, error }
      : { state: 'absent', ready: false, done: 0, total };
  }

  /**
   * The benchmark of a scenario, computed if needed; null when benchmarks are off, the
   * computation failed, or the service closed. Computed once per key however many ask.
   * `urgent` (a table needs it) puts it ahead of background warming.
   */
  request(scenario: Scenario, urgent = true): Promise<StoredBenchmark | null> {
    if (!this.enabled) return Promise.resolve(null);
    const ready = this.get(scenario);
    if (ready) return Promise.resolve(ready);
    const key = this.keyOf(scenario);
    const existing = this.jobs.get(key);
    if (existing) {
      if (urgent && !existing.urgent) {
        existing.urgent = true;
        this.queue.splice(this.queue.indexOf(existing), 1);
        this.enqueue(existing);
      }
      return existing.promise;
    }
    let resolve!: (b: StoredBenchmark | null) => void;
    const promise = new Promise<StoredBenchmark | null>((r) => (resolve = r));
    const job: Job = { key, scenario, urgent, done: 0, promise, resolve, cancel: null };
    this.jobs.set(key, job);
    this.failures.delete(key);
    this.enqueue(job);
    this.next();
    return promise;
  }

  /** Queues the benchmarks of some scenarios behind every table's request (shipped scenarios at startup). */
  warm(scenarios: readonly Scenario[]): void {
    for (const s of scenarios) void this.request(s, false);
  }

  /** Stops the running computation and forgets the queue; pending requests resolve to null. */
  close(): void {
    this.closed = true;
    this.running?.cancel?.();
    for (const job of this.jobs.values()) job.resolve(null);
    this.jobs.clear();
    this.queue.length = 0;
    this.running = null;
  }

  private enqueue(job: Job): void {
    // Urgent jobs go behind the other urgent ones, ahead of every background one.
    const at = job.urgent ? this.queue.findIndex((j) => !j.urgent) : -1;
    if (at < 0) this.queue.push(job);
    else this.queue.splice(at, 0, job);
  }

  private next(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    const games = this.options.games;
    const started = this.options.now();
    let run: ReturnType<BenchmarkRunner>;
    try {
      run = this.runner(job.scenario, games, (done) => (job.done = done));
    } catch (e) {
      this.settle(job, null, (e as Error).message);
      return;
    }
    job.cancel = () => run.cancel();
    run.result.then(
      (reference) => {
        if (this.closed || !this.store.isOpen) return this.settle(job, null, 'the server stopped');
        const stored: StoredBenchmark = {
          key: job.key,
          scenarioId: job.scenario.id,
          games,
          created: this.options.now(),
          reference,
        };
        this.store.putBenchmark(stored);
        this.remember(stored);
        this.computed++;
        this.options.log(
          `benchmark of ${job.scenario.id} [${job.key.slice(0, 8)}]: ${games} bot tables in ${((this.options.now() - started) / 1000).toFixed(1)} s`,
        );
        this.settle(job, stored);
      },
      (e: unknown) => this.settle(job, null, e instanceof Error ? e.message : String(e)),
    );
  }

  private settle(job: Job, result: StoredBenchmark | null, error?: string): void {
    if (error !== undefined && !this.closed) {
      this.failures.set(job.key, error);
      this.options.log(`benchmark of ${job.scenario.id} failed: ${error}`);
    }
    this.jobs.delete(job.key);
    if (this.running === job) this.running = null;
    job.resolve(result);
    this.next();
  }

  private remember(b: StoredBenchmark): void {
    this.cache.delete(b.key);
    this.cache.set(b.key, b);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}

/**
 * The worker thread runs TypeScript through tsx, as the server itself does (`node --import tsx`);
 * named by absolute path so it resolves wherever the process was started.
 */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Plays a benchmark in a worker thread: the server's event loop stays free for its tables. */
export const workerRunner: BenchmarkRunner = (scenario, games, onProgress) => {
  const input: WorkerInput = { scenario, games };
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    workerData: input,
    execArgv: ['--import', TSX],
  });
  // A benchmark never keeps a stopping process alive; it is computed again at the next start.
  worker.unref();
  let settled = false;
  const result = new Promise<RoleReference>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total);
      else {
        settled = true;
        resolve(m.reference);
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the benchmark worker stopped (exit code ${code})`));
    });
  });
  return { result, cancel: () => void worker.terminate() };
};
