// Client addresses: who a connection comes from, and how many connections each address holds in
// this process, so one client cannot take every place at a table (issue 11, item 2).
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { isLoopback } from './metrics';

const FORWARDING_HEADERS = ['x-real-ip', 'x-forwarded-for', 'x-client-ip'] as const;

/**
 * Colyseus takes a client's address from x-real-ip / x-forwarded-for before the socket's own, so
 * any client could claim any address. Unless the server sits behind a proxy it trusts, every
 * request and upgrade gets the socket's address in x-real-ip, whatever the client sent.
 */
export function pinClientAddresses(server: HttpServer, trustProxy: boolean): void {
  if (trustProxy) return;
  const pin = (req: IncomingMessage) => {
    for (const h of FORWARDING_HEADERS) delete req.headers[h];
    if (req.socket.remoteAddress) req.headers['x-real-ip'] = req.socket.remoteAddress;
  };
  server.prependListener('request', pin);
  server.prependListener('upgrade', pin);
}

/**
 * A request's client address, read as Colyseus reads a connection's: the first hop of the
 * forwarding headers, else the socket. Unless a trusted proxy set them, pinClientAddresses has
 * replaced those headers with the socket's own address, so a client cannot choose it.
 */
export function requestAddress(req: IncomingMessage): string {
  for (const name of FORWARDING_HEADERS) {
    const raw = req.headers[name];
    const first = (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0].trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * A request from the server's own machine (its operator): every address it names is loopback —
 * the socket's and each hop of each forwarding header. A proxy that appends to X-Forwarded-For
 * keeps whatever the client put first, so the first hop alone could be the client's word.
 */
export function fromServerMachine(req: IncomingMessage): boolean {
  const hops = FORWARDING_HEADERS.flatMap((name) => {
    const raw = req.headers[name];
    return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
  });
  return [req.socket.remoteAddress, ...hops.map((h) => h.trim())].every((a) => isLoopback(a));
}

/** Live connections per address, across every table of this process. */
export class AddressCounter {
  private counts = new Map<string, number>();

  count(address: string): number {
    return this.counts.get(address) ?? 0;
  }

  add(address: string): void {
    this.counts.set(address, this.count(address) + 1);
  }

  remove(address: string): void {
    const n = this.count(address) - 1;
    if (n > 0) this.counts.set(address, n);
    else this.counts.delete(address);
  }
}

/** Events per address in a sliding window: at most `limit` in any `windowMs`. */
export class SlidingWindow {
  private times = new Map<string, number[]>();

  constructor(
    private limit: () => number,
    private windowMs: () => number,
  ) {}

  /** Counts an event for the address; false (and not counted) when it would pass the limit. */
  take(address: string, now = Date.now()): boolean {
    const limit = this.limit();
    if (limit <= 0) return true;
    const recent = (this.times.get(address) ?? []).filter((t) => now - t < this.windowMs());
    if (recent.length >= limit) {
      this.times.set(address, recent);
      return false;
    }
    recent.push(now);
    this.times.set(address, recent);
    if (this.times.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [address, times] of this.times)
      if (times.every((t) => now - t >= this.windowMs())) this.times.delete(address);
  }
}
