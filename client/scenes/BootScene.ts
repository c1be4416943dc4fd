// Loads the art with a progress bar; the lobby's forms may already be up in front of it.
import Phaser from 'phaser';
import { DPR, setupCamera, viewSize } from './dpr';
import { UI } from '../game/palette';
import { ART } from './art';

export class BootScene extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    setupCamera(this);
    const { width, height } = viewSize(this);
    const barW = Math.min(360, width * 0.7);
    const x = (width - barW) / 2;
    const y = height / 2;
    this.add
      .text(width / 2, y - 44, 'LEVERAGE', {
        fontFamily: 'system-ui, sans-serif',
        resolution: DPR,
        fontSize: '34px',
        fontStyle: 'bold',
        color: UI.ink,
      })
      .setOrigin(0.5)
      .setLetterSpacing?.(6);
    const label = this.add
      .text(width / 2, y + 30, 'Setting the table… 0%', {
        fontFamily: 'system-ui, sans-serif',
        resolution: DPR,
        fontSize: '15px',
        color: UI.muted,
      })
      .setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, 0xe6b85c, 1).strokeRoundedRect(x - 4, y - 10, barW + 8, 20, 10);
    const bar = this.add.graphics();
    this.load.on('progress', (v: number) => {
      bar
        .clear()
        .fillStyle(0xe6b85c, 1)
        .fillRoundedRect(x, y - 6, Math.max(12, barW * v), 12, 6);
      label.setText(`Setting the table… ${Math.round(v * 100)}%`);
      document.documentElement.dataset.loading = String(Math.round(v * 100));
    });
    for (const [key, url] of Object.entries(ART)) this.load.svg(key, url, { width: 128, height: 128 });
  }

  create(): void {
    // main.ts switches to the scene of the current screen once the art is in.
    this.game.events.emit('art-ready');
  }
}
