// The scenario studio's side of the server (issue 12): shipped scenarios as starting points,
// saving a scenario (validated again here, size-limited, with an author and a version), reading
// saved ones back, and turning a saved scenario's reference ("saved:ID@VERSION") into the
// scenario itself when a table is created. A table copies that scenario into its own record, so
// a later version never changes a past game's replay. A saved scenario is data: it is parsed by
// the same schema as a shipped one, and every text in it is length-limited there.
import { createHash, randomBytes } from 'node:crypto';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { MAX_SCENARIO_CHARS, nestsTooDeep, TOO_DEEP } from '../shared/studio/checks';
import { parseScenario, type ScenarioProblem } from '../shared/scenarios/schema';
import { isScenarioId, scenarioById } from '../shared/scenarios/index';
import { withPrivateBlank } from '../shared/studio/blank';
import { fromServerMachine, requestAddress, SlidingWindow } from './addresses';
import type { ServerContext } from './context';
import { joinError } from './rooms/setup';

/** A saved scenario as a table's `scenario` option: "saved:ID" (the latest version) or "saved:ID@VERSION". */
export const SAVED_PREFIX = 'saved:';
const REF = /^saved:([a-z0-9]{10})(?:@([1-9][0-9]{0,5}))?$/;
const ID = /^[a-z0-9]{10}$/;
export const AUTHOR_LENGTH = 60;
/** Saves one address may make are counted over ten minutes (how many: settings.studioSavesPerAddress). */
const SAVE_WINDOW_MS = 10 * 60 * 1000;
/** A save's body beyond its scenario: the author, id, edit key and the field names. */
const ENVELOPE_CHARS = 1024;

/** A request whose body's size in characters was measured as it arrived. */
type SizedRequest = Request & { bodyChars?: number };

export function savedRef(id: string, version: number): string {
  return `${SAVED_PREFIX}${id}@${version}`;
}

