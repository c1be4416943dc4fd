// The studio's computing thread: the quick benchmark plays a few hundred seeded bot tables with
// the engine's own code, off the page's main thread, so the forms stay responsive meanwhile.
import { quickBenchmark, type QuickBench } from '../../shared/studio/bench';
import type { Scenario } from '../../shared/engine/types';

export interface BenchRequest {
  id: number;
  scenario: Scenario;
}

export type BenchAnswer =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'done'; value: QuickBench }
  | { id: number; kind: 'error'; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<BenchRequest>) => void) | null;
  postMessage(m: BenchAnswer): void;
};

scope.onmessage = (e) => {
  const { id, scenario } = e.data;
  try {
    let last = 0;
    const value = quickBenchmark(scenario, {
      onProgress: (done, total) => {
        // About a hundred progress messages at most, however many tables.
        if (done === total || done - last >= Math.max(1, Math.floor(total / 100))) {
          last = done;
          scope.postMessage({ id, kind: 'progress', done, total });
        }
      },
    });
    scope.postMessage({ id, kind: 'done', value });
  } catch (err) {
    scope.postMessage({ id, kind: 'error', error: (err as Error).message });
  }
};
