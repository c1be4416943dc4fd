// Every event of the table animated as it happens: offers travelling between seats, floating
// results, escalation bursts, the deal's handshake and the trust stage's icons. Kept apart from
// the scene's drawing of state, which it reads through the host's layout.
import Phaser from 'phaser';
import { DPR, viewSize } from './dpr';
import type { GameEvent, RevealedTrustPair, Seat } from '../../shared/engine/types';
import { pts, signed } from '../game/derive';
import { DEFECT, hexToInt, seatColour, UI } from '../game/palette';
import { noteAnimation } from '../game/pace';
import type { AppState } from '../game/store';

export interface SeatSlot {
  x: number;
  y: number;
  /** Token radius. */
  r: number;
  /** Centre of the text block under the token. */
  tx: number;
  ty: number;
  w: number;
}

/** What the effects read of the scene's current layout. */
export interface EffectsHost {
  readonly slots: SeatSlot[];
  /** The texts of every seat (name, details, reputation, weight), which trust icons keep clear of. */
  readonly seats: {
    name: Phaser.GameObjects.Text;
    detail: Phaser.GameObjects.Text;
    rep: Phaser.GameObjects.Text;
    weight: Phaser.GameObjects.Text;
  }[];
  readonly fontScale: number;
  readonly cx: number;
  readonly cy: number;
  readonly tableRx: number;
  readonly fx: Phaser.GameObjects.Container;
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
export const REDUCED = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export class TableEffects {
  /** Where this reveal's icons went, so later ones keep clear of them. */
  private revealSpots: Phaser.Geom.Rectangle[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly host: EffectsHost,
  ) {}

  animate(events: GameEvent[], state: AppState): void {
    const view = state.view;
    if (!view || !this.scene.sys.isActive() || this.host.slots.length === 0 || document.visibilityState !== 'visible')
      return;
    if (this.host.fx.length > 40) return;
    let revealDelay = 0;
    for (const e of events) {
      switch (e.type) {
        case 'proposed':
          this.pulse(e.proposal.proposer, seatColour(e.proposal.proposer));
          for (const m of e.proposal.members)
            if (m !== e.proposal.proposer) this.travel(e.proposal.proposer, m, seatColour(e.proposal.proposer));
          break;
        case 'accepted':
          this.float(e.seat, '✓ accepts', '#8fe0c0');
          break;
        case 'rejected':
          this.float(e.seat, '✗ rejects', '#ffb38a');
          break;
        case 'conceded':
          this.travel(e.from, e.receiver, UI.gold, `${pts(e.points)}`);
          break;
        case 'answered':
          this.float(e.target, 'answered', '#9fd3f3');
          break;
        case 'escalated':
          this.burst(e.escalation.escalator, 'megaphone');
          this.travel(e.escalation.escalator, e.escalation.target, DEFECT);
          break;
        case 'raised':
        case 'cosigned': {
          const x = view.escalations.find((q) => q.id === e.escalation);
          if (x) this.burst(e.type === 'cosigned' ? e.seat : x.escalator, 'megaphone');
          break;
        }
        case 'demand-met': {
          const x = view.escalations.find((q) => q.id === e.escalation);
          if (x) {
            this.float(x.target, 'demand met', '#8fe0c0');
            this.float(x.escalator, 'demand met', '#8fe0c0');
          }
          break;
        }
        case 'deal':
          if (e.deal.wins) this.dealBurst(e.deal.members);
          break;
        case 'trust-revealed':
          this.revealSpots = [];
          for (const p of e.pairs) {
            this.revealPair(p, revealDelay);
            revealDelay += Math.min(220, 1800 / Math.max(1, e.pairs.length));
          }
          break;
        case 'points':
          this.float(e.seat, `${signed(e.delta)} pts`, e.delta >= 0 ? '#8fe0c0' : '#ffb38a', 0.8);
          break;
        case 'reputation':
          this.float(e.seat, `rep ${signed(e.delta)}`, e.delta >= 0 ? '#ffe39a' : '#ffb38a', 0.4);
          break;
        case 'chat':
          if (e.message.to === null || e.message.to === view.viewer || e.message.from === view.viewer)
            this.pulse(e.message.from, '#ffffff', 0.5);
          break;
        case 'ready':
          this.pulse(e.seat, '#009E73', 0.5);
          break;
        default:
          break;
      }
    }
  }

  /** An animation's length; reported to the pace of display phases (client/game/pace.ts). */
  private duration(ms: number, delay = 0): number {
    const d = REDUCED ? Math.min(ms, 200) : ms;
    noteAnimation(d + (REDUCED ? Math.min(delay, 200) : delay));
    return d;
  }

  private float(seat: Seat, text: string, colour: string, delayFactor = 0): void {
    const s = this.host.slots[seat];
    if (!s) return;
    const y0 = Math.max(46, s.y - s.r - 6);
    const t = this.scene.add
      .text(s.x, y0, text, {
        fontFamily: FONT,
        resolution: DPR,
        fontSize: `${Math.round(14 * this.host.fontScale)}px`,
        fontStyle: 'bold',
        color: colour,
        stroke: '#0f1a24',
        strokeThickness: 4,
      })
      .setOrigin(0.5, 1)
      .setName('fx');
    this.host.fx.add(t);
    t.setAlpha(0);
    this.scene.tweens.add({
      targets: t,
      alpha: 1,
      y: y0 - 24,
      duration: this.duration(1500, delayFactor * 500),
      delay: delayFactor * 500,
      ease: 'Cubic.easeOut',
      onComplete: () => this.scene.tweens.add({ targets: t, alpha: 0, duration: 500, onComplete: () => t.destroy() }),
    });
  }

  private pulse(seat: Seat, colour: string, strength = 1): void {
    const s = this.host.slots[seat];
    if (!s) return;
    const ring = this.scene.add.graphics().setName('fx');
    this.host.fx.add(ring);
    const state = { k: 0 };
    this.scene.tweens.add({
      targets: state,
      k: 1,
      duration: this.duration(700),
      onUpdate: () =>
        ring
          .clear()
          .lineStyle(3, hexToInt(colour), (1 - state.k) * strength)
          .strokeCircle(s.x, s.y, s.r + 4 + state.k * 22),
      onComplete: () => ring.destroy(),
    });
  }

  private travel(from: Seat, to: Seat, colour: string, label?: string): void {
    const a = this.host.slots[from];
    const b = this.host.slots[to];
    if (!a || !b) return;
    const dot = this.scene.add.container(a.x, a.y).setName('fx');
    const g = this.scene.add.graphics();
    g.fillStyle(hexToInt(colour), 1).fillCircle(0, 0, 6).lineStyle(2, 0x0f1a24, 1).strokeCircle(0, 0, 6);
    dot.add(g);
    if (label)
      dot.add(
        this.scene.add
          .text(0, -10, label, {
            fontFamily: FONT,
            resolution: DPR,
            fontSize: '13px',
            fontStyle: 'bold',
            color: UI.ink,
            stroke: '#0f1a24',
            strokeThickness: 4,
          })
          .setOrigin(0.5, 1)
          .setName('fx'),
      );
    this.host.fx.add(dot);
    const dist = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const lift = Math.min(60, dist * 0.25);
    // Stop at the edge of the receiving token, not on its number.
    const end = Math.max(0, 1 - (b.r + 8) / dist);
    const state = { t: 0 };
    this.scene.tweens.add({
      targets: state,
      t: 1,
      duration: this.duration(800),
      ease: 'Sine.easeInOut',
      onUpdate: () => {
        const t = state.t * end;
        dot.setPosition(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t - Math.sin(Math.PI * t) * lift);
      },
      onComplete: () =>
        this.scene.tweens.add({ targets: dot, alpha: 0, duration: 250, onComplete: () => dot.destroy() }),
    });
  }

  private burst(seat: Seat, icon: string): void {
    const s = this.host.slots[seat];
    if (!s) return;
    const img = this.scene.add
      .image(s.x + s.r, s.y - s.r, icon)
      .setDisplaySize(8, 8)
      .setName('fx');
    this.host.fx.add(img);
    this.scene.tweens.add({
      targets: img,
      displayWidth: 34,
      displayHeight: 34,
      duration: this.duration(350),
      ease: 'Back.easeOut',
      yoyo: false,
      onComplete: () =>
        this.scene.tweens.add({ targets: img, alpha: 0, delay: 900, duration: 400, onComplete: () => img.destroy() }),
    });
  }

  private dealBurst(members: Seat[]): void {
    const pts2 = members.map((m) => this.host.slots[m]).filter(Boolean);
    const c = centroid(pts2);
    const g = this.scene.add.graphics().setName('fx');
    this.host.fx.add(g);
    const state = { k: 0 };
    this.scene.tweens.add({
      targets: state,
      k: 1,
      duration: this.duration(900),
      ease: 'Cubic.easeOut',
      onUpdate: () => {
        g.clear().lineStyle(8, hexToInt(UI.gold), 0.9);
        for (const p of pts2) g.lineBetween(p.x, p.y, p.x + (c.x - p.x) * state.k, p.y + (c.y - p.y) * state.k);
      },
      onComplete: () =>
        this.scene.tweens.add({ targets: g, alpha: 0, delay: 700, duration: 600, onComplete: () => g.destroy() }),
    });
    const img = this.scene.add.image(c.x, c.y, 'handshake').setDisplaySize(10, 10).setName('fx');
    this.host.fx.add(img);
    this.scene.tweens.add({
      targets: img,
      displayWidth: 64,
      displayHeight: 64,
      delay: this.duration(600),
      duration: this.duration(400, 600),
      ease: 'Back.easeOut',
      onComplete: () =>
        this.scene.tweens.add({ targets: img, alpha: 0, delay: 900, duration: 500, onComplete: () => img.destroy() }),
    });
  }

  private revealPair(p: RevealedTrustPair, delay: number): void {
    const a = this.host.slots[p.a];
    const b = this.host.slots[p.b];
    if (!a || !b) return;
    const place = (from: SeatSlot, to: SeatSlot, move: string) => {
      const size = Math.round(Math.max(14, Math.min(22, from.r * 0.85)));
      const spot = this.clearSpot(from, to, size);
      const img = this.scene.add
        .image(spot.x, spot.y, move === 'honour' ? 'honour' : 'defect')
        .setDisplaySize(4, 4)
        .setName('fx-reveal')
        .setData('size', size);
      this.host.fx.add(img);
      this.scene.tweens.add({
        targets: img,
        displayWidth: size,
        displayHeight: size,
        delay: REDUCED ? Math.min(delay, 200) : delay,
        duration: this.duration(300, delay),
        ease: 'Back.easeOut',
        onComplete: () =>
          this.scene.tweens.add({
            targets: img,
            alpha: 0,
            delay: 2600,
            duration: 500,
            onComplete: () => img.destroy(),
          }),
      });
    };
    place(a, b, p.moveA);
    place(b, a, p.moveB);
  }

  /**
   * Where a seat's trust icon toward a partner goes: on the line between them, just past the
   * seat's token, slid along the line until it covers no seat's name, details or token (on a
   * phone the line often runs down through the names under the token).
   */
  private clearSpot(from: SeatSlot, to: SeatSlot, size: number): { x: number; y: number } {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const dist = Math.max(1, Math.hypot(dx, dy));
    const half = size / 2 + 2;
    const texts = this.host.seats.flatMap((s) => [s.name, s.detail, s.rep, s.weight]);
    const f = this.host.fontScale;
    const blocked = [
      ...texts.filter((t) => t.visible && t.text !== '').map((t) => t.getBounds()),
      // The centre's headline changes with each phase while the icons stay: keep its whole band clear.
      new Phaser.Geom.Rectangle(
        this.host.cx - this.host.tableRx * 0.8,
        this.host.cy - 22 * f,
        this.host.tableRx * 1.6,
        48 * f,
      ),
      ...this.host.slots.map((s) => new Phaser.Geom.Rectangle(s.x - s.r, s.y - s.r, 2 * s.r, 2 * s.r)),
      ...this.revealSpots,
    ];
    const box = (q: { x: number; y: number }) => new Phaser.Geom.Rectangle(q.x - half, q.y - half, 2 * half, 2 * half);
    const hits = (q: { x: number; y: number }) =>
      blocked.filter((r) => Phaser.Geom.Intersects.RectangleToRectangle(r, box(q))).length;
    const { width, height } = viewSize(this.scene);
    const inside = (q: { x: number; y: number }) =>
      q.x - half >= 0 && q.y - half >= 0 && q.x + half <= width && q.y + half <= height;
    // Along the line up to its middle; failing that, just beside the line.
    const side = size * 0.9;
    const nx = -dy / dist;
    const ny = dx / dist;
    const first = (from.r + half + 2) / dist;
    let best = { x: from.x + dx * first, y: from.y + dy * first };
    let fewest = hits(best);
    const candidates: { x: number; y: number }[] = [];
    for (const off of [0, side, -side])
      for (let t = first; t <= 0.5; t += 4 / dist)
        candidates.push({ x: from.x + dx * t + nx * off, y: from.y + dy * t + ny * off });
    // Last, a ring around the seat's own token, nearest the partner's direction first.
    const toward = Math.atan2(dy, dx);
    const ring = from.r + half + 2;
    for (let k = 1; k <= 18; k++) {
      const a = toward + (k % 2 === 0 ? 1 : -1) * Math.floor(k / 2) * (Math.PI / 9);
      candidates.push({ x: from.x + Math.cos(a) * ring, y: from.y + Math.sin(a) * ring });
    }
    for (const q of candidates) {
      if (fewest === 0) break;
      if (!inside(q)) continue;
      const n = hits(q);
      if (n < fewest) {
        best = q;
        fewest = n;
      }
    }
    this.revealSpots.push(box(best));
    return best;
  }

  /** For tests: the trust icons on the table now, in screen pixels of the canvas, and whether each has grown to full size. */
  revealIcons(): { x: number; y: number; w: number; h: number; grown: boolean }[] {
    return this.host.fx.list
      .filter(
        (o): o is Phaser.GameObjects.Image =>
          o instanceof Phaser.GameObjects.Image && o.name === 'fx-reveal' && o.alpha > 0.5,
      )
      .map((o) => {
        const b = o.getBounds();
        return {
          x: b.x,
          y: b.y,
          w: b.width,
          h: b.height,
          grown: o.displayWidth >= (o.getData('size') as number) - 0.5,
        };
      });
  }
}

export function centroid(points: { x: number; y: number }[]): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  return {
    x: points.reduce((a, p) => a + p.x, 0) / points.length,
    y: points.reduce((a, p) => a + p.y, 0) / points.length,
  };
}
