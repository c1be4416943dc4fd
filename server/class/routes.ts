// The HTTP side of class sessions (issue 10): creating one (the facilitator key is in this answer
// only), what anyone with the code may know, the facilitator's commands, the console's snapshot,
// the export and the class debrief's input. Every facilitator route refuses anything but the
// session's key (header x-facilitator-key), and wrong keys are throttled per address.
import express, { type Application, type Request, type Response } from 'express';
import { matchMaker } from '@colyseus/core';
import { MAX_NAME } from '../../shared/protocol';
import { createSession, sessionCommand, type SessionCreated, type SessionInfo } from '../../shared/class/setup';
import type { ServerContext } from '../context';
import { requestAddress } from '../addresses';
import { cleanName, codeTaken, hashToken, newCode, normaliseCode, tableFromOptions } from '../rooms/setup';
import { sessionRow, type SessionRecord } from '../store/sessions';
import type { ClassRoom, ClassRoomOptions, SessionCommand } from './ClassRoom';
import { newFacilitatorKey } from './keys';
import { resolveScenarioOption } from '../studio';
import { fullView } from './fullview';
import type { TableRoom } from '../rooms/TableRoom';
import { debriefInput, sessionCsv, sessionExport } from './records';
import { classDebrief } from '../../shared/class/debrief';
import { benchmarkKey, type Benchmark } from '../../shared/bots/benchmark';

export const KEY_HEADER = 'x-facilitator-key';

