// Colyseus's own log (errors of sockets, rooms and matchmaking). A client can provoke the same
// error again and again (a frame too large, a handshake cut short), and Colyseus prints a stack
// trace for each: here the first of a kind is printed in full and the rest are counted, with one
// line a minute saying how many there were.

const WINDOW_MS = 60_000;
/** Kinds remembered at once; past this the memory starts again (a count is lost, never a first). */
const MAX_KINDS = 1000;

interface Kind {
  repeats: number;
  since: number;
}

export interface ColyseusLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  trace(...args: unknown[]): void;
}

export function condensedLogger(log: (message: string) => void, now: () => number = Date.now): ColyseusLogger {
  const kinds = new Map<string, Kind>();
  const report = (level: string, args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');
    const first = text.split('\n', 1)[0];
    const key = `${level} ${first}`;
    const kind = kinds.get(key);
    if (!kind) {
      if (kinds.size >= MAX_KINDS) kinds.clear();
      kinds.set(key, { repeats: 0, since: now() });
      log(text);
      return;
    }
    kind.repeats++;
    if (now() - kind.since >= WINDOW_MS) {
      log(`${first} (${kind.repeats} more since the last report)`);
      kind.repeats = 0;
      kind.since = now();
    }
  };
  return {
    debug: () => undefined,
    trace: () => undefined,
    info: (...args) => log(args.map(String).join(' ')),
    warn: (...args) => report('warn', args),
    error: (...args) => report('error', args),
  };
}
