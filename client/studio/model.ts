// The studio's state: one draft scenario, edited through the forms or the JSON view (each edit
// redraws the other), checked after every change by the same shared code the server runs. The
// draft is plain data, possibly broken while a trainer types; operations read it defensively and
// keep every role's values in step with the issues and options. Saved in this browser so a reload
// keeps the work.
import { formatPath, type ScenarioProblem } from '../../shared/scenarios/schema';
import { blankScenario, copyOf } from '../../shared/studio/blank';
import { nestsTooDeep, readScenarioText, studioReport, TOO_DEEP, type StudioReport } from '../../shared/studio/checks';
import type { QuickBench } from '../../shared/studio/bench';
import { touch } from '../ui/common';

export type Path = (string | number)[];

export interface SavedInfo {
  id: string;
  version: number;
  ref: string;
  /** The scenario's text as saved: the draft is "saved" while it still reads the same. */
  text: string;
}

export const studio = {
  draft: blankScenario() as unknown,
  /** The JSON view's text; differs from the draft's JSON only while it does not parse. */
  jsonText: '',
  jsonProblems: null as ScenarioProblem[] | null,
  report: null as StudioReport | null,
  /** Narrow screens show one pane at a time. */
  pane: 'edit' as 'edit' | 'checks' | 'json',
  author: '',
  saved: null as SavedInfo | null,
  saving: false,
  saveProblems: [] as ScenarioProblem[],
  saveMessage: null as string | null,
  bench: {
    running: false,
    done: 0,
    total: 0,
    result: null as QuickBench | null,
    /** The draft's text the result was measured on. */
    measured: '',
    error: null as string | null,
  },
  upload: null as { name: string; problems: ScenarioProblem[]; draft: unknown } | null,
  loading: null as string | null,
  loadError: null as string | null,
  /** Said about the draft just started from (a shipped case copied with its private facts blank). */
  loadNote: null as string | null,
};

const DRAFT_KEY = 'leverage.studio.draft';
const AUTHOR_KEY = 'leverage.studio.author';
const KEYS_KEY = 'leverage.studio.keys';
const SAVED_KEY = 'leverage.studio.saved';
const MINE_KEY = 'leverage.studio.mine';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: the draft lives as long as the page */
  }
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function listAt(x: unknown, key: string): unknown[] {
  return isRecord(x) && Array.isArray(x[key]) ? (x[key] as unknown[]) : [];
}

/** The value at a path of the draft, or undefined. */
export function at(path: Path): unknown {
  let x: unknown = studio.draft;
  for (const seg of path) {
    if (typeof seg === 'number') x = Array.isArray(x) ? x[seg] : undefined;
    else x = isRecord(x) && Object.hasOwn(x, seg) ? x[seg] : undefined;
  }
  return x;
}

export const pathText = (path: Path): string => formatPath(path);

/** Loads the last draft of this browser, or a blank one. */
export function restore(): void {
  studio.author = stored(AUTHOR_KEY) ?? '';
  const text = stored(DRAFT_KEY);
  const read = text ? readScenarioText(text) : null;
  studio.draft = read?.ok ? read.draft : blankScenario();
  try {
    const saved = JSON.parse(stored(SAVED_KEY) ?? 'null') as SavedInfo | null;
    studio.saved = saved && typeof saved.ref === 'string' ? saved : null;
  } catch {
    studio.saved = null;
  }
  changed();
  // A whole new draft is checked at once: its first paint lists its problems.
  checkNow();
}

let checkTimer: ReturnType<typeof setTimeout> | null = null;

/** After every edit: the JSON view follows the draft (unless it was the source), and the checks run. */
export function changed(fromJson = false): void {
  const text = JSON.stringify(studio.draft, null, 2);
  if (!fromJson) {
    studio.jsonText = text;
    studio.jsonProblems = null;
  }
  store(DRAFT_KEY, text);
  if (checkTimer) clearTimeout(checkTimer);
  // Checks take a few milliseconds; a short pause lets a burst of typing through first.
  checkTimer = setTimeout(() => {
    checkTimer = null;
    studio.report = studioReport(studio.draft);
    touch();
  }, 60);
  touch();
}

