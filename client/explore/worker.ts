// The explorable's computing thread: tournaments and evolutions run here, off the page's main
// thread, so sliders stay responsive while the engine's own code plays thousands of matches.
import { compute, type ExploreConfig } from './model';
import { horizonSentence } from '../../shared/trust-game/findings';

export type WorkerRequest =
  | { id: number; kind: 'explore'; config: ExploreConfig }
  | { id: number; kind: 'horizon'; noise: number; rounds: { min: number; max: number; continue?: number } };

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerAnswer): void;
};

scope.onmessage = (e) => {
  const req = e.data;
  try {
    const value = req.kind === 'explore' ? compute(req.config) : horizonSentence(req.noise, req.rounds);
    scope.postMessage({ id: req.id, ok: true, value });
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, error: (err as Error).message });
  }
};
