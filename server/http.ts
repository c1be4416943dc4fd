// The HTTP side of the server: health, the scenario list, public tables, a finished game's
// results and log (JSON and CSV), and the game client's static files.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { matchMaker } from '@colyseus/core';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { round2 } from '../shared/engine/rules';
import { publicScenario } from '../shared/engine/view';
import type { LogEntry } from '../shared/record/log';
import { csvField } from '../shared/record/timeline';
import type { PlacementsAnswer } from '../shared/record/placements';
import { builtInScenarios, scenarioById } from '../shared/scenarios/index';
import { placementsOf } from './benchmarks/placements';
import type { ServerContext } from './context';
import { fromServerMachine } from './addresses';
import { readMetrics } from './metrics';
import { normaliseCode } from './rooms/setup';
import { installStudioRoutes } from './studio';
import type { TableListing } from '../shared/protocol';
import type { TableResults } from './rooms/results';
import type { SeatEvent, TableRecord } from './store/store';

export function installRoutes(app: Application, ctx: ServerContext, clientDir: string): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Where students reach this server: the class console's join link and QR code use it when the
  // facilitator's own page is on localhost.
  app.get('/api/join-origin', (_req, res) => {
    res.json({ origin: ctx.joinOrigin });
  });

  // Loopback only: the load test and the operator's own tools read it; nobody else needs it.
  app.get('/api/metrics', (req, res) => {
    if (!fromServerMachine(req)) {
      res.status(404).json({ error: 'not-found', message: 'No such page.' });
      return;
    }
    res.json(readMetrics());
  });

  app.get('/api/scenarios', (_req, res) => {
    res.json(builtInScenarios.map(publicScenario));
  });

  // How far a shipped scenario's benchmark is (role percentiles are taken against it).
  app.get('/api/benchmarks/:scenarioId', (req, res) => {
    const scenario = scenarioById(req.params.scenarioId);
    if (!scenario) {
      res.status(404).json({
        error: 'unknown-scenario',
        message: `There is no built-in scenario "${req.params.scenarioId.slice(0, 64)}".`,
      });
      return;
    }
    res.json(ctx.benchmarks.status(scenario));
  });

  installStudioRoutes(app, ctx);

  app.get('/api/tables', async (_req, res) => {
    const rooms = await matchMaker.query({ name: 'table', private: false });
    res.json(rooms.map((r) => r.metadata as TableListing).filter((m) => m && m.phase !== 'end'));
  });

  const finished = async (
    code: string,
    res: Response,
  ): Promise<{ results: TableResults; record: TableRecord } | null> => {
    const record = await ctx.store.getTable(normaliseCode(code));
    if (!record) {
      res.status(404).json({ error: 'unknown-table', message: 'There is no table with that code.' });
      return null;
    }
    if (record.status !== 'finished') {
      // The log holds bots' reasons and unrevealed moves: it opens with the debrief, not before.
      res
        .status(409)
        .json({ error: 'not-finished', message: 'This game is still being played; its results open when it ends.' });
      return null;
    }
    return { results: record.results as TableResults, record };
  };

  // Whether a code is a table, and whether it is still played (join it) or finished (read its results).
  app.get('/api/tables/:code', async (req, res) => {
    const record = await ctx.store.getTable(normaliseCode(req.params.code));
    if (!record) {
      res.status(404).json({ error: 'unknown-table', message: 'There is no table with that code.' });
      return;
    }
    res.json({
      code: record.code,
      status: record.status,
      scenario: { id: record.scenario.id, name: record.scenario.name },
      mode: record.config.mode,
      private: record.settings.private,
      created: record.created,
      finished: record.finished,
    });
  });

  // How far the benchmark of a table's scenario is: a custom scenario's first table shows it.
  app.get('/api/tables/:code/benchmark', async (req, res) => {
    const record = await ctx.store.getTable(normaliseCode(req.params.code));
    if (!record) {
      res.status(404).json({ error: 'unknown-table', message: 'There is no table with that code.' });
      return;
    }
    res.json(ctx.benchmarks.status(record.scenario));
  });

  app.get('/api/tables/:code/results', async (req, res) => {
    const found = await finished(req.params.code, res);
    if (found) res.json({ ...found.results, placements: await placementsOf(ctx, found.record) });
  });

  app.get('/api/tables/:code/results.csv', async (req, res) => {
    const found = await finished(req.params.code, res);
    if (!found) return;
    csv(res, `${found.record.code}-results.csv`, resultsCsv(found.results, await placementsOf(ctx, found.record)));
  });

  // Role percentiles of a finished table (DESIGN 4), opened with the debrief like everything in it.
  app.get('/api/tables/:code/placements', async (req, res) => {
    const found = await finished(req.params.code, res);
    if (found) res.json(await placementsOf(ctx, found.record));
  });

  app.get('/api/tables/:code/log', async (req, res) => {
    const found = await finished(req.params.code, res);
    if (!found) return;
    const { record } = found;
    res.json({
      code: record.code,
      scenario: record.scenario,
      config: record.config,
      seats: found.results.seats,
      guesses: found.results.guesses ?? [],
      placements: await placementsOf(ctx, record),
      log: await ctx.store.log(record.code),
      seatEvents: await ctx.store.seatEvents(record.code),
    });
  });

  app.get('/api/tables/:code/log.csv', async (req, res) => {
    const found = await finished(req.params.code, res);
    if (!found) return;
    const code = found.record.code;
    csv(res, `${code}-log.csv`, logCsv(await ctx.store.log(code), await ctx.store.seatEvents(code)));
  });

  installApiErrors(app, ctx);

  const index = resolve(clientDir, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(clientDir));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Leverage</title>' +
            '<h1>Leverage</h1><p>The game server is running, but the game client is not built yet ' +
            '(no <code>dist/client</code>). Build it, then restart the server.</p>',
        );
    });
  }
}