/** Runs the checks now (tests and the first paint do not wait for the pause). */
export function checkNow(): StudioReport {
  if (checkTimer) clearTimeout(checkTimer);
  checkTimer = null;
  studio.report = studioReport(studio.draft);
  return studio.report;
}

/** Sets the value at a path, creating objects on the way if the draft has none there. */
export function setAt(path: Path, value: unknown): void {
  // A key from a file is data: "__proto__" must never reach an object's prototype.
  if (path.length === 0 || path.some(unsafeKey)) return;
  if (!isRecord(studio.draft)) studio.draft = {};
  let x = studio.draft as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    let next = Object.hasOwn(x, seg) ? x[seg] : undefined;
    if (typeof next !== 'object' || next === null) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      x[seg] = next;
    }
    x = next as Record<string | number, unknown>;
  }
  x[path[path.length - 1]] = value;
  changed();
}

/** A typed number as a number; anything else stays text, so the checks name the problem. */
export function numberFrom(text: string): number | string {
  const t = text.trim();
  if (t === '') return '';
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

// ---------------------------------------------------------------------------------------------
// Roles, issues and options: every role values every option of every issue.

function issueIds(): { id: string; options: string[] }[] {
  return listAt(studio.draft, 'issues').map((issue) => ({
    id: isRecord(issue) ? String(issue.id) : '',
    options: listAt(issue, 'options').map((o) => (isRecord(o) ? String(o.id) : '')),
  }));
}

function unsafeKey(key: string | number): boolean {
  return key === '__proto__';
}

function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function eachRoleValues(fn: (values: Record<string, unknown>) => void): void {
  for (const role of listAt(studio.draft, 'roles')) {
    if (!isRecord(role)) continue;
    if (!isRecord(role.values)) role.values = {};
    fn(role.values as Record<string, unknown>);
  }
}

export function addRole(): void {
  const roles = listAt(studio.draft, 'roles');
  const ids = roles.map((r) => (isRecord(r) ? String(r.id) : ''));
  const values = Object.fromEntries(issueIds().map((i) => [i.id, Object.fromEntries(i.options.map((o) => [o, 0]))]));
  setAt(['roles', roles.length], {
    id: freshId('role', ids),
    name: '',
    power: 10,
    walkAway: 5,
    veto: false,
    briefing: '',
    values,
  });
}

export function removeAt(path: Path): void {
  const list = at(path.slice(0, -1));
  const i = path[path.length - 1];
  if (Array.isArray(list) && typeof i === 'number') list.splice(i, 1);
  changed();
}

export function removeIssue(i: number): void {
  const id = issueIds()[i]?.id;
  if (id !== undefined) eachRoleValues((v) => delete v[id]);
  removeAt(['issues', i]);
}

export function addIssue(): void {
  const issues = issueIds();
  const id = freshId(
    'issue',
    issues.map((x) => x.id),
  );
  eachRoleValues((v) => (v[id] = { 'option-1': 0, 'option-2': 0 }));
  setAt(['issues', issues.length], {
    id,
    name: '',
    options: [
      { id: 'option-1', name: '' },
      { id: 'option-2', name: '' },
    ],
  });
}

export function addOption(i: number): void {
  const issue = issueIds()[i];
  if (!issue || unsafeKey(issue.id)) return;
  const id = freshId('option', issue.options);
  eachRoleValues((v) => {
    if (!isRecord(v[issue.id])) v[issue.id] = {};
    (v[issue.id] as Record<string, unknown>)[id] = 0;
  });
  setAt(['issues', i, 'options', issue.options.length], { id, name: '' });
}

export function removeOption(i: number, j: number): void {
  const issue = issueIds()[i];
  const option = issue?.options[j];
  if (issue && option !== undefined && !unsafeKey(issue.id))
    eachRoleValues((v) => {
      const byOption = v[issue.id];
      if (isRecord(byOption)) delete byOption[option];
    });
  removeAt(['issues', i, 'options', j]);
}

/** Renames an issue's id, and the key of that issue in every role's values. */
export function renameIssue(i: number, id: string): void {
  const old = issueIds()[i]?.id;
  if (old !== undefined && old !== id && !unsafeKey(id) && !unsafeKey(old))
    eachRoleValues((v) => {
      if (Object.hasOwn(v, old) && !Object.hasOwn(v, id)) {
        v[id] = v[old];
        delete v[old];
      }
    });
  setAt(['issues', i, 'id'], id);
}

export function renameOption(i: number, j: number, id: string): void {
  const issue = issueIds()[i];
  const old = issue?.options[j];
  if (issue && old !== undefined && old !== id && !unsafeKey(id) && !unsafeKey(old))
    eachRoleValues((v) => {
      const byOption = v[issue.id];
      if (isRecord(byOption) && Object.hasOwn(byOption, old) && !Object.hasOwn(byOption, id)) {
        byOption[id] = byOption[old];
        delete byOption[old];
      }
    });
  setAt(['issues', i, 'options', j, 'id'], id);
}

// ---------------------------------------------------------------------------------------------
// Whole drafts: the JSON view, a new start, an upload.

/** The JSON view was edited: the forms follow when it parses; otherwise it says why. */
export function editJson(text: string): void {
  studio.jsonText = text;
  const read = readScenarioText(text);
  if (!read.ok) {
    studio.jsonProblems = read.problems;
    touch();
    return;
  }
  studio.jsonProblems = null;
  studio.draft = read.draft;
  changed(true);
}

export function startFrom(draft: unknown, copy: boolean): void {
  // Every whole draft comes through here: one nested past the limit would make each redraw's
  // JSON.stringify throw and the page stop updating, so it is refused wherever it came from.
  if (nestsTooDeep(draft)) {
    studio.loadError = `It could not be opened: the scenario ${TOO_DEEP.message}.`;
    touch();
    return;
  }
  studio.draft = copy && isRecord(draft) ? copyOf(draft) : draft;
  studio.saved = null;
  store(SAVED_KEY, 'null');
  studio.upload = null;
  studio.loadNote = null;
  studio.loadError = null;
  studio.bench.result = null;
  changed();
  checkNow();
  touch();
}

/**
 * A file a person chose: a valid scenario opens at once; anything else lists every problem and
 * changes nothing until the person asks to open it anyway (a file too large or not JSON never opens).
 */
export function readUpload(name: string, text: string): void {
  const read = readScenarioText(text);
  if (!read.ok) {
    studio.upload = { name, problems: read.problems, draft: null };
    touch();
    return;
  }
  const problems = studioReport(read.draft).problems;
  if (problems.length === 0) {
    startFrom(read.draft, false);
    return;
  }
  studio.upload = { name, problems, draft: isRecord(read.draft) ? read.draft : null };
  touch();
}

export function setAuthor(name: string): void {
  studio.author = name;
  store(AUTHOR_KEY, name);
}

/** The edit key of a saved scenario, kept in this browser only. */
export function keyOf(id: string): string | null {
  const keys = savedKeys();
  return typeof keys[id] === 'string' ? keys[id] : null;
}

function savedKeys(): Record<string, string> {
  try {
    const keys = JSON.parse(stored(KEYS_KEY) ?? '{}') as unknown;
    return isRecord(keys) ? (keys as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberSave(info: SavedInfo, key: string | null, name: string): void {
  studio.saved = info;
  store(SAVED_KEY, JSON.stringify(info));
  if (key) {
    const keys = savedKeys();
    keys[info.id] = key;
    store(KEYS_KEY, JSON.stringify(keys));
  }
  const mine = mySaved().filter((m) => m.id !== info.id);
  store(MINE_KEY, JSON.stringify([{ id: info.id, name, version: info.version }, ...mine].slice(0, 100)));
}

/** The scenarios this browser saved (and holds the edit keys of), newest first. */
export function mySaved(): { id: string; name: string; version: number }[] {
  try {
    const list = JSON.parse(stored(MINE_KEY) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter(
          (m): m is { id: string; name: string; version: number } =>
            isRecord(m) && typeof m.id === 'string' && typeof m.name === 'string' && keyOf(m.id) !== null,
        )
      : [];
  } catch {
    return [];
  }
}

/** The draft's text in a stable form (what a save and a benchmark are compared by). */
export function draftText(): string {
  return JSON.stringify(studio.draft);
}

/** Problems whose path is exactly this one (shown beside its field). */
export function problemsAt(path: Path): ScenarioProblem[] {
  const p = pathText(path);
  return (studio.report?.problems ?? []).filter((x) => x.path === p);
}