export function parseSavedRef(ref: string): { id: string; version: number | null } | null {
  const m = REF.exec(ref);
  return m ? { id: m[1], version: m[2] === undefined ? null : Number(m[2]) } : null;
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Create options with a saved scenario's reference replaced by the scenario it names, for the
 * table setup (tableFromOptions) to validate like any scenario; other options are returned as
 * they are. Throws a join error ("bad-scenario: …") when the reference names nothing. Whatever
 * creates tables calls it first — a table room, and a class session's setup — so a saved
 * scenario is selectable by its reference everywhere a shipped scenario's id is.
 */
export async function resolveScenarioOption(ctx: ServerContext, options: unknown): Promise<unknown> {
  if (typeof options !== 'object' || options === null) return options;
  const scenario = (options as { scenario?: unknown }).scenario;
  if (typeof scenario !== 'string' || !scenario.startsWith(SAVED_PREFIX)) return options;
  const ref = parseSavedRef(scenario);
  const saved = ref ? await ctx.store.savedScenario(ref.id, ref.version) : null;
  if (!saved) throw joinError('bad-scenario', `There is no saved scenario "${scenario.slice(0, 40)}".`);
  return { ...options, scenario: saved.scenario };
}

function problems(res: Response, status: number, list: ScenarioProblem[], message: string): void {
  res.status(status).json({ error: 'bad-scenario', message, problems: list });
}

export function installStudioRoutes(app: Application, ctx: ServerContext): void {
  const saves = new SlidingWindow(
    () => ctx.settings.studioSavesPerAddress,
    () => SAVE_WINDOW_MS,
  );

  // A shipped scenario as a starting point (unless the operator turned copies off). Whole only for
  // the server's own machine, or for anyone when the operator says so: its walk-aways, values,
  // briefings and debrief are what players of a class must not read before they play. Anyone
  // else gets its structure and public facts with those blank (the header says which copy it is).
  // The game client's bundle never carries them either (tests/e2e/bundle.test.ts).
  app.get('/api/studio/shipped/:id', (req, res) => {
    if (!ctx.settings.studioShippedCopies) {
      res.status(404).json({
        error: 'not-offered',
        message: 'This server does not hand out copies of its shipped scenarios; start from blank or a saved scenario.',
      });
      return;
    }
    const s = scenarioById(req.params.id);
    if (!s) {
      res.status(404).json({ error: 'unknown-scenario', message: 'There is no shipped scenario with that id.' });
      return;
    }
    const whole = ctx.settings.studioShippedWhole || fromServerMachine(req);
    // The answer depends on who asks: no cache between may keep the whole copy for the next one.
    res
      .set({ 'X-Studio-Copy': whole ? 'whole' : 'blanked', 'Cache-Control': 'no-store' })
      .json(whole ? s : withPrivateBlank(s));
  });

  // Every saved scenario's name, author and version, for the operator of this server (its own
  // machine only): a custom case's existence and author are nobody else's business.
  app.get('/api/studio/scenarios', async (req, res) => {
    if (!fromServerMachine(req)) {
      res.status(404).json({ error: 'not-found', message: 'No such page.' });
      return;
    }
    res.json(await ctx.store.savedScenarios());
  });

  // A saved scenario whole, for the browser that holds its edit key. A student who learns its
  // reference can play it, and once a game on it ends, that game's record (its log and replay,
  // GET /api/tables/:code/log) holds the scenario whole, as every finished game's does: the
  // record is the replay's source. What the key keeps private is the scenario before any game on
  // it has ended, and every version nobody has finished a game on.
  const one = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const version = req.params.version === undefined ? null : Number(req.params.version);
    const key = req.get('x-edit-key') ?? '';
    const unknown = () =>
      res.status(404).json({
        error: 'unknown-scenario',
        message: 'There is no saved scenario with that id and edit key (only the browser that saved it can open it).',
      });
    if (!ID.test(id) || (version !== null && !(Number.isInteger(version) && version >= 1))) {
      unknown();
      return;
    }
    const saved = await ctx.store.savedScenario(id, version);
    if (!saved || saved.keyHash !== hash(key)) {
      unknown();
      return;
    }
    const { keyHash: _hash, ...open } = saved;
    // Opened by a header a shared cache would not key on: it must keep none of it.
    res.set('Cache-Control', 'no-store').json({ ...open, ref: savedRef(saved.id, saved.version) });
  };
  app.get('/api/studio/scenarios/:id', one);
  app.get('/api/studio/scenarios/:id/:version', one);

  // Bytes, not characters: the JSON of a scenario at the character limit, even all in multibyte
  // letters, fits; anything larger is refused before it is parsed. Its size in characters is
  // then measured on the body as sent, before anything walks the parsed value.
  const body = express.json({
    limit: MAX_SCENARIO_CHARS * 4 + 2048,
    strict: true,
    verify: (req, _res, buf) => {
      (req as SizedRequest).bodyChars = buf.toString('utf8').length;
    },
  });
  // Every save counts, valid or not, before its body is read: past the limit nothing is parsed.
  const limit = (req: Request, res: Response, next: NextFunction) => {
    // The client's address as pinned by addresses.ts (its proxy's word only when trusted).
    if (saves.take(requestAddress(req), ctx.now())) {
      next();
      return;
    }
    res.status(429).json({
      error: 'too-many-saves',
      message: `At most ${ctx.settings.studioSavesPerAddress} saves in ten minutes from one address; wait a little.`,
    });
  };
  app.post('/api/studio/scenarios', limit, body, async (req, res) => {
    if (!req.is('application/json')) {
      res.status(415).json({
        error: 'not-json',
        message: 'A scenario is saved as JSON: send it as JSON (Content-Type: application/json).',
      });
      return;
    }
    if (((req as SizedRequest).bodyChars ?? 0) > MAX_SCENARIO_CHARS + ENVELOPE_CHARS) {
      problems(
        res,
        413,
        [{ path: '', message: `is too large: at most ${MAX_SCENARIO_CHARS} characters of JSON` }],
        'The scenario is too large to save.',
      );
      return;
    }
    const input = (req.body ?? {}) as Record<string, unknown>;
    const list: ScenarioProblem[] = [];
    const author = typeof input.author === 'string' ? input.author.trim() : '';
    if (author.length === 0) list.push({ path: 'author', message: 'must not be empty: who wrote this scenario?' });
    if (author.length > AUTHOR_LENGTH)
      list.push({ path: 'author', message: `is too long: at most ${AUTHOR_LENGTH} characters` });
    if (nestsTooDeep(input)) {
      problems(res, 400, [TOO_DEEP], 'The scenario is not a scenario.');
      return;
    }
    const parsed = parseScenario(input.scenario);
    if (!parsed.ok) list.push(...parsed.problems);
    else if (isScenarioId(parsed.scenario.id))
      list.push({
        path: 'id',
        message: `"${parsed.scenario.id}" is the id of a shipped scenario: give yours an id of its own`,
      });
    const id = input.id === undefined ? null : typeof input.id === 'string' ? input.id : '';
    const key = typeof input.key === 'string' ? input.key : null;
    if (id !== null && (!ID.test(id) || key === null))
      list.push({ path: 'id', message: 'a new version needs the id and the edit key of the first save' });
    if (list.length > 0 || !parsed.ok) {
      problems(res, 400, list, `The scenario was not saved: ${list.length} problem${list.length === 1 ? '' : 's'}.`);
      return;
    }
    const newKey = key ?? randomBytes(18).toString('base64url');
    const saveId = id ?? randomBytes(5).toString('hex');
    const version = await ctx.store.saveScenario(
      {
        id: saveId,
        name: parsed.scenario.name,
        author,
        created: ctx.now(),
        keyHash: hash(newKey),
        scenario: JSON.stringify(parsed.scenario),
      },
      { versionsPerId: ctx.settings.studioVersionsPerScenario, totalRows: ctx.settings.studioMaxSavedVersions },
    );
    if (version === null) {
      res.status(403).json({
        error: 'wrong-key',
        message: 'This saved scenario belongs to another edit key: save it as a new scenario instead.',
      });
      return;
    }
    if (version === 'too-many-versions') {
      res.status(409).json({
        error: 'too-many-versions',
        message: `A saved scenario keeps at most ${ctx.settings.studioVersionsPerScenario} versions: save it as a new scenario instead.`,
      });
      return;
    }
    if (version === 'store-full') {
      // Nothing is deleted to make room: old versions are the replays' and the facilitators' references.
      res.status(507).json({
        error: 'store-full',
        message:
          'This server holds as many saved scenarios as its operator allows; nothing was saved. Download the file to keep your work.',
      });
      return;
    }
    res.status(201).json({
      id: saveId,
      version,
      author,
      name: parsed.scenario.name,
      ref: savedRef(saveId, version),
      // Returned on the first save only; the browser keeps it to save later versions.
      ...(key === null ? { key: newKey } : {}),
    });
  });

  // A body that is not JSON or is too large, and any failure, gets a sentence in JSON: never
  // Express's HTML page with its stack.
  // In the studio's words, with the problems list its page shows (a response already under way
  // can only be cut off: Express does that).
  app.use('/api/studio', (err: unknown, req: Request, res: Response, next: NextFunction) => {
    const e = err as { type?: string; status?: number } | null;
    if (res.headersSent) next(err);
    else if (e?.type === 'entity.too.large')
      problems(res, 413, [{ path: '', message: 'is too large to save' }], 'The scenario is too large to save.');
    else if (e?.type === 'entity.parse.failed')
      problems(res, 400, [{ path: '', message: 'is not valid JSON' }], 'The scenario is not valid JSON.');
    else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
      res.status(e.status).json({
        error: 'bad-request',
        message: 'The request could not be read: send the scenario as JSON in UTF-8.',
      });
    else {
      // Anything else is the server's fault: a sentence for the person, the details for the log only.
      ctx.log(`studio: ${req.method} ${req.path} failed: ${err instanceof Error ? err.message : String(err)}`);
      res.status(500).json({
        error: 'server-error',
        message: `The scenario could not be ${req.method === 'POST' ? 'saved' : 'read'}: the server failed. Try again in a moment.`,
      });
    }
  });
}