export function installClassRoutes(app: Application, ctx: ServerContext): void {
  const json = express.json({ limit: '512kb' });
  // As every other limit reads it (and Colyseus a connection's): pinned unless a trusted proxy set it.
  const address = (req: Request) => requestAddress(req);

  app.post('/api/class', json, async (req, res) => {
    const parsed = createSession.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.status(400).json({ error: 'bad-options', message: `${issue.path.join('.') || 'options'}: ${issue.message}` });
      return;
    }
    const o = parsed.data;
    if (o.seeds && !ctx.settings.acceptSeed) {
      res.status(400).json({ error: 'bad-options', message: 'seeds: this server draws every table’s seed itself.' });
      return;
    }
    // A session's table is a table: the same validation, every problem of an uploaded scenario listed.
    let table;
    try {
      // A saved scenario (the studio's "saved:ID@VERSION") is frozen into the session as it is now.
      const options = await resolveScenarioOption(ctx, {
        scenario: o.scenario,
        mode: o.mode,
        players: o.players,
        seats: o.seats,
        durations: o.durations,
        roundRange: o.roundRange,
        rounds: o.rounds,
        policy: o.policy,
        spectate: true,
      });
      table = tableFromOptions(options, ctx.settings);
    } catch (e) {
      const message = (e as Error).message;
      const [code, ...rest] = message.split(': ');
      res.status(400).json({ error: code, message: rest.join(': ') || message });
      return;
    }
    if (!table.seats.some((s) => s.kind === 'human')) {
      res.status(400).json({ error: 'bad-options', message: 'seats: leave at least one seat for a person.' });
      return;
    }
    if (!ctx.creations.take(address(req))) {
      res
        .status(429)
        .json({ error: 'too-many-tables', message: 'Too many new tables and sessions from your address.' });
      return;
    }
    // Cleaned like a name typed to join (cleanName), so every name on the list can be picked.
    const entries = o.roster.filter((n) => n.trim().length > 0);
    const tooLong = entries.find((n) => cleanName(n) === null);
    if (tooLong !== undefined) {
      res.status(400).json({
        error: 'bad-options',
        message: `roster: "${tooLong.trim().slice(0, 48)}" is longer than ${MAX_NAME} characters: shorten it.`,
      });
      return;
    }
    const roster = [...new Set(entries.map((n) => cleanName(n)!))];
    const code = await newCode((c) => codeTaken(ctx.store, c));
    const key = newFacilitatorKey();
    const session: SessionRecord = {
      code,
      created: ctx.now(),
      status: 'waiting',
      ended: null,
      keyHash: hashToken(key),
      setup: {
        scenario: table.scenario,
        mode: table.config.mode,
        tables: o.tables,
        seats: table.seats.map((s) => (s.kind === 'bot' && s.bot ? { kind: 'bot', bot: s.bot } : { kind: 'human' })),
        durations: table.settings.durations,
        roundRange: o.roundRange ?? null,
        ...(o.rounds !== undefined ? { rounds: o.rounds } : {}),
        policy: table.settings.policy,
        anonymous: o.anonymous,
        questions: o.questions,
        roster,
        ...(o.seeds ? { seeds: o.seeds } : {}),
      },
      students: [],
      tables: [],
      messages: [],
    };
    await ctx.store.write([sessionRow(session)]);
    await openSession(ctx, code);
    const answer: SessionCreated = {
      code,
      key,
      joinUrl: `/#class/${code}`,
      consoleUrl: `/#console/${code}`,
    };
    res.status(201).json(answer);
  });

  app.get('/api/class/:code', async (req, res) => {
    const session = await ctx.store.getSession(normaliseCode(req.params.code));
    if (!session) {
      res.status(404).json({ error: 'unknown-session', message: 'There is no class session with that code.' });
      return;
    }
    const info: SessionInfo = {
      code: session.code,
      status: session.status,
      scenario: { id: session.setup.scenario.id, name: session.setup.scenario.name },
      // The class list is for picking one's own name while the session runs; after, nobody needs it.
      roster: session.status === 'ended' ? [] : session.setup.roster,
      questions: session.setup.questions,
    };
    res.json(info);
  });

  /** The session, when the request carries its key; otherwise the refusal is sent and null returned. */
  const authorised = async (req: Request, res: Response): Promise<SessionRecord | null> => {
    const session = await ctx.store.getSession(normaliseCode(String(req.params.code)));
    const verdict = ctx.classes.keys.check(address(req), req.headers[KEY_HEADER], session?.keyHash ?? '');
    if (verdict === 'throttled') {
      res
        .status(429)
        .json({ error: 'too-many-guesses', message: 'Too many wrong keys from your address; wait a while.' });
      return null;
    }
    if (!session) {
      res.status(404).json({ error: 'unknown-session', message: 'There is no class session with that code.' });
      return null;
    }
    if (verdict !== 'ok') {
      res
        .status(verdict === 'missing' ? 401 : 403)
        .json({ error: 'not-facilitator', message: 'Only the session’s facilitator key may do that.' });
      return null;
    }
    return session;
  };

  app.post('/api/class/:code/act', json, async (req, res) => {
    const session = await authorised(req, res);
    if (!session) return;
    const parsed = sessionCommand.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.status(400).json({ error: 'bad-command', message: `${issue.path.join('.') || 'command'}: ${issue.message}` });
      return;
    }
    const room = localSession(session.code);
    if (!room) {
      res.status(409).json({ error: 'session-closed', message: 'This session has ended.' });
      return;
    }
    const c = parsed.data;
    const command: SessionCommand =
      c.type === 'seat-all' || c.type === 'assign' || c.type === 'message' || c.type === 'release' || c.type === 'end'
        ? c
        : c.type === 'extend'
          ? { type: 'table', table: c.table, command: { type: 'extend', seconds: c.seconds } }
          : c.type === 'hold' || c.type === 'give-back'
            ? { type: 'table', table: c.table, command: { type: c.type, seat: c.seat } }
            : { type: 'table', table: c.table, command: { type: c.type } };
    const refusal = await room.command(command, address(req));
    if (refusal !== null) {
      res.status(409).json({ error: 'refused', message: refusal });
      return;
    }
    res.json({ ok: true });
  });

  app.get('/api/class/:code/console', async (req, res) => {
    const session = await authorised(req, res);
    if (!session) return;
    // An ended session is not reopened at start: its console opens it again on demand.
    await openSession(ctx, session.code);
    res.json(localSession(session.code)?.consoleModel() ?? null);
  });

  app.get('/api/class/:code/export.json', async (req, res) => {
    const session = await authorised(req, res);
    if (!session) return;
    res.attachment(`${session.code}-session.json`).json(await sessionExport(ctx.store, session));
  });

  app.get('/api/class/:code/export.csv', async (req, res) => {
    const session = await authorised(req, res);
    if (!session) return;
    res
      .type('text/csv')
      .attachment(`${session.code}-session.csv`)
      .send(sessionCsv(await sessionExport(ctx.store, session)));
  });

  // The class debrief (shared/class/debrief.ts). With the key at any time; without it only once
  // the session has ended: everything in it then comes from finished tables, whose records are public.
  app.get('/api/class/:code/debrief', async (req, res) => {
    const code = normaliseCode(String(req.params.code));
    let session = await ctx.store.getSession(code);
    if (!(session?.status === 'ended' && req.headers[KEY_HEADER] === undefined)) {
      session = await authorised(req, res);
      if (!session) return;
    }
    const input = await debriefInput(ctx.store, session);
    const benchmarks: Benchmark[] = [];
    for (const t of input.tables) {
      const stored = ctx.benchmarks.get(t.scenario);
      if (stored && !benchmarks.some((b) => b.key === benchmarkKey(t.scenario, stored.games)))
        benchmarks.push({
          key: benchmarkKey(t.scenario, stored.games),
          scenarioId: stored.scenarioId,
          games: stored.games,
          ...stored.reference,
        });
    }
    res.json(classDebrief(input, { benchmarks }));
  });

  // A table's full view, private facts included: the facilitator's only.
  app.get('/api/class/:code/tables/:table/full', async (req, res) => {
    const session = await authorised(req, res);
    if (!session) return;
    const table = normaliseCode(String(req.params.table));
    const room = session.tables.includes(table) ? localTable(table) : undefined;
    if (!room) {
      res.status(404).json({ error: 'unknown-table', message: 'That table is not being played in this session.' });
      return;
    }
    res.json(fullView(table, room.summary().game));
  });

  app.get('/api/class/:code/debrief-input', async (req, res) => {
    const session = await authorised(req, res);
    if (!session) return;
    res.json(await debriefInput(ctx.store, session));
  });
}

function localTable(code: string): TableRoom | undefined {
  return matchMaker.getLocalRoomById(code) as TableRoom | undefined;
}

export function localSession(code: string): ClassRoom | undefined {
  return matchMaker.getLocalRoomById(code) as ClassRoom | undefined;
}

/** Opens a stored session's room in this process (after creating it, or after a restart). */
export async function openSession(ctx: ServerContext, code: string): Promise<void> {
  if (localSession(code)) return;
  await matchMaker.createRoom('class', { session: { code, key: ctx.restoreKey } } satisfies ClassRoomOptions);
}

/** After a restart: every session not ended comes back (its tables were restored first). */
export async function restoreSessions(ctx: ServerContext): Promise<string[]> {
  const codes = await ctx.store.openSessions();
  for (const code of codes)
    await openSession(ctx, code).catch((e: Error) => ctx.log(`could not restore session ${code}: ${e.message}`));
  return codes;
}
