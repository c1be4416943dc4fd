// The class session's HTTP calls and where the facilitator keys are kept in this browser.
import type { FullTableView } from '../../shared/class/console';
import type { CreateSession, SessionCommandInput, SessionCreated, SessionInfo } from '../../shared/class/setup';

const KEYS = 'leverage.class.keys';

/** Keys of the sessions this browser created (code -> key): the console's list of past sessions. */
export const facilitatorKeys = {
  all(): Record<string, string> {
    try {
      return JSON.parse(localStorage.getItem(KEYS) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  },
  get(code: string): string | null {
    try {
      return sessionStorage.getItem(`leverage.class.${code}.key`) ?? this.all()[code] ?? null;
    } catch {
      return null;
    }
  },
  forget(code: string): void {
    try {
      sessionStorage.removeItem(`leverage.class.${code}.key`);
      const all = this.all();
      delete all[code];
      localStorage.setItem(KEYS, JSON.stringify(all));
    } catch {
      /* nothing stored */
    }
  },
  set(code: string, key: string): void {
    try {
      sessionStorage.setItem(`leverage.class.${code}.key`, key);
      localStorage.setItem(KEYS, JSON.stringify({ ...this.all(), [code]: key }));
    } catch {
      /* storage disabled: the key lives in this page only */
    }
  },
};

/**
 * Whether a refused console connection means the stored key is wrong (forget it, ask again). Too many wrong keys
 * from the address, or a lost connection, say nothing about this key: it stays.
 */
export function forgetsKey(joinError: string): boolean {
  return joinError.startsWith('bad-token:');
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw new Error(body.message ?? `The server answered ${res.status}.`);
  return body;
}

export async function createSession(body: CreateSession): Promise<SessionCreated> {
  const res = await fetch('/api/class', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answer<SessionCreated>(res);
}

export async function sessionInfo(code: string): Promise<SessionInfo> {
  return answer<SessionInfo>(await fetch(`/api/class/${encodeURIComponent(code)}`));
}

export async function command(code: string, key: string, c: SessionCommandInput): Promise<void> {
  const res = await fetch(`/api/class/${encodeURIComponent(code)}/act`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-facilitator-key': key },
    body: JSON.stringify(c),
  });
  await answer<unknown>(res);
}

/** Downloads an export with the key in a header (a link would put the key in the address). */
export async function download(code: string, key: string, file: 'export.csv' | 'export.json'): Promise<void> {
  const res = await fetch(`/api/class/${encodeURIComponent(code)}/${file}`, { headers: { 'x-facilitator-key': key } });
  if (!res.ok) throw new Error(`The server answered ${res.status}.`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${code}-session.${file.endsWith('csv') ? 'csv' : 'json'}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let networkOrigin: string | null = null;

/**
 * Asks the server where students reach it, once: a facilitator on the server's own computer sees
 * localhost, which means nothing on a student's phone. Pages call it before showing a join link.
 */
export async function learnJoinOrigin(): Promise<void> {
  if (!LOOPBACK.has(location.hostname) || networkOrigin !== null) return;
  try {
    const res = await fetch('/api/join-origin');
    const body = (await res.json()) as { origin?: unknown };
    if (typeof body.origin === 'string' && /^https?:\/\//.test(body.origin)) networkOrigin = body.origin;
  } catch {
    // An older server or no network: the page's own address it is.
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function joinLink(code: string): string {
  return `${networkOrigin ?? location.origin}/#class/${code}`;
}

/** The SDK's endpoint, as the table connection uses it (a Vite proxy in development). */
export function endpoint(): string {
  return __LEVERAGE_DEV_PROXY__ ? `${location.origin}/colyseus` : location.origin;
}

/** A table's full view, private facts included (the facilitator's only). */
export async function fullTable(code: string, key: string, table: string): Promise<FullTableView> {
  const res = await fetch(`/api/class/${encodeURIComponent(code)}/tables/${encodeURIComponent(table)}/full`, {
    headers: { 'x-facilitator-key': key },
  });
  return answer<FullTableView>(res);
}

/** Opens the session on the server if it is not (an ended one after a restart); refuses a wrong key. */
export async function wakeSession(code: string, key: string): Promise<void> {
  const res = await fetch(`/api/class/${encodeURIComponent(code)}/console`, { headers: { 'x-facilitator-key': key } });
  await answer<unknown>(res);
}