/** What body-parser's refusals mean, in the words a client shows. */
const BODY_ERRORS: Record<string, { status: number; error: string; message: string }> = {
  'entity.parse.failed': { status: 400, error: 'bad-json', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, error: 'too-large', message: 'The request body is too large.' },
  'encoding.unsupported': { status: 415, error: 'bad-encoding', message: 'Send the body as UTF-8 JSON.' },
  'charset.unsupported': { status: 415, error: 'bad-encoding', message: 'Send the body as UTF-8 JSON.' },
  'request.aborted': { status: 400, error: 'aborted', message: 'The request was cut off before its body arrived.' },
};

/**
 * One error handler for everything under /api (class sessions, the studio, tables): a JSON answer with a sentence,
 * never Express's HTML page with a stack. Registered after every route (installRoutes runs last).
 */
export function installApiErrors(app: Application, ctx: ServerContext): void {
  app.use('/api', (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = (err ?? {}) as { type?: unknown; status?: unknown; message?: unknown };
    const known = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
    if (known) {
      res.status(known.status).json({ error: known.error, message: known.message });
      return;
    }
    const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
    if (status === 500) ctx.log(`[api] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(status).json({
      error: status === 500 ? 'server-error' : 'bad-request',
      message: status === 500 ? 'The server could not answer that request.' : 'The server could not read that request.',
    });
  });
}

function csv(res: Response, filename: string, rows: (string | number | null)[][]): void {
  const text = rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  res.type('text/csv').attachment(filename).send(text);
}

/** Player-written text (names, rationales, reasons) is guarded against spreadsheet formulas. */
function cell(value: string | number | null): string {
  return csvField(value, typeof value === 'string');
}

/**
 * One row per seat, in seat order: never a rank among the table's seats (DESIGN 4). Role
 * percentiles place each seat among the same role's seats of the benchmark, per round played;
 * their columns stay empty while the benchmark is being computed (`benchmark_tables` is then empty).
 */
export function resultsCsv(r: TableResults, answer: PlacementsAnswer): (string | number | null)[][] {
  const placements = answer.status === 'ready' ? answer.placements : null;
  const rows: (string | number | null)[][] = [
    [
      'seat',
      'role',
      'name',
      'kind',
      'bot',
      'held_by',
      'points',
      'baseline',
      'surplus',
      'mutual_gain',
      'reputation',
      'claimed_per_round',
      'claimed_percentile',
      'mutual_gain_per_round',
      'mutual_gain_percentile',
      'created',
      'created_percentile',
      'benchmark_tables',
    ],
  ];
  for (const s of r.score.seats) {
    const seat = r.seats[s.seat];
    const p = placements?.seats[s.seat] ?? null;
    rows.push([
      s.seat,
      seat.roleName,
      seat.name,
      seat.kind,
      seat.bot,
      p?.heldBy ?? null,
      round2(s.points),
      round2(s.baseline),
      round2(s.surplus),
      round2(s.mutualGain),
      s.reputation,
      p ? round2(p.claimed.value) : null,
      p ? round1(p.claimed.percentile) : null,
      p ? round2(p.mutualGain.value) : null,
      p ? round1(p.mutualGain.percentile) : null,
      placements ? round2(placements.created.value) : null,
      placements ? round1(placements.created.percentile) : null,
      placements?.games ?? null,
    ]);
  }
  return rows;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function logCsv(log: readonly LogEntry[], seatEvents: readonly SeatEvent[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['seq', 'time', 'round', 'phase', 'actor', 'by', 'type', 'action', 'reason'],
  ];
  let e = 0;
  const seatRow = (ev: SeatEvent) => [
    ev.seq,
    new Date(ev.time).toISOString(),
    null,
    null,
    ev.seat,
    'system',
    `seat-${ev.kind}`,
    null,
    ev.detail,
  ];
  for (const entry of log) {
    while (e < seatEvents.length && seatEvents[e].seq <= entry.seq) rows.push(seatRow(seatEvents[e++]));
    const { type, ...rest } = entry.action;
    rows.push([
      entry.seq,
      new Date(entry.time).toISOString(),
      entry.round,
      entry.phase,
      String(entry.actor),
      entry.by,
      type,
      JSON.stringify(rest),
      entry.reason,
    ]);
  }
  while (e < seatEvents.length) rows.push(seatRow(seatEvents[e++]));
  return rows;
}
