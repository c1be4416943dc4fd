// The server's studio API (server/studio.ts): shipped scenarios as starting points, saving, and
// reading back what this browser saved (with its edit key).
import type { Scenario } from '../../shared/engine/types';
import type { ScenarioProblem } from '../../shared/scenarios/schema';

export interface SavedMeta {
  id: string;
  version: number;
  name: string;
  author: string;
  created: number;
}

export type SaveAnswer =
  | { ok: true; id: string; version: number; ref: string; key?: string }
  | { ok: false; message: string; problems: ScenarioProblem[] };

async function json<T>(res: Response): Promise<T> {
  try {
    return (await res.json()) as T;
  } catch {
    throw new Error(`The server answered ${res.status}.`);
  }
}

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(location.origin + path, { headers: { Accept: 'application/json', ...headers } });
  if (!res.ok) throw new Error((await json<{ message?: string }>(res)).message ?? `The server answered ${res.status}.`);
  return json<T>(res);
}

/**
 * A shipped scenario as a starting point: whole only on the server's own computer (or when its
 * operator allows it); elsewhere its private numbers, briefings and debrief come blank.
 */
export async function fetchShipped(id: string): Promise<{ draft: Record<string, unknown>; whole: boolean }> {
  const res = await fetch(`${location.origin}/api/studio/shipped/${encodeURIComponent(id)}`, {
    headers: { Accept: 'application/json' },
  });
  const answer = await json<Record<string, unknown>>(res);
  if (!res.ok)
    throw new Error(typeof answer.message === 'string' ? answer.message : `The server answered ${res.status}.`);
  return { draft: answer, whole: res.headers.get('x-studio-copy') !== 'blanked' };
}

/** A saved scenario whole: only with the edit key this browser kept when it saved it. */
export function fetchSaved(id: string, key: string): Promise<SavedMeta & { scenario: Scenario; ref: string }> {
  return getJson(`/api/studio/scenarios/${encodeURIComponent(id)}`, { 'x-edit-key': key });
}

export async function saveScenario(body: {
  author: string;
  scenario: unknown;
  id?: string;
  key?: string;
}): Promise<SaveAnswer> {
  const res = await fetch(`${location.origin}/api/studio/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await json<Record<string, unknown>>(res);
  if (res.ok) return { ok: true, ...(answer as { id: string; version: number; ref: string; key?: string }) };
  return {
    ok: false,
    message: typeof answer.message === 'string' ? answer.message : `The server answered ${res.status}.`,
    problems: Array.isArray(answer.problems) ? (answer.problems as ScenarioProblem[]) : [],
  };
}
