// The matchmaking requests of clients (POST /matchmake/:method/:room), before Colyseus handles
// them. Host rights come from the act of creating a table, never from arrival order: a create
// request gets a fresh creator key, which travels in its options to the new room (which keeps
// its hash) and in its own seat reservation (which turns it into the host token of the welcome).
// No other request can carry one, so a stranger who joins first is never the host.
// Creating is also where one client could fill the server with tables: each address may create
// maxTablesPerAddress tables in any tableWindowSeconds.
import { matchMaker } from '@colyseus/core';
import { context } from './context';
import { joinError, newToken } from './rooms/setup';

/** The option that carries the creator key; only this module may set it. */
export const CREATOR_KEY = 'creatorKey';

const CREATING = new Set(['create', 'joinOrCreate']);

type InvokeMethod = typeof matchMaker.controller.invokeMethod;
let original: InvokeMethod | null = null;

/** Installs the hook once per process (tests boot many servers in one process). */
export function installMatchmakingHook(): void {
  if (original) return;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this, …)
  original = matchMaker.controller.invokeMethod;
  const invoke = original;
  matchMaker.controller.invokeMethod = function (
    this: typeof matchMaker.controller,
    method,
    roomName,
    clientOptions = {},
    authOptions,
  ) {
    const options: Record<string, unknown> =
      typeof clientOptions === 'object' && clientOptions !== null
        ? { ...(clientOptions as Record<string, unknown>) }
        : {};
    delete options[CREATOR_KEY];
    if (roomName === 'table' && CREATING.has(method)) {
      const ctx = context();
      if (!ctx.creations.take((authOptions as { ip?: string } | undefined)?.ip ?? 'unknown')) {
        const { maxTablesPerAddress, tableWindowSeconds } = ctx.settings;
        return Promise.reject(
          joinError(
            'too-many-tables',
            `At most ${maxTablesPerAddress} new tables in ${Math.round(tableWindowSeconds / 60)} minutes from one address; join one instead.`,
          ),
        );
      }
      options[CREATOR_KEY] = newToken();
    }
    return invoke.call(this, method, roomName, options, authOptions);
  } as InvokeMethod;
}

/** The creator key in a room's create or join options, if there is one. */
export function creatorKeyOf(options: unknown): string | null {
  if (typeof options !== 'object' || options === null) return null;
  const key = (options as Record<string, unknown>)[CREATOR_KEY];
  return typeof key === 'string' && key.length > 0 ? key : null;
}

/** Options without the creator key, for validation against the public schema. */
export function withoutCreatorKey(options: unknown): unknown {
  if (typeof options !== 'object' || options === null || !Object.hasOwn(options, CREATOR_KEY)) return options;
  const { [CREATOR_KEY]: _key, ...rest } = options as Record<string, unknown>;
  return rest;
}
