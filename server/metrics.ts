// What an operator (and `npm run loadtest`) needs to see of this process: CPU, memory and the
// event loop's delay, the one number that says whether every table is being served in time.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { matchMaker } from '@colyseus/core';

export interface Metrics {
  /** Process time in µs since start (all threads). */
  cpu: { user: number; system: number };
  wallMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay in ms since the previous read (the histogram restarts on each read). */
  eventLoop: { p50: number; p99: number; max: number; mean: number };
  rooms: number;
  clients: number;
}

let histogram: IntervalHistogram | null = null;

/** Starts measuring the event loop (once per process). */
export function startMetrics(): void {
  if (histogram) return;
  histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
}

export function readMetrics(): Metrics {
  const h = histogram;
  const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
  const eventLoop =
    h && h.count > 0
      ? { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) }
      : { p50: 0, p99: 0, max: 0, mean: 0 };
  h?.reset();
  const memory = process.memoryUsage();
  return {
    cpu: process.cpuUsage(),
    wallMs: performance.now(),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    eventLoop,
    rooms: matchMaker.stats.local.roomCount,
    clients: matchMaker.stats.local.ccu,
  };
}

/** Metrics are for whoever runs the machine: only requests from the machine itself get them. */
export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
