// Starts the studio's worker on first use and runs one benchmark at a time; a newer request
// replaces an older one (its worker is stopped). A browser without module workers runs the
// benchmark on the page instead (slower to paint, same numbers).
import type { Scenario } from '../../shared/engine/types';
import type { QuickBench } from '../../shared/studio/bench';
import type { BenchAnswer } from './worker';

let worker: Worker | null = null;
let next = 1;

export function benchmark(scenario: Scenario, onProgress: (done: number, total: number) => void): Promise<QuickBench> {
  worker?.terminate();
  worker = null;
  let w: Worker;
  try {
    w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return import('../../shared/studio/bench').then((m) => m.quickBenchmark(scenario, { onProgress }));
  }
  worker = w;
  const id = next++;
  return new Promise<QuickBench>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<BenchAnswer>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.kind === 'progress') onProgress(m.done, m.total);
      else {
        w.terminate();
        if (worker === w) worker = null;
        if (m.kind === 'done') resolve(m.value);
        else reject(new Error(m.error));
      }
    };
    w.onerror = () => {
      w.terminate();
      if (worker === w) worker = null;
      reject(new Error('the computing thread stopped'));
    };
    w.postMessage({ id, scenario });
  });
}
