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
    this.events.once('shutdown', () => this.scale.off('resize', this.draw, this));
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

  private positions(): { x: number; y: number; r: number }[] {
    const { width, height } = viewSize(this);
    const cx = width * (width > 900 ? 0.72 : 0.5);
    const cy = height * (width > 900 ? 0.55 : 0.8);
    const R = Math.min(width, height) * 0.3;
    return WEIGHTS.map((w, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / WEIGHTS.length;
      return { x: cx + Math.cos(a) * R * 1.25, y: cy + Math.sin(a) * R * 0.8, r: 8 + Math.sqrt(w) * 3.2 };
    });
  }

  private draw(): void {
    const { width, height } = viewSize(this);
    const g = this.g.clear();
    g.fillStyle(hexToInt(UI.bg), 1).fillRect(0, 0, width, height);
    const pos = this.positions();
    const cx = (pos[0].x + pos[3].x) / 2;
    const cy = (pos[0].y + pos[3].y) / 2;
    const R = Math.min(width, height) * 0.3;
    g.fillStyle(hexToInt(UI.wood), 0.5).fillEllipse(cx, cy, R * 2.1, R * 1.3);
    g.fillStyle(hexToInt(UI.felt), 0.7).fillEllipse(cx, cy, R * 1.95, R * 1.17);
    pos.forEach((p, i) => drawShape(g, seatShape(i), p.x, p.y, p.r, hexToInt(SEAT_COLOURS[i]), 0.55));
    this.drawLinks();
  }

  private drawLinks(): void {
    const pos = this.positions();
    const l = this.links.clear();
    l.lineStyle(3, hexToInt(UI.gold), 0.45);
    const m = this.coalition;
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++) {
        const a = pos[m[i]];
        const b = pos[m[j]];
        l.lineBetween(a.x, a.y, a.x + (b.x - a.x) * this.progress, a.y + (b.y - a.y) * this.progress);
      }
  }
}
