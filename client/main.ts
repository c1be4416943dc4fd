// Entry point: the DOM layer (forms, panels, the debrief report) drawn from one store, and, once
// a table opens, the canvas (client/stage.ts, with Phaser) loaded on demand. The lobby and its
// join form need no Phaser, so a phone gets them without downloading and compiling it.
import { conn, loadScenarios, route } from './app';
import { store, type Screen } from './game/store';
import { render } from './ui/dom';
import { pinFeeds } from './ui/panels/feed';
import { appView } from './ui/root';
import type { Stage } from './stage';

const ui = document.getElementById('ui')!;

function isNarrow(): boolean {
  return window.innerWidth < 900 || window.innerWidth < window.innerHeight * 0.95;
}

let stage: Stage | null = null;
let stageLoading: Promise<Stage> | null = null;

/** The canvas, loaded the first time a screen needs it. */
function loadStage(): Promise<Stage> {
  stageLoading ??= import('./stage').then((m) => {
    stage = new m.Stage();
    return stage;
  });
  return stageLoading;
}

const needsStage = (screen: Screen) => screen === 'table' || screen === 'debrief';

function paint(): void {
  const s = store.state;
  document.body.classList.toggle('narrow', isNarrow());
  const phase = s.view?.phase ?? '';
  for (const c of Array.from(document.body.classList))
    if (c.startsWith('phase-') && c !== `phase-${phase}`) document.body.classList.remove(c);
  if (phase) document.body.classList.add(`phase-${phase}`);
  render(ui, appView(s, isNarrow()));
  pinFeeds();
  if (stage) stage.show(s.screen);
  else if (needsStage(s.screen)) void loadStage().then((st) => st.show(store.state.screen));
  if (
    s.screen !== 'boot' &&
    (s.screen !== 'lobby' || s.scenarios !== null) &&
    !document.documentElement.dataset.ready
  ) {
    document.documentElement.dataset.ready = '1';
    // Milliseconds from navigation to a usable page (npm run bench reads it: client.lobbyMs, client.lobbyPhoneMs).
    document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  }
}

/**
 * Pages of their own, loaded on demand so the lobby bundle does not carry them: the class debrief
 * (for a projector), and a class session's console and projector (issue 10). A student's
 * #class/<code> is the waiting room, then the ordinary table.
 */
const CLASS_DEBRIEF = /^#class-debrief\//;
const CLASS_PAGE = /^#(console|projector)\/([A-Za-z]+)$/;
const CLASS_STUDENT = /^#class\/([A-Za-z]+)$/;
/** Which page an address opens; moving between pages (not within one) starts the new page afresh. */
function pageOf(hash: string): string {
  if (CLASS_DEBRIEF.test(hash)) return 'class-debrief';
  return CLASS_PAGE.exec(hash)?.[0] ?? CLASS_STUDENT.exec(hash)?.[0] ?? 'app';
}
const page = pageOf(location.hash);
window.addEventListener('hashchange', () => {
  if (pageOf(location.hash) !== page) location.reload();
});
const classPage = CLASS_PAGE.exec(location.hash);
const classStudent = CLASS_STUDENT.exec(location.hash);
if (page === 'class-debrief') {
  void import('./class/debrief').then((m) => m.openClassDebrief(ui));
} else if (classPage) {
  const [, kind, code] = classPage;
  void import('./class/console').then((m) =>
    kind === 'console'
      ? m.openConsole(ui, code.toLowerCase() === 'new' ? null : code.toUpperCase())
      : m.openProjector(ui, code.toUpperCase()),
  );
} else {
  store.subscribe(paint);
  window.addEventListener('resize', () => {
    paint();
    stage?.fit();
  });
  void loadScenarios();
  if (classStudent) void import('./class/student').then((m) => m.openStudent(classStudent[1].toUpperCase()));
  // The lobby (or the rejoined table) does not wait for the canvas.
  else void route();
}
// The phase timer: a repaint twice a second while a deadline runs.
setInterval(() => {
  if ((store.state.lobby?.deadline ?? 0) > 0 && store.state.screen === 'table') paint();
}, 500);

/** For tests and the bench: the store, the connection, and (once a table opened) the canvas. */
window.__leverage = {
  store,
  conn,
  stageLoaded: () => stage !== null,
  /** Nothing left to draw on the canvas: not needed by this screen, or drawn. */
  canvasReady: () => !needsStage(store.state.screen) || (stage?.ready() ?? false),
  game: () => stage?.game ?? null,
  renderer: () => stage?.renderer() ?? 'NONE',
  textBounds: () => stage?.textBounds() ?? [],
  revealIcons: () => stage?.revealIcons() ?? [],
};
