// The HTTP side of the server: health, the scenario list, public tables, a finished game's
// results and log (JSON and CSV), and the game client's static files.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { matchMaker } from '@colyseus/core';
import express, { type Application, type Response } from 'express';
import { round2 } from '../shared/engine/rules';
import { publicScenario } from '../shared/engine/view';
import type { LogEntry } from '../shared/record/log';
import { csvField } from '../shared/record/timeline';
import { builtInScenarios } from '../shared/scenarios/index';
import type { ServerContext } from './context';
import { normaliseCode } from './rooms/setup';
import type { TableListing } from '../shared/protocol';
import type { TableResults } from './rooms/TableRoom';
import type { SeatEvent } from './store/store';

export function installRoutes(app: Application, ctx: ServerContext, clientDir: string): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/api/scenarios', (_req, res) => {
    res.json(builtInScenarios.map(publicScenario));
  });

  app.get('/api/tables', async (_req, res) => {
    const rooms = await matchMaker.query({ name: 'table', private: false });
    res.json(rooms.map((r) => r.metadata as TableListing).filter((m) => m && m.phase !== 'end'));
  });

  const finished = (code: string, res: Response): { results: TableResults; record: NonNullable<ReturnType<typeof ctx.store.getTable>> } | null => {
    const record = ctx.store.getTable(normaliseCode(code));
    if (!record) {
      res.status(404).json({ error: 'unknown-table', message: 'There is no table with that code.' });
      return null;
    }
    if (record.status !== 'finished') {
      // The log holds bots' reasons and unrevealed moves: it opens with the debrief, not before.
      res.status(409).json({ error: 'not-finished', message: 'This game is still being played; its results open when it ends.' });
      return null;
    }
    return { results: record.results as TableResults, record };
  };

  // Whether a code is a table, and whether it is still played (join it) or finished (read its results).
  app.get('/api/tables/:code', (req, res) => {
    const record = ctx.store.getTable(normaliseCode(req.params.code));
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

  app.get('/api/tables/:code/results', (req, res) => {
    const found = finished(req.params.code, res);
    if (found) res.json(found.results);
  });

  app.get('/api/tables/:code/results.csv', (req, res) => {
    const found = finished(req.params.code, res);
    if (!found) return;
    csv(res, `${found.record.code}-results.csv`, resultsCsv(found.results));
  });

  app.get('/api/tables/:code/log', (req, res) => {
    const found = finished(req.params.code, res);
    if (!found) return;
    const { record } = found;
    res.json({
      code: record.code,
      scenario: record.scenario,
      config: record.config,
      seats: found.results.seats,
      guesses: found.results.guesses ?? [],
      log: ctx.store.log(record.code),
      seatEvents: ctx.store.seatEvents(record.code),
    });
  });

  app.get('/api/tables/:code/log.csv', (req, res) => {
    const found = finished(req.params.code, res);
    if (!found) return;
    csv(res, `${found.record.code}-log.csv`, logCsv(ctx.store.log(found.record.code), ctx.store.seatEvents(found.record.code)));
  });

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

function csv(res: Response, filename: string, rows: (string | number | null)[][]): void {
  const text = rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  res.type('text/csv').attachment(filename).send(text);
}

/** Player-written text (names, rationales, reasons) is guarded against spreadsheet formulas. */
function cell(value: string | number | null): string {
  return csvField(value, typeof value === 'string');
}

export function resultsCsv(r: TableResults): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['seat', 'role', 'name', 'kind', 'bot', 'points', 'baseline', 'surplus', 'mutual_gain', 'reputation', 'rank'],
  ];
  for (const s of r.score.seats) {
    const seat = r.seats[s.seat];
    rows.push([
      s.seat,
      seat.roleName,
      seat.name,
      seat.kind,
      seat.bot,
      round2(s.points),
      round2(s.baseline),
      round2(s.surplus),
      round2(s.mutualGain),
      s.reputation,
      r.score.ranking.indexOf(s.seat) + 1,
    ]);
  }
  return rows;
}

export function logCsv(log: readonly LogEntry[], seatEvents: readonly SeatEvent[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['seq', 'time', 'round', 'phase', 'actor', 'by', 'type', 'action', 'reason']];
  let e = 0;
  const seatRow = (ev: SeatEvent) => [ev.seq, new Date(ev.time).toISOString(), null, null, ev.seat, 'system', `seat-${ev.kind}`, null, ev.detail];
  for (const entry of log) {
    while (e < seatEvents.length && seatEvents[e].seq <= entry.seq) rows.push(seatRow(seatEvents[e++]));
    const { type, ...rest } = entry.action;
    rows.push([entry.seq, new Date(entry.time).toISOString(), entry.round, entry.phase, String(entry.actor), entry.by, type, JSON.stringify(rest), entry.reason]);
  }
  while (e < seatEvents.length) rows.push(seatRow(seatEvents[e++]));
  return rows;
}

