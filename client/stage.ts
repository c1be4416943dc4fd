// The canvas: the Phaser game that draws and animates the table and the debrief. The lobby needs
// none of it, so main.ts loads this module (and Phaser with it) only when a table opens: a phone
// joining a class gets its join form without downloading and compiling Phaser first.
import Phaser from 'phaser';
import type { Screen } from './game/store';
import { UI } from './game/palette';
import { BootScene } from './scenes/BootScene';
import { DebriefScene } from './scenes/DebriefScene';
import { DPR } from './scenes/dpr';
import { TableScene } from './scenes/TableScene';

/** The scene each screen shows; the lobby shows none (its backdrop is DOM, client/ui/backdrop.ts). */
const SCENES: Record<Screen, string | null> = { boot: null, lobby: null, table: 'Table', debrief: 'Debrief' };

function stageSize(): { width: number; height: number } {
  const r = document.getElementById('stage')!.getBoundingClientRect();
  return { width: Math.max(1, Math.floor(r.width)), height: Math.max(1, Math.floor(r.height)) };
}

export class Stage {
  readonly game: Phaser.Game;
  private shown: string | null = 'Boot';
  private wanted: Screen = 'boot';
  private artReady = false;

  constructor() {
    this.game = new Phaser.Game({
      type: Phaser.AUTO,
      parent: 'stage',
      backgroundColor: UI.bg,
      // The canvas holds DPR × the stage's CSS pixels; zoom 1/DPR shows it at the stage's size.
      scale: {
        mode: Phaser.Scale.NONE,
        width: stageSize().width * DPR,
        height: stageSize().height * DPR,
        zoom: 1 / DPR,
      },
      scene: [BootScene, TableScene, DebriefScene],
      banner: false,
      input: { keyboard: false },
    });
    this.game.events.once('art-ready', () => {
      this.artReady = true;
      this.show(this.wanted);
    });
    new ResizeObserver(() => this.fit()).observe(document.getElementById('stage')!);
  }

  /** Shows the scene of a screen once the art is in (the boot scene's progress bar until then). */
  show(screen: Screen): void {
    this.wanted = screen;
    const to = SCENES[screen];
    if (!this.artReady || to === this.shown) return;
    if (this.shown) this.game.scene.stop(this.shown);
    if (to) this.game.scene.start(to);
    this.shown = to;
    requestAnimationFrame(() => this.fit());
  }

  /** The stage changes size with the layout (a side panel appears, a phone rotates): Phaser follows. */
  fit(): void {
    if (!this.game.isBooted) return;
    const { width, height } = stageSize();
    if (Math.floor(width * DPR) !== this.game.scale.width || Math.floor(height * DPR) !== this.game.scale.height)
      this.game.scale.resize(width * DPR, height * DPR);
  }

  /** The art is in and the current screen's scene is running (for tests: the canvas is drawn). */
  ready(): boolean {
    return this.artReady && (this.shown === null || this.game.scene.isActive(this.shown));
  }

  renderer(): string {
    const type = this.game.renderer?.type;
    return type === Phaser.WEBGL ? 'WEBGL' : type === Phaser.CANVAS ? 'CANVAS' : 'NONE';
  }

  /** For tests: the bounds of the canvas's visible texts, in page pixels. */
  textBounds(): { text: string; x: number; y: number; w: number; h: number; scene: string }[] {
    const canvas = this.game.canvas.getBoundingClientRect();
    const out: { text: string; x: number; y: number; w: number; h: number; scene: string }[] = [];
    for (const scene of this.game.scene.getScenes(true)) {
      const walk = (list: Phaser.GameObjects.GameObject[]) => {
        for (const o of list) {
          if (o instanceof Phaser.GameObjects.Container) {
            if (o.visible && o.alpha > 0) walk(o.list);
            continue;
          }
          if (
            !(o instanceof Phaser.GameObjects.Text) ||
            !o.visible ||
            o.alpha < 0.5 ||
            o.name === 'fx' ||
            o.text.trim() === ''
          )
            continue;
          let hidden = false;
          for (let p = o.parentContainer; p; p = p.parentContainer)
            if (!p.visible || p.alpha < 0.5 || p.name === 'fx') hidden = true;
          if (hidden) continue;
          const b = o.getBounds();
          out.push({
            text: o.text,
            x: canvas.left + b.x,
            y: canvas.top + b.y,
            w: b.width,
            h: b.height,
            scene: scene.scene.key,
          });
        }
      };
      walk(scene.children.list);
    }
    return out;
  }

  /** For tests: the trust icons on the table now, in page pixels. */
  revealIcons(): { x: number; y: number; w: number; h: number; grown: boolean }[] {
    const canvas = this.game.canvas.getBoundingClientRect();
    const table = this.game.scene.getScene('Table') as TableScene | null;
    return table && table.sys.isActive()
      ? table.revealIcons().map((b) => ({ ...b, x: canvas.left + b.x, y: canvas.top + b.y }))
      : [];
  }
}
