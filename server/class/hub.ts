import { KeyGuard } from './keys';

// Tables of a class session tell their session room when anything a console shows has changed
// (in this process: a session and its tables are served by one process, see README).
export class ClassHub {
  /** Facilitator keys tried, per address (the room and the HTTP routes share one throttle). */
  readonly keys: KeyGuard;

  constructor(now: () => number, wrongKeys: () => number) {
    this.keys = new KeyGuard(now, wrongKeys);
  }

  private listeners = new Map<string, (table: string) => void>();

  listen(session: string, fn: (table: string) => void): void {
    this.listeners.set(session, fn);
  }

  unlisten(session: string, fn: (table: string) => void): void {
    if (this.listeners.get(session) === fn) this.listeners.delete(session);
  }

  tableChanged(session: string, table: string): void {
    this.listeners.get(session)?.(table);
  }
}
