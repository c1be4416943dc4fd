// The worker's answers computed on the page, for a browser that cannot start a module worker.
import { horizonSentence } from '../../shared/trust-game/findings';
import { compute } from './model';
import type { WorkerRequest } from './worker';

export function answer(request: Omit<WorkerRequest, 'id'>): unknown {
  const r = request as WorkerRequest;
  return r.kind === 'explore' ? compute(r.config) : horizonSentence(r.noise, r.rounds);
}
