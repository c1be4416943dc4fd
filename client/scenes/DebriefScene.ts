// The debrief's picture: every seat's final points revealed, in seat order, as bars that grow
// from the baseline (a seat's walk-away over the game) to its final points. Never in order of
// score: seats of one table are not ranked against each other (DESIGN 4).
import { isStrategyName } from '../../shared/bots/strategies';
import { STRATEGY_TITLES } from '../../shared/trust-game/words';
import Phaser from 'phaser';
import { DPR, setupCamera, viewSize } from './dpr';
import type { TableView } from '../../shared/engine/view';
import { pts, shortNames, signed } from '../game/derive';
import { hexToInt, seatColour, seatShape, UI } from '../game/palette';
import { store, type AppState } from '../game/store';
import { drawShape } from './draw';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

export class DebriefScene extends Phaser.Scene {
  private g!: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private unsub: (() => void) | null = null;
  private drawnFor: unknown[] = [];
  private grow = { k: 0 };
  private bars!: Phaser.GameObjects.Graphics;
  private rows: { x: number; y: number; h: number; base: number; total: number; colour: number }[] = [];

  constructor() {
    super('Debrief');
  }

  create(): void {
    setupCamera(this);
    this.g = this.add.graphics();
    this.bars = this.add.graphics();
    this.rows = [];
    this.texts = [];
    this.drawnFor = [];
    this.grow = { k: 0 };
    this.unsub = store.subscribe((s) => this.draw(s));
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Phaser binds the context passed
    this.scale.on('resize', this.onResize, this);
    this.events.once('shutdown', () => {
      this.unsub?.();
      // eslint-disable-next-line @typescript-eslint/unbound-method -- Phaser binds the context passed
      this.scale.off('resize', this.onResize, this);
    });
    this.tweens.add({
      targets: this.grow,
      k: 1,
      duration: 1200,
      ease: 'Cubic.easeOut',
      onUpdate: () => this.drawBars(),
    });
    this.draw(store.state);
  }

  private onResize(): void {
    this.drawnFor = [];
    this.draw(store.state);
  }

  private drawBars(): void {
    const g = this.bars.clear();
    const k = this.grow.k;
    for (const r of this.rows) {
      g.fillStyle(0x3a4d5c, 1).fillRect(r.x, r.y - r.h / 2, r.base, r.h);
      if (r.total >= r.base)
        g.fillStyle(r.colour, 1).fillRect(r.x + r.base, r.y - r.h / 2, (r.total - r.base) * k, r.h);
      else
        g.fillStyle(0xd55e00, 0.55).fillRect(
          r.x + r.total + (r.base - r.total) * (1 - k),
          r.y - r.h / 2,
          (r.base - r.total) * k,
          r.h,
        );
    }
  }

  private draw(state: AppState): void {
    const view = state.view;
    if (!view?.debrief || !this.sys.isActive()) return;
    const deps = [view, state.lobby, viewSize(this).width, viewSize(this).height];
    if (deps.every((d, i) => d === this.drawnFor[i])) return;
    this.drawnFor = deps;
    this.render(view, state);
  }

  private render(view: TableView, state: AppState): void {
    const { width: w, height: h } = viewSize(this);
    const d = view.debrief!;
    const score = d.score;
    const n = view.seats.length;
    const g = this.g.clear();
    g.fillStyle(hexToInt(UI.bg), 1).fillRect(0, 0, w, h);
    for (const t of this.texts) t.destroy();
    this.texts = [];
    const pad = Math.max(8, Math.min(20, w * 0.03));
    const titleSize = Math.max(13, Math.min(20, h / 22));
    this.texts.push(
      this.add.text(pad, pad, 'Final table — every number revealed', {
        fontFamily: FONT,
        resolution: DPR,
        fontSize: `${Math.round(titleSize)}px`,
        fontStyle: 'bold',
        color: UI.ink,
      }),
    );
    const top = pad + titleSize + 12;
    const rowH = Math.max(22, Math.min(70, (h - top - pad) / n));
    // Tall rows: the name on one line, the bar under it. Short rows: a short name beside the bar.
    const twoLines = rowH >= 46;
    const font = Math.max(10, Math.min(15, twoLines ? rowH * 0.26 : rowH * 0.5));
    const r = Math.max(6, Math.min(15, rowH * (twoLines ? 0.24 : 0.36)));
    const x0 = pad + 2 * r + 8;
    const valueW = 118;
    const short = shortNames(
      view.seats.map((s) => s.name),
      12,
    );
    const labelW = twoLines ? 0 : Math.min(w * 0.3, 112);
    const barX = x0 + labelW;
    const barMax = Math.max(30, w - barX - pad - valueW);
    const maxPoints = Math.max(1, ...score.seats.map((s) => Math.max(s.points, s.baseline)));
    this.rows = [];
    score.seats.forEach((s) => {
      const seat = s.seat;
      const yMid = top + seat * rowH + rowH / 2;
      const me = seat === view.viewer;
      if (me) g.fillStyle(hexToInt(UI.gold), 0.14).fillRoundedRect(pad / 2, yMid - rowH / 2 + 2, w - pad, rowH - 4, 8);
      drawShape(g, seatShape(seat), pad + r, yMid, r, hexToInt(seatColour(seat)), 1, 0x0f1a24, 2);
      const label0 = state.lobby?.seats?.[seat]?.bot;
      const bot = label0 && isStrategyName(label0) ? STRATEGY_TITLES[label0] : label0;
      const nameY = twoLines ? yMid - rowH * 0.2 : yMid;
      const barY = twoLines ? yMid + rowH * 0.18 : yMid;
      const label = twoLines
        ? `${me ? 'You · ' : ''}${view.seats[seat].name}${bot ? `  ·  ${bot}` : ''}`
        : me
          ? 'You'
          : short[seat];
      const name = this.add
        .text(x0, nameY, label, {
          fontFamily: FONT,
          resolution: DPR,
          fontSize: `${Math.round(font)}px`,
          fontStyle: 'bold',
          color: UI.ink,
        })
        .setOrigin(0, 0.5);
      const maxNameW = twoLines ? w - x0 - pad : labelW - 6;
      ellipsize(name, maxNameW);
      this.texts.push(name);
      const bh = Math.max(7, Math.min(16, rowH * (twoLines ? 0.24 : 0.4)));
      const base = (barMax * s.baseline) / maxPoints;
      const total = (barMax * Math.max(0, s.points)) / maxPoints;
      this.rows.push({ x: barX, y: barY, h: bh, base, total, colour: hexToInt(seatColour(seat)) });
      const value = this.add
        .text(
          barX + Math.max(total, base) + 6,
          barY,
          view.mode === 'trust' ? `${pts(s.points)} points` : `${pts(s.points)} (${signed(s.surplus)})`,
          { fontFamily: FONT, resolution: DPR, fontSize: `${Math.round(Math.min(font, 13))}px`, color: UI.ink },
        )
        .setOrigin(0, 0.5);
      this.texts.push(value);
    });
    this.drawBars();
  }
}

/** Shortens a text with an ellipsis until it fits (its bounds then tell the truth). */
export function ellipsize(t: Phaser.GameObjects.Text, maxW: number): void {
  let text = t.text;
  while (t.width > maxW && text.length > 2) {
    text = text.slice(0, -2);
    t.setText(text.trimEnd() + '…');
  }
}
