// The class debrief page (issue 10 item 4): a page of its own at #class-debrief/<session>, for a
// projector. Loaded with import() from main.ts, so the lobby bundle does not carry it. It fetches
// the model (shared/class/debrief.ts) from the server and draws it with the same small DOM layer as
// the rest of the client. (No demonstration class is played in the browser: that would ship the
// scenarios' private data in the bundle; the browser test serves one simulated headless.)
// The address holds the view: #class-debrief/<session>/<tab>[/<table A>/<table B>], so a
// facilitator can bookmark the comparison they want to show.
import './debrief.css';
import type { ClassDebrief } from '../../shared/class/debrief';
import { getJson } from '../net/api';
import { render } from '../ui/dom';
import { classView, TABS, type Tab } from './views';

export interface PageState {
  session: string;
  tab: Tab;
  /** The two tables of the compare view. */
  a: string | null;
  b: string | null;
  /** The role the roles view details. */
  role: number;
  model: ClassDebrief | null;
  error: string | null;
}

const PREFIX = '#class-debrief/';

export function parseHash(hash: string): Pick<PageState, 'session' | 'tab' | 'a' | 'b'> | null {
  if (!hash.startsWith(PREFIX)) return null;
  const [session, tab, a, b] = hash.slice(PREFIX.length).split('/').map(decodeURIComponent);
  if (!session) return null;
  return {
    session,
    tab: (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'tables',
    a: a || null,
    b: b || null,
  };
}

function hashOf(s: PageState): string {
  const parts = [s.session, s.tab];
  if (s.tab === 'compare' && s.a && s.b) parts.push(s.a, s.b);
  return PREFIX + parts.map(encodeURIComponent).join('/');
}

/**
 * The facilitator key this browser holds for a session, where the console keeps it (class10's
 * client/class/api.ts facilitatorKeys: this tab's session storage, else the list of sessions this
 * browser created). Sent in a header, never in the address.
 */
function facilitatorKey(code: string): string | null {
  try {
    const own = sessionStorage.getItem(`leverage.class.${code}.key`);
    if (own) return own;
    const all = JSON.parse(localStorage.getItem('leverage.class.keys') ?? '{}') as Record<string, string>;
    return all[code] ?? null;
  } catch {
    return null;
  }
}

function loadModel(session: string): Promise<ClassDebrief> {
  const key = facilitatorKey(session);
  return getJson<ClassDebrief>(
    `/api/class/${encodeURIComponent(session)}/debrief`,
    key ? { 'x-facilitator-key': key } : {},
  );
}

/** Mounts the page in `root` for the session the address names. */
export function openClassDebrief(root: HTMLElement): void {
  const parsed = parseHash(location.hash);
  if (!parsed) return;
  document.body.className = 'screen-class-debrief';
  document.title = `Class debrief — ${parsed.session} — Leverage`;
  const state: PageState = { ...parsed, role: 0, model: null, error: null };

  const paint = () => {
    render(root, classView(state, update));
  };
  /** Applies a change of view, keeps the address in step, and redraws. */
  const update = (patch: Partial<PageState>, focus?: string) => {
    Object.assign(state, patch);
    if (state.model && (!state.a || !state.b) && state.model.comparePair) {
      state.a ??= state.model.comparePair[0];
      state.b ??= state.model.comparePair[1];
    }
    const hash = hashOf(state);
    if (location.hash !== hash) history.replaceState(null, '', hash);
    paint();
    if (focus) requestAnimationFrame(() => document.getElementById(focus)?.focus());
  };

  window.addEventListener('hashchange', () => {
    const p = parseHash(location.hash);
    if (p && p.session === state.session) update({ tab: p.tab, a: p.a ?? state.a, b: p.b ?? state.b });
    // Another session's address: its debrief afresh.
    else if (p) location.reload();
  });
  // Keys 1–5 switch the view, for a facilitator at a laptop beside the projector.
  window.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (e.altKey || e.ctrlKey || e.metaKey || target?.closest('select, input, textarea')) return;
    const i = Number(e.key) - 1;
    if (Number.isInteger(i) && i >= 0 && i < TABS.length) update({ tab: TABS[i] }, `tab-${TABS[i]}`);
  });

  paint();
  loadModel(state.session)
    .then((model) => update({ model }))
    .catch((e: Error) => update({ error: `The class debrief could not be loaded: ${e.message}` }))
    .finally(() => {
      document.documentElement.dataset.ready = '1';
    });
}
