// The table, drawn from the server's view: seats around it (role, power as the size of the
// token, reputation, person or bot, connected, ready), the coalition being built, escalations as
// arrows, deals and trust moves as lines. Events are animated by table-effects.ts.
import Phaser from 'phaser';
import { DPR, setupCamera, viewSize } from './dpr';
import type { RevealedTrustPair, Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import { checkCoalition, distinctNames, pct, pts, scenarioPowerMap, shortNames, totalPower } from '../game/derive';
import { playerLabel } from '../game/format';
import { DEFECT, HONOUR, hexToInt, seatColour, seatShape, UI } from '../game/palette';
import { store, type AppState } from '../game/store';
import { dashedLine, drawShape } from './draw';
import { centroid, FONT, TableEffects, type SeatSlot } from './table-effects';

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

export class TableScene extends Phaser.Scene {
  private bg!: Phaser.GameObjects.Graphics;
  private links!: Phaser.GameObjects.Graphics;
  private centre!: Phaser.GameObjects.Text;
  private centreSub!: Phaser.GameObjects.Text;
  private centreIcon!: Phaser.GameObjects.Image;
  // The layout below is read by the effects (EffectsHost); only this scene writes it.
  fx!: Phaser.GameObjects.Container;
  seats: SeatObjects[] = [];
  slots: SeatSlot[] = [];
  private layoutKey = '';
  fontScale = 1;
  cx = 0;
  cy = 0;
  tableRx = 0;
  private tableRy = 0;
  private lastReveal: RevealedTrustPair[] = [];
  private effects!: TableEffects;
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
    this.effects = new TableEffects(this, this);
    this.unsubs.push(store.subscribe((s) => this.redraw(s)));
    this.unsubs.push(store.onEvents((events, s) => this.effects.animate(events, s)));
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

  /** For tests: the trust icons on the table now, in screen pixels of the canvas, and whether each has grown to full size. */
  revealIcons(): { x: number; y: number; w: number; h: number; grown: boolean }[] {
    return this.effects.revealIcons();
  }

  /** For tests: the last reveal the table drew. */
  revealed(): { round: number; pairs: RevealedTrustPair[] } {
    return { round: this.lastRevealRound, pairs: this.lastReveal };
  }
}

function supportPower(view: TableView, p: { acceptedBy: Seat[] }): number {
  return p.acceptedBy.reduce((a, s) => a + view.seats[s].power, 0);
}

function shrink(r: Phaser.Geom.Rectangle): Phaser.Geom.Rectangle {
  return new Phaser.Geom.Rectangle(r.x + 1, r.y + 1, Math.max(0, r.width - 2), Math.max(0, r.height - 2));
}
