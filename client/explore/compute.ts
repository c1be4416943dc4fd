// One worker for the explorable and the lobby's tournament sentence, started on first use. A
// browser without module workers computes on the page instead (slower, same numbers).
import type { ExploreConfig, ExploreResult } from './model';
import type { WorkerAnswer, WorkerRequest } from './worker';

let worker: Worker | null | undefined;
let next = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.value);
      else w.reject(new Error(e.data.error));
    };
    worker.onerror = () => {
      for (const w of waiting.values()) w.reject(new Error('the computing thread stopped'));
      waiting.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function ask<T>(request: Request): Promise<T> {
  const w = start();
  if (!w) {
    return import('./inline').then((m) => m.answer(request) as T);
  }
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...request, id });
  });
}

/** The tournament and the evolution for these settings. */
export function explore(config: ExploreConfig): Promise<ExploreResult> {
  return ask<ExploreResult>({ kind: 'explore', config });
}

/** What the tournament shows over a game's hidden horizon at this noise (the lobby's sentence). */
export function horizon(noise: number, rounds: { min: number; max: number; continue?: number }): Promise<string> {
  return ask<string>({ kind: 'horizon', noise, rounds });
}
