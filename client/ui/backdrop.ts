// The lobby's backdrop: a quiet negotiating table whose seats keep forming and dissolving
// coalitions, the game in one glance beside the title. Drawn as SVG and animated by CSS
// (style.css, .backdrop), so the lobby needs no canvas and no Phaser.
import { SEAT_COLOURS, seatShape, shapePath, UI } from '../game/palette';
import { h, type VNode } from './dom';

const WEIGHTS = [35, 20, 18, 15, 12, 9];
/** Winning coalitions (more than 54 of 109), shown in turn. */
const COALITIONS = [
  [1, 2, 3, 4],
  [0, 1],
  [0, 3, 4, 5],
];
const W = 300;
const H = 184;

function seats(): { x: number; y: number; r: number }[] {
  const cx = W / 2;
  const cy = 92;
  const R = 64;
  return WEIGHTS.map((w, i) => {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / WEIGHTS.length;
    return { x: cx + Math.cos(a) * R * 1.55, y: cy + Math.sin(a) * R * 0.95, r: 5 + Math.sqrt(w) * 2.2 };
  });
}

export function lobbyBackdrop(): VNode {
  const pos = seats();
  const rx = Math.abs(pos[1].x - W / 2) * 0.78;
  const ry = Math.abs(pos[0].y - 92) * 0.62;
  return h(
    'svg',
    { class: 'backdrop', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true', focusable: 'false' },
    h('ellipse', { cx: W / 2, cy: 92, rx: rx + 5, ry: ry + 5, fill: UI.wood }),
    h('ellipse', { cx: W / 2, cy: 92, rx, ry, fill: UI.felt }),
    COALITIONS.map((members, k) =>
      h(
        'g',
        { class: `coalition c${k}`, key: k },
        members.flatMap((a, i) =>
          members
            .slice(i + 1)
            .map((b) => h('line', { x1: pos[a].x, y1: pos[a].y, x2: pos[b].x, y2: pos[b].y, pathLength: 1 })),
        ),
      ),
    ),
    pos.map((p, i) =>
      h('path', {
        key: `s${i}`,
        d: shapePath(seatShape(i), p.r, p.x, p.y),
        fill: SEAT_COLOURS[i],
        stroke: UI.bg,
        'stroke-width': 1.5,
      }),
    ),
  );
}
