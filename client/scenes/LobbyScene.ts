// The lobby's backdrop: a quiet negotiating table whose seats keep forming and dissolving
// coalitions — the game in one glance, behind the lobby's forms.
import Phaser from 'phaser';
import { DPR, setupCamera, viewSize } from './dpr';
import { hexToInt, SEAT_COLOURS, seatShape, UI } from '../game/palette';
import { drawShape } from './draw';

const WEIGHTS = [35, 20, 18, 15, 12, 9];

export class LobbyScene extends Phaser.Scene {
  private g!: Phaser.GameObjects.Graphics;
  private links!: Phaser.GameObjects.Graphics;
  private coalition: number[] = [1, 2, 3];
  private progress = 0;

  constructor() {
    super('Lobby');
  }

  create(): void {
    setupCamera(this);
    this.g = this.add.graphics();
    this.links = this.add.graphics();
    this.draw();
    this.scale.on('resize', this.draw, this);
    const onScroll = (e: Event) => {
      this.cameras.main.scrollY = (e as CustomEvent<number>).detail;
    };
    window.addEventListener('leverage:lobby-scroll', onScroll);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.draw, this);
      window.removeEventListener('leverage:lobby-scroll', onScroll);
    });
    this.time.addEvent({
      delay: 2600,
      loop: true,
      callback: () => {
        const pool = [0, 1, 2, 3, 4, 5];
        Phaser.Utils.Array.Shuffle(pool);
        const members: number[] = [];
        let power = 0;
        for (const s of pool) {
          if (power > 54) break;
          members.push(s);
          power += WEIGHTS[s];
        }
        this.coalition = members;
        this.progress = 0;
        this.tweens.add({ targets: this, progress: 1, duration: 900, ease: 'Sine.easeOut', onUpdate: () => this.drawLinks() });
      },
    });
  }

  /** The little table sits in the lobby's header band, to the right of the title. */
  private positions(): { x: number; y: number; r: number }[] {
    const { width } = viewSize(this);
    const wide = width >= 900;
    const content = Math.min(width, 1100);
    const cx = wide ? (width - content) / 2 + content - 150 : width - 58;
    const cy = wide ? 92 : 48;
    const R = wide ? 64 : 30;
    return WEIGHTS.map((w, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / WEIGHTS.length;
      return { x: cx + Math.cos(a) * R * 1.55, y: cy + Math.sin(a) * R * 0.95, r: (wide ? 5 : 2.6) + Math.sqrt(w) * (wide ? 2.2 : 1.1) };
    });
  }

  private draw(): void {
    const { width, height } = viewSize(this);
    const g = this.g.clear();
    g.fillStyle(hexToInt(UI.bg), 1).fillRect(0, 0, width, height * 4);
    // A faint felt glow across the header band.
    g.fillStyle(hexToInt(UI.felt), 0.35).fillRect(0, 0, width, width >= 900 ? 184 : 96);
    const pos = this.positions();
    const cx = pos.reduce((a, p) => a + p.x, 0) / pos.length;
    const cy = pos.reduce((a, p) => a + p.y, 0) / pos.length;
    const rx = Math.abs(pos[1].x - cx) * 0.78;
    const ry = Math.abs(pos[0].y - cy) * 0.62;
    g.fillStyle(hexToInt(UI.wood), 1).fillEllipse(cx, cy, rx * 2 + 10, ry * 2 + 10);
    g.fillStyle(hexToInt(UI.felt), 1).fillEllipse(cx, cy, rx * 2, ry * 2);
    pos.forEach((p, i) => drawShape(g, seatShape(i), p.x, p.y, p.r, hexToInt(SEAT_COLOURS[i]), 1, 0x0f1a24, 1.5));
    this.drawLinks();
  }

  private drawLinks(): void {
    const pos = this.positions();
    const l = this.links.clear();
    l.lineStyle(viewSize(this).width >= 900 ? 3 : 2, hexToInt(UI.gold), 0.85);
    const m = this.coalition;
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++) {
        const a = pos[m[i]];
        const b = pos[m[j]];
        l.lineBetween(a.x, a.y, a.x + (b.x - a.x) * this.progress, a.y + (b.y - a.y) * this.progress);
      }
  }
}
