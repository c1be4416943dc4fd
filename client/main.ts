// Entry point: the Phaser game (the table, drawn and animated) and the DOM layer (forms,
// panels, the debrief report), both drawn from one store.
import Phaser from 'phaser';
import { conn, loadScenarios, route } from './app';
import { UI } from './game/palette';
import { store, type Screen } from './game/store';
import { BootScene } from './scenes/BootScene';
import { DebriefScene } from './scenes/DebriefScene';
import { DPR } from './scenes/dpr';
import { LobbyScene } from './scenes/LobbyScene';
import { TableScene } from './scenes/TableScene';
import { render } from './ui/dom';
import { pinFeeds } from './ui/panels/feed';
import { appView } from './ui/root';

function stageSize(): { width: number; height: number } {
  const r = document.getElementById('stage')!.getBoundingClientRect();
  return { width: Math.max(1, Math.floor(r.width)), height: Math.max(1, Math.floor(r.height)) };
}

const scenesByScreen: Record<Screen, string> = { boot: 'Boot', lobby: 'Lobby', table: 'Table', debrief: 'Debrief' };

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  backgroundColor: UI.bg,
  // The canvas holds DPR × the stage's CSS pixels; zoom 1/DPR shows it at the stage's size.
  scale: { mode: Phaser.Scale.NONE, width: stageSize().width * DPR, height: stageSize().height * DPR, zoom: 1 / DPR },
  scene: [BootScene, LobbyScene, TableScene, DebriefScene],
  banner: false,
  input: { keyboard: false },
});

const ui = document.getElementById('ui')!;

function isNarrow(): boolean {
  return window.innerWidth < 900 || window.innerWidth < window.innerHeight * 0.95;
}

let shownScreen: Screen = 'boot';
let artReady = false;
game.events.once('art-ready', () => {
  artReady = true;
  paint();
});
function paint(): void {
  const s = store.state;
  document.body.classList.toggle('narrow', isNarrow());
  const phase = s.view?.phase ?? '';
  for (const c of Array.from(document.body.classList)) if (c.startsWith('phase-') && c !== `phase-${phase}`) document.body.classList.remove(c);
  if (phase) document.body.classList.add(`phase-${phase}`);
  render(ui, appView(s, isNarrow()));
  pinFeeds();
  if (s.screen !== shownScreen && artReady) {
    const from = scenesByScreen[shownScreen];
    const to = scenesByScreen[s.screen];
    shownScreen = s.screen;
    if (from !== to) {
      game.scene.stop(from);
      game.scene.start(to);
    }
    requestAnimationFrame(fitStage);
  }
  if (s.screen !== 'boot' && (s.screen !== 'lobby' || s.scenarios !== null) && !document.documentElement.dataset.ready) {
    document.documentElement.dataset.ready = '1';
    // Milliseconds from navigation to a usable page (npm run bench reads it: client.lobbyMs).
    document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  }
}

store.subscribe(paint);
// The stage changes size with the layout (a side panel appears, a phone rotates): Phaser follows.
function fitStage(): void {
  if (!game.isBooted) return;
  const { width, height } = stageSize();
  if (Math.floor(width * DPR) !== game.scale.width || Math.floor(height * DPR) !== game.scale.height) game.scale.resize(width * DPR, height * DPR);
}
new ResizeObserver(fitStage).observe(document.getElementById('stage')!);
window.addEventListener('resize', () => {
  paint();
  fitStage();
});
void loadScenarios();
// The lobby (or the rejoined table) does not wait for the canvas's art.
void route();
// The phase timer: a repaint twice a second while a deadline runs.
setInterval(() => {
  if ((store.state.lobby?.deadline ?? 0) > 0 && store.state.screen === 'table') paint();
}, 500);

/** For tests and the bench: the store, the connection, and the bounds of the canvas's texts. */
window.__leverage = {
  store,
  conn,
  game,
  renderer: () => (game.renderer?.type === Phaser.WEBGL ? 'WEBGL' : game.renderer?.type === Phaser.CANVAS ? 'CANVAS' : 'NONE'),
  revealIcons: () => {
    const canvas = game.canvas.getBoundingClientRect();
    const table = game.scene.getScene('Table') as TableScene | null;
    return table && table.sys.isActive() ? table.revealIcons().map((b) => ({ ...b, x: canvas.left + b.x, y: canvas.top + b.y })) : [];
  },
  textBounds: () => {
    const canvas = game.canvas.getBoundingClientRect();
    const out: { text: string; x: number; y: number; w: number; h: number; scene: string }[] = [];
    for (const scene of game.scene.getScenes(true)) {
      const walk = (list: Phaser.GameObjects.GameObject[]) => {
        for (const o of list) {
          if (o instanceof Phaser.GameObjects.Container) {
            if (o.visible && o.alpha > 0) walk(o.list);
            continue;
          }
          if (!(o instanceof Phaser.GameObjects.Text) || !o.visible || o.alpha < 0.5 || o.name === 'fx' || o.text.trim() === '') continue;
          let hidden = false;
          for (let p = o.parentContainer; p; p = p.parentContainer) if (!p.visible || p.alpha < 0.5 || p.name === 'fx') hidden = true;
          if (hidden) continue;
          const b = o.getBounds();
          out.push({ text: o.text, x: canvas.left + b.x, y: canvas.top + b.y, w: b.width, h: b.height, scene: scene.scene.key });
        }
      };
      walk(scene.children.list);
    }
    return out;
  },
};
