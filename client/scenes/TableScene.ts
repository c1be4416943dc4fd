// The table, drawn from the server's view: seats around it (role, power as the size of the
// token, reputation, person or bot, connected, ready), the coalition being built, escalations as
// arrows, deals and trust moves as lines — and every event animated as it happens.
import Phaser from 'phaser';
import { DPR, setupCamera, viewSize } from './dpr';
import type { GameEvent, RevealedTrustPair, Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import {
  checkCoalition,
  distinctNames,
  pct,
  pts,
  scenarioPowerMap,
  shortNames,
  signed,
  totalPower,
} from '../game/derive';
import { playerLabel } from '../game/format';
import { DEFECT, HONOUR, hexToInt, seatColour, seatShape, UI } from '../game/palette';
import { noteAnimation } from '../game/pace';
import { store, type AppState } from '../game/store';
import { dashedLine, drawShape } from './draw';

interface SeatSlot {
  x: number;
  y: number;
  /** Token radius. */
  r: number;
  /** Centre of the text block under the token. */
  tx: number;
  ty: number;
  w: number;
}

interface SeatObjects {
  root: Phaser.GameObjects.Container;
  token: Phaser.GameObjects.Graphics;
  weight: Phaser.GameObjects.Text;
  name: Phaser.GameObjects.Text;
  detail: Phaser.GameObjects.Text;
  rep: Phaser.GameObjects.Text;
  bar: Phaser.GameObjects.Graphics;
  who: Phaser.GameObjects.Image;
  ready: Phaser.GameObjects.Image;
  veto: Phaser.GameObjects.Image;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const REDUCED = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export class TableScene extends Phaser.Scene {
  private bg!: Phaser.GameObjects.Graphics;
  private links!: Phaser.GameObjects.Graphics;
  private centre!: Phaser.GameObjects.Text;
  private centreSub!: Phaser.GameObjects.Text;
  private centreIcon!: Phaser.GameObjects.Image;
  private fx!: Phaser.GameObjects.Container;
  private seats: SeatObjects[] = [];
  private slots: SeatSlot[] = [];
  private layoutKey = '';
  private fontScale = 1;
  private cx = 0;
  private cy = 0;
  private tableRx = 0;
  private tableRy = 0;
  private lastReveal: RevealedTrustPair[] = [];
  /** Where this reveal's icons went, so later ones keep clear of them. */
  private revealSpots: Phaser.Geom.Rectangle[] = [];
  private lastRevealRound = 0;
  private unsubs: (() => void)[] = [];
  private drawn: unknown[] = [];

  constructor() {
    super('Table');
  }

  create(): void {
    setupCamera(this);
    this.seats = [];
    this.layoutKey = '';
    this.drawn = [];
    this.bg = this.add.graphics();
    this.links = this.add.graphics();
    this.centreIcon = this.add.image(0, 0, 'handshake').setVisible(false);
    this.centre = this.add
      .text(0, 0, '', {
        fontFamily: FONT,
        resolution: DPR,
        fontSize: '20px',
        fontStyle: 'bold',
        color: UI.ink,
        align: 'center',
      })
      .setOrigin(0.5);
    this.centreSub = this.add
      .text(0, 0, '', { fontFamily: FONT, resolution: DPR, fontSize: '13px', color: UI.muted, align: 'center' })
      .setOrigin(0.5, 0);
    this.fx = this.add.container(0, 0).setName('fx').setDepth(10);
    this.unsubs.push(store.subscribe((s) => this.redraw(s)));
    this.unsubs.push(store.onEvents((events, s) => this.animate(events, s)));
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Phaser binds the context passed
    this.scale.on('resize', this.onResize, this);
    this.events.once('shutdown', () => {
      for (const u of this.unsubs) u();
      this.unsubs = [];
      // eslint-disable-next-line @typescript-eslint/unbound-method -- Phaser binds the context passed
      this.scale.off('resize', this.onResize, this);
    });
    this.redraw(store.state);
  }

  private onResize(): void {
    this.layoutKey = '';
    this.redraw(store.state);
  }

  // ------------------------------------------------------------------------------------------
  // Layout

  private layout(view: TableView): void {
    const { width: w, height: h } = viewSize(this);
    const n = view.seats.length;
    const key = `${w}x${h}:${n}:${view.viewer}`;
    if (key === this.layoutKey) return;
    this.layoutKey = key;
    const total = totalPower(view.scenario);
    const me = view.viewer ?? 0;
    const maxShare = Math.max(...view.seats.map((s) => s.power / total));
    const small = Math.min(w, h);
    // Block sizes scale with the room there is.
    const ellipse = w / h > 1.15 && w >= 560 && h >= 320;
    const blockW = ellipse
      ? Math.min(200, Math.max(110, w / (n > 6 ? 5 : 4.2)))
      : Math.min(170, w / Math.ceil(n / 2) - 8);
    this.fontScale = Math.max(0.86, Math.min(1.15, blockW / 150));
    const rMax = Math.max(16, Math.min(38, small * 0.07));
    const radius = (power: number) =>
      view.mode === 'trust' ? rMax * 0.7 : Math.max(rMax * 0.42, rMax * Math.sqrt(power / total / maxShare));
    // Two lines of name, up to three of details, the reputation bar.
    const textH = (2 * 17 + 3 * 14.5 + 16) * this.fontScale;
    this.cx = w / 2;
    this.cy = h / 2;
    const slots: SeatSlot[] = [];
    if (ellipse) {
      const blockH = 2 * rMax + textH;
      const rx = Math.max(60, w / 2 - blockW / 2 - 8);
      const ry = Math.max(40, h / 2 - blockH / 2 - 6);
      for (let i = 0; i < n; i++) {
        const k = (i - me + n) % n;
        const a = Math.PI / 2 + (k * 2 * Math.PI) / n;
        const bx = this.cx + Math.cos(a) * rx;
        const by = this.cy + Math.sin(a) * ry;
        const r = radius(view.seats[i].power);
        slots.push({ x: bx, y: by - blockH / 2 + rMax, r, tx: bx, ty: by - blockH / 2 + 2 * rMax + 4, w: blockW });
      }
      this.tableRx = rx * 0.62;
      this.tableRy = ry * 0.5;
    } else {
      // Two rows facing each other across a long table: you at the bottom, in the middle.
      const top = Math.ceil((n - 1) / 2);
      const bottom = n - top;
      const order: Seat[] = [];
      for (let k = 1; k < n; k++) order.push((me + k) % n);
      const topSeats = order.slice(0, top);
      const bottomSeats = order.slice(top).reverse();
      bottomSeats.splice(Math.floor(bottomSeats.length / 2), 0, me);
      const blockH = 2 * rMax + textH;
      const place = (row: Seat[], y: number) => {
        const cw = w / row.length;
        row.forEach((seat, i) => {
          const bx = cw * (i + 0.5);
          const r = radius(view.seats[seat].power);
          slots[seat] = { x: bx, y: y + rMax, r, tx: bx, ty: y + 2 * rMax + 4, w: Math.min(cw - 6, 170) };
        });
      };
      place(topSeats, 4);
      place(bottomSeats, h - blockH - 2);
      this.tableRx = w * 0.42;
      this.tableRy = Math.max(14, (h - 2 * blockH) / 2 - 4);
      void bottom;
    }
    this.slots = slots;
    this.buildSeats(view);
  }

  private buildSeats(view: TableView): void {
    for (const s of this.seats) s.root.destroy();
    this.seats = [];
    const f = this.fontScale;
    view.seats.forEach((seat, i) => {
      const slot = this.slots[i];
      const root = this.add.container(0, 0).setName(`seat-${i}`);
      const token = this.add.graphics();
      const weight = this.add
        .text(slot.x, slot.y, '', {
          fontFamily: FONT,
          resolution: DPR,
          fontSize: `${Math.round(Math.max(11, slot.r * 0.62))}px`,
          fontStyle: 'bold',
          color: '#0f1a24',
        })
        .setOrigin(0.5);
      const name = this.add
        .text(slot.tx, slot.ty, '', {
          fontFamily: FONT,
          resolution: DPR,
          fontSize: `${Math.round(13.5 * f)}px`,
          fontStyle: 'bold',
          color: UI.ink,
          align: 'center',
          wordWrap: { width: slot.w, useAdvancedWrap: true },
          maxLines: 2,
        })
        .setOrigin(0.5, 0);
      const detail = this.add
        .text(slot.tx, 0, '', {
          fontFamily: FONT,
          resolution: DPR,
          fontSize: `${Math.round(11.5 * f)}px`,
          color: UI.muted,
          align: 'center',
        })
        .setOrigin(0.5, 0);
      const rep = this.add
        .text(0, 0, '', { fontFamily: FONT, resolution: DPR, fontSize: `${Math.round(11 * f)}px`, color: UI.ink })
        .setOrigin(0, 0);
      const bar = this.add.graphics();
      const icon = Math.round(15 * f);
      const who = this.add.image(0, 0, 'human').setDisplaySize(icon, icon);
      const ready = this.add
        .image(slot.x + slot.r * 0.8, slot.y - slot.r * 0.8, 'ready')
        .setDisplaySize(icon + 3, icon + 3);
      const veto = this.add
        .image(slot.x - slot.r * 0.85, slot.y - slot.r * 0.8, 'veto')
        .setDisplaySize(icon + 3, icon + 3)
        .setVisible(seat.veto);
      root.add([token, weight, name, detail, bar, rep, who, ready, veto]);
      this.seats.push({ root, token, weight, name, detail, rep, bar, who, ready, veto });
    });
    this.drawn = [];
  }

  // ------------------------------------------------------------------------------------------
  // Drawing from state

  private redraw(state: AppState): void {
    const view = state.view;
    if (!view || !this.sys.isActive()) return;
    // Skip frames where nothing the table shows has changed (the timer re-renders the DOM).
    const deps = [view, state.lobby, state.highlight, state.focusProposal, viewSize(this).width, viewSize(this).height];
    if (deps.length === this.drawn.length && deps.every((d, i) => d === this.drawn[i])) return;
    this.drawn = deps;
    this.layout(view);
    const { width: w, height: h } = viewSize(this);
    const g = this.bg.clear();
    g.fillStyle(hexToInt(UI.bg), 1).fillRect(0, 0, w, h);
    g.fillStyle(hexToInt(UI.wood), 1).fillEllipse(this.cx, this.cy, this.tableRx * 2 + 16, this.tableRy * 2 + 16);
    g.fillStyle(hexToInt(UI.felt), 1).fillEllipse(this.cx, this.cy, this.tableRx * 2, this.tableRy * 2);
    g.lineStyle(2, hexToInt(UI.gold), 0.35).strokeEllipse(
      this.cx,
      this.cy,
      this.tableRx * 2 - 14,
      this.tableRy * 2 - 10,
    );
    this.drawLinks(state, view);
    this.drawSeats(state, view);
    this.drawCentre(state, view);
    this.fitTexts();
  }

  private drawSeats(state: AppState, view: TableView): void {
    const total = totalPower(view.scenario);
    const map = scenarioPowerMap(view.scenario);
    const short = shortNames(
      view.seats.map((s) => s.name),
      13,
    );
    const distinct = distinctNames(view.seats.map((s) => s.name));
    const hl = state.highlight;
    const focus = state.focusProposal !== null ? view.proposals.find((p) => p.id === state.focusProposal) : null;
    const group = hl ?? focus?.members ?? null;
    view.seats.forEach((seat, i) => {
      const o = this.seats[i];
      const slot = this.slots[i];
      if (!o || !slot) return;
      const me = seat.seat === view.viewer;
      const inGroup = group === null || group.includes(i);
      o.root.setAlpha(inGroup ? 1 : 0.4);
      const t = o.token.clear();
      if (me) t.fillStyle(hexToInt(UI.gold), 0.25).fillCircle(slot.x, slot.y, slot.r + 9);
      if (group && inGroup) t.lineStyle(3, hexToInt(UI.gold), 1).strokeCircle(slot.x, slot.y, slot.r + 6);
      drawShape(t, seatShape(i), slot.x, slot.y, slot.r, hexToInt(seatColour(i)), 1, 0x0f1a24, 2);
      // Weight matters in the coalition game only; the trust game's seats are equals.
      o.weight
        .setText(view.mode === 'trust' ? '' : String(seat.power))
        .setFontSize(Math.round(Math.max(10, slot.r * 0.62)));
      const player = playerLabel(state.lobby, i);
      // The full name when it fits in two lines, else without the words other seats share, else
      // its one distinctive word.
      const candidates = slot.w < 125 ? [short[i]] : [seat.name, distinct[i], short[i]];
      for (const c of candidates) {
        const text = me ? `You · ${c}` : c;
        if (o.name.getWrappedText(text).length <= 2 || c === short[i]) {
          o.name.setText(text);
          break;
        }
      }
      const nameBottom = slot.ty + o.name.height;
      // A small table gets one short line of details; the side panel's Seats tab has them all.
      const compact = slot.w < 125;
      const lines =
        view.mode === 'trust'
          ? [player.text || 'seat']
          : compact
            ? [`${pct(seat.power / total)} · index ${pct(map.shapleyShubik[i])}`]
            : [
                `${player.text ? `${player.text} · ` : ''}${pct(seat.power / total)} of votes`,
                `power index ${pct(map.shapleyShubik[i])}${seat.declared !== null ? ` · min ${seat.declared}%` : ''}`,
              ];
      if (me && view.me) lines.push(`${pts(view.me.points)} points (private)`);
      else if (compact && seat.declared !== null) lines.push(`min ${seat.declared}%`);
      o.detail.setText(lines.join('\n')).setPosition(slot.tx, nameBottom + 1);
      // Reputation: a bar with its number (public, 0–100).
      const barY = nameBottom + o.detail.height + 5;
      const barW = Math.min(slot.w * 0.55, 80);
      const bx = slot.tx - barW / 2 - 12;
      // The trust game has no reputation: the moves themselves are the record.
      const showRep = view.mode === 'coalition';
      o.bar.clear().setVisible(showRep);
      if (showRep)
        o.bar
          .fillStyle(0x0a131b, 1)
          .fillRoundedRect(bx, barY, barW, 7, 3)
          .fillStyle(hexToInt(UI.gold), 1)
          .fillRoundedRect(bx, barY, Math.max(3, (barW * seat.reputation) / 100), 7, 3);
      o.rep.setText(showRep ? `rep ${seat.reputation}` : '').setPosition(bx + barW + 5, barY - 4);
      const ls = state.lobby?.seats?.[i];
      o.who
        .setTexture(player.bot ? 'bot' : 'human')
        .setPosition(slot.x - slot.r - 12, slot.y + slot.r * 0.5)
        .setAlpha(ls?.connected || player.bot ? 1 : 0.35)
        .setVisible(player.bot || player.human);
      o.ready.setVisible(seat.ready && view.phase !== 'prepare' && view.phase !== 'end');
    });
  }

  /** The coalition in view: the focused or highlighted one, else the best-supported proposal. */
  private drawLinks(state: AppState, view: TableView): void {
    const l = this.links.clear();
    const centre = { x: this.cx, y: this.cy };
    const at = (s: Seat) => this.slots[s];
    // Escalations: arrows from the escalating seat to its target, with a pip per stage.
    for (const e of view.escalations) {
      const a = at(e.escalator);
      const b = at(e.target);
      if (!a || !b) continue;
      const ang = Math.atan2(b.y - a.y, b.x - a.x);
      const sx = a.x + Math.cos(ang) * (a.r + 4);
      const sy = a.y + Math.sin(ang) * (a.r + 4);
      const ex = b.x - Math.cos(ang) * (b.r + 8);
      const ey = b.y - Math.sin(ang) * (b.r + 8);
      l.lineStyle(2 + e.stage, hexToInt(DEFECT), 0.85);
      dashedLine(l, sx, sy, ex, ey, 10, 5);
      l.fillStyle(hexToInt(DEFECT), 1).fillTriangle(
        ex,
        ey,
        ex - Math.cos(ang - 0.4) * 14,
        ey - Math.sin(ang - 0.4) * 14,
        ex - Math.cos(ang + 0.4) * 14,
        ey - Math.sin(ang + 0.4) * 14,
      );
      for (let k = 0; k < e.stage; k++) {
        const t = 0.35 + k * 0.08;
        l.fillStyle(0xffffff, 1).fillCircle(sx + (ex - sx) * t, sy + (ey - sy) * t, 3.5);
      }
      for (const c of e.cosigners) {
        const cs = at(c);
        if (cs) {
          l.lineStyle(2, hexToInt(DEFECT), 0.45);
          dashedLine(l, cs.x, cs.y, (sx + ex) / 2, (sy + ey) / 2, 4, 6);
        }
      }
    }
    // Deals formed this round (resolve, trust): the winning one in gold.
    if (view.phase === 'resolve' || view.phase === 'trust') {
      for (const d of view.deals) {
        const c = centroid(d.members.map((m) => at(m)).filter(Boolean));
        for (const m of d.members) {
          const s = at(m);
          if (s) {
            l.lineStyle(d.wins ? 6 : 3, d.wins ? hexToInt(UI.gold) : 0x8a9aa6, d.wins ? 0.95 : 0.6);
            l.lineBetween(s.x, s.y, c.x, c.y);
          }
        }
      }
    }
    // Trust: pending pairs as grey dashes; the last reveal as blue (honour) / vermilion (defect).
    if (view.phase === 'trust' && view.mode === 'coalition') {
      for (const t of view.trust) {
        const a = at(view.viewer!);
        const b = at(t.partner);
        if (!a || !b) continue;
        l.lineStyle(2, 0xa9b6bf, 0.7);
        dashedLine(l, a.x, a.y, b.x, b.y, 6, 6);
      }
    }
    const lastRound = view.history[view.history.length - 1];
    const showReveal =
      lastRound &&
      (view.phase === 'score' || (view.mode === 'trust' && view.phase === 'trust') || view.phase === 'negotiate');
    if (showReveal) {
      this.lastReveal = lastRound.trust;
      this.lastRevealRound = lastRound.round;
      const alpha = view.phase === 'score' ? 0.95 : 0.45;
      for (const p of lastRound.trust) this.drawTrustPair(l, p, alpha);
    }
    // The coalition being built.
    if (view.phase === 'negotiate' || state.highlight) {
      let members: Seat[] | null = state.highlight;
      let accepted: Seat[] = members ?? [];
      let colour = hexToInt(UI.gold);
      if (!members) {
        const focus = state.focusProposal !== null ? view.proposals.find((p) => p.id === state.focusProposal) : null;
        const best =
          focus ??
          [...view.proposals]
            .filter((p) => p.round === view.round || p.acceptedBy.length > 1)
            .sort((a, b) => supportPower(view, b) - supportPower(view, a) || b.id - a.id)[0];
        if (best) {
          members = best.members;
          accepted = best.acceptedBy;
          colour = hexToInt(seatColour(best.proposer));
        }
      }
      if (members) {
        for (const m of members) {
          const s = at(m);
          if (!s) continue;
          l.lineStyle(accepted.includes(m) ? 5 : 2, colour, accepted.includes(m) ? 0.9 : 0.6);
          if (accepted.includes(m)) l.lineBetween(s.x, s.y, centre.x, centre.y);
          else dashedLine(l, s.x, s.y, centre.x, centre.y, 7, 6);
        }
      }
    }
  }

  private drawTrustPair(l: Phaser.GameObjects.Graphics, p: RevealedTrustPair, alpha: number): void {
    const a = this.slots[p.a];
    const b = this.slots[p.b];
    if (!a || !b) return;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const half = (sx: number, sy: number, move: string) => {
      l.lineStyle(move === 'honour' ? 4 : 3, hexToInt(move === 'honour' ? HONOUR : DEFECT), alpha);
      if (move === 'honour') l.lineBetween(sx, sy, mx, my);
      else dashedLine(l, sx, sy, mx, my, 5, 5);
    };
    half(a.x, a.y, p.moveA);
    half(b.x, b.y, p.moveB);
  }

  private drawCentre(state: AppState, view: TableView): void {
    let title = '';
    let sub = '';
    let icon: string | null = null;
    const win = view.deals.find((d) => d.wins);
    switch (view.phase) {
      case 'prepare':
        title = view.mode === 'trust' ? 'Trust game' : 'Prepare';
        sub =
          view.mode === 'trust'
            ? `honour or defect with ${view.seats.length - 1} seats, every round`
            : `A deal needs ${view.scenario.quota} of ${totalPower(view.scenario)} votes`;
        break;
      case 'negotiate': {
        const focus =
          state.highlight ??
          (state.focusProposal !== null ? view.proposals.find((p) => p.id === state.focusProposal)?.members : null);
        if (focus) {
          const c = checkCoalition(view.scenario, focus);
          title = `${c.power} of ${c.quota}`;
          sub = c.wins ? 'this coalition wins' : c.missingVeto.length ? 'missing a veto seat' : 'short of the quota';
        } else {
          const best = [...view.proposals].sort((a, b) => supportPower(view, b) - supportPower(view, a))[0];
          title = `Quota ${view.scenario.quota}`;
          sub = best ? `best backed: ${supportPower(view, best)} votes accept` : 'no proposal yet';
        }
        break;
      }
      case 'resolve':
        title = win ? 'A deal wins' : view.deals.length ? 'No deal wins' : 'No deal';
        sub = win ? `power ${win.power}: its terms apply to all` : 'every seat gets its walk-away';
        icon = win ? 'handshake' : null;
        break;
      case 'trust':
        title = 'Trust';
        sub = view.mode === 'trust' ? 'honour or defect with each seat' : 'partners choose: honour or defect';
        break;
      case 'score': {
        const last = view.history[view.history.length - 1];
        const moves = (last?.trust.length ?? 0) * 2;
        const honours = last
          ? last.trust.reduce((a, p) => a + (p.moveA === 'honour' ? 1 : 0) + (p.moveB === 'honour' ? 1 : 0), 0)
          : 0;
        title = `Round ${view.round} scored`;
        sub = moves ? `${honours} of ${moves} moves honoured` : 'points and reputation updated';
        break;
      }
      case 'end':
        title = 'Game over';
        sub = 'the debrief is open';
        break;
    }
    const f = this.fontScale;
    this.centre
      .setText(title)
      .setFontSize(Math.round(20 * f))
      .setPosition(this.cx, this.cy - 8 * f);
    this.centreSub
      .setText(sub)
      .setFontSize(Math.round(12.5 * f))
      .setPosition(this.cx, this.cy + 6 * f);
    const maxW = this.tableRx * 1.5;
    this.centreSub.setWordWrapWidth(maxW, true);
    if (icon) {
      this.centreIcon
        .setTexture(icon)
        .setDisplaySize(34 * f, 34 * f)
        .setPosition(this.cx, this.cy - 38 * f)
        .setVisible(this.tableRy > 50);
    } else this.centreIcon.setVisible(false);
  }

  /**
   * No text may overlap another: if the table is too small, shrink the centre, then hide the
   * details under each seat (the side panel lists every fact too).
   */
  private fitTexts(): void {
    const texts = () =>
      [this.centre, this.centreSub, ...this.seats.flatMap((s) => [s.weight, s.name, s.detail, s.rep])].filter(
        (t) => t.visible && t.text !== '',
      );
    const overlaps = () => {
      const list = texts();
      const boxes = list.map((t) => t.getBounds());
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          if (Phaser.Geom.Intersects.RectangleToRectangle(shrink(boxes[i]), shrink(boxes[j])))
            return [list[i], list[j]];
        }
      return null;
    };
    for (const s of this.seats) {
      s.detail.setVisible(true);
      s.rep.setVisible(true);
      s.bar.setVisible(true);
    }
    this.centre.setVisible(true);
    this.centreSub.setVisible(true);
    for (let guard = 0; guard < 6; guard++) {
      const hit = overlaps();
      if (!hit) return;
      if (hit.includes(this.centreSub) && this.centreSub.visible) this.centreSub.setVisible(false);
      else if (hit.includes(this.centre) && this.centre.visible) this.centre.setVisible(false);
      else {
        for (const s of this.seats) {
          if (hit.includes(s.detail) || hit.includes(s.rep) || hit.includes(s.name)) {
            s.detail.setVisible(false);
            s.rep.setVisible(false);
            s.bar.setVisible(false);
          }
        }
        if (hit.every((t) => !t.visible || this.seats.some((s) => s.name === t))) {
          for (const t of hit) if (this.seats.some((s) => s.name === t)) t.setVisible(false);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Animation from events

  private animate(events: GameEvent[], state: AppState): void {
    const view = state.view;
    if (!view || !this.sys.isActive() || this.slots.length === 0 || document.visibilityState !== 'visible') return;
    if (this.fx.length > 40) return;
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
    const s = this.slots[seat];
    if (!s) return;
    const y0 = Math.max(46, s.y - s.r - 6);
    const t = this.add
      .text(s.x, y0, text, {
        fontFamily: FONT,
        resolution: DPR,
        fontSize: `${Math.round(14 * this.fontScale)}px`,
        fontStyle: 'bold',
        color: colour,
        stroke: '#0f1a24',
        strokeThickness: 4,
      })
      .setOrigin(0.5, 1)
      .setName('fx');
    this.fx.add(t);
    t.setAlpha(0);
    this.tweens.add({
      targets: t,
      alpha: 1,
      y: y0 - 24,
      duration: this.duration(1500, delayFactor * 500),
      delay: delayFactor * 500,
      ease: 'Cubic.easeOut',
      onComplete: () => this.tweens.add({ targets: t, alpha: 0, duration: 500, onComplete: () => t.destroy() }),
    });
  }

  private pulse(seat: Seat, colour: string, strength = 1): void {
    const s = this.slots[seat];
    if (!s) return;
    const ring = this.add.graphics().setName('fx');
    this.fx.add(ring);
    const state = { k: 0 };
    this.tweens.add({
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
    const a = this.slots[from];
    const b = this.slots[to];
    if (!a || !b) return;
    const dot = this.add.container(a.x, a.y).setName('fx');
    const g = this.add.graphics();
    g.fillStyle(hexToInt(colour), 1).fillCircle(0, 0, 6).lineStyle(2, 0x0f1a24, 1).strokeCircle(0, 0, 6);
    dot.add(g);
    if (label)
      dot.add(
        this.add
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
    this.fx.add(dot);
    const dist = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const lift = Math.min(60, dist * 0.25);
    // Stop at the edge of the receiving token, not on its number.
    const end = Math.max(0, 1 - (b.r + 8) / dist);
    const state = { t: 0 };
    this.tweens.add({
      targets: state,
      t: 1,
      duration: this.duration(800),
      ease: 'Sine.easeInOut',
      onUpdate: () => {
        const t = state.t * end;
        dot.setPosition(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t - Math.sin(Math.PI * t) * lift);
      },
      onComplete: () => this.tweens.add({ targets: dot, alpha: 0, duration: 250, onComplete: () => dot.destroy() }),
    });
  }

  private burst(seat: Seat, icon: string): void {
    const s = this.slots[seat];
    if (!s) return;
    const img = this.add
      .image(s.x + s.r, s.y - s.r, icon)
      .setDisplaySize(8, 8)
      .setName('fx');
    this.fx.add(img);
    this.tweens.add({
      targets: img,
      displayWidth: 34,
      displayHeight: 34,
      duration: this.duration(350),
      ease: 'Back.easeOut',
      yoyo: false,
      onComplete: () =>
        this.tweens.add({ targets: img, alpha: 0, delay: 900, duration: 400, onComplete: () => img.destroy() }),
    });
  }

  private dealBurst(members: Seat[]): void {
    const pts2 = members.map((m) => this.slots[m]).filter(Boolean);
    const c = centroid(pts2);
    const g = this.add.graphics().setName('fx');
    this.fx.add(g);
    const state = { k: 0 };
    this.tweens.add({
      targets: state,
      k: 1,
      duration: this.duration(900),
      ease: 'Cubic.easeOut',
      onUpdate: () => {
        g.clear().lineStyle(8, hexToInt(UI.gold), 0.9);
        for (const p of pts2) g.lineBetween(p.x, p.y, p.x + (c.x - p.x) * state.k, p.y + (c.y - p.y) * state.k);
      },
      onComplete: () =>
        this.tweens.add({ targets: g, alpha: 0, delay: 700, duration: 600, onComplete: () => g.destroy() }),
    });
    const img = this.add.image(c.x, c.y, 'handshake').setDisplaySize(10, 10).setName('fx');
    this.fx.add(img);
    this.tweens.add({
      targets: img,
      displayWidth: 64,
      displayHeight: 64,
      delay: this.duration(600),
      duration: this.duration(400, 600),
      ease: 'Back.easeOut',
      onComplete: () =>
        this.tweens.add({ targets: img, alpha: 0, delay: 900, duration: 500, onComplete: () => img.destroy() }),
    });
  }

  private revealPair(p: RevealedTrustPair, delay: number): void {
    const a = this.slots[p.a];
    const b = this.slots[p.b];
    if (!a || !b) return;
    const place = (from: SeatSlot, to: SeatSlot, move: string) => {
      const size = Math.round(Math.max(14, Math.min(22, from.r * 0.85)));
      const spot = this.clearSpot(from, to, size);
      const img = this.add
        .image(spot.x, spot.y, move === 'honour' ? 'honour' : 'defect')
        .setDisplaySize(4, 4)
        .setName('fx-reveal')
        .setData('size', size);
      this.fx.add(img);
      this.tweens.add({
        targets: img,
        displayWidth: size,
        displayHeight: size,
        delay: REDUCED ? Math.min(delay, 200) : delay,
        duration: this.duration(300, delay),
        ease: 'Back.easeOut',
        onComplete: () =>
          this.tweens.add({ targets: img, alpha: 0, delay: 2600, duration: 500, onComplete: () => img.destroy() }),
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
    const texts = this.seats.flatMap((s) => [s.name, s.detail, s.rep, s.weight]);
    const f = this.fontScale;
    const blocked = [
      ...texts.filter((t) => t.visible && t.text !== '').map((t) => t.getBounds()),
      // The centre's headline changes with each phase while the icons stay: keep its whole band clear.
      new Phaser.Geom.Rectangle(this.cx - this.tableRx * 0.8, this.cy - 22 * f, this.tableRx * 1.6, 48 * f),
      ...this.slots.map((s) => new Phaser.Geom.Rectangle(s.x - s.r, s.y - s.r, 2 * s.r, 2 * s.r)),
      ...this.revealSpots,
    ];
    const box = (q: { x: number; y: number }) => new Phaser.Geom.Rectangle(q.x - half, q.y - half, 2 * half, 2 * half);
    const hits = (q: { x: number; y: number }) =>
      blocked.filter((r) => Phaser.Geom.Intersects.RectangleToRectangle(r, box(q))).length;
    const { width, height } = viewSize(this);
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
    return this.fx.list
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

  /** For tests: the last reveal the table drew. */
  revealed(): { round: number; pairs: RevealedTrustPair[] } {
    return { round: this.lastRevealRound, pairs: this.lastReveal };
  }
}

function centroid(points: { x: number; y: number }[]): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  return {
    x: points.reduce((a, p) => a + p.x, 0) / points.length,
    y: points.reduce((a, p) => a + p.y, 0) / points.length,
  };
}

function supportPower(view: TableView, p: { acceptedBy: Seat[] }): number {
  return p.acceptedBy.reduce((a, s) => a + view.seats[s].power, 0);
}

function shrink(r: Phaser.Geom.Rectangle): Phaser.Geom.Rectangle {
  return new Phaser.Geom.Rectangle(r.x + 1, r.y + 1, Math.max(0, r.width - 2), Math.max(0, r.height - 2));
}
