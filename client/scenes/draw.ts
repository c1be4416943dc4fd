// Drawing helpers shared by the scenes: seat shapes (colour plus shape, never colour alone).
import Phaser from 'phaser';
import { shapePoints, type Shape } from '../game/palette';

export function drawShape(
  g: Phaser.GameObjects.Graphics,
  shape: Shape,
  x: number,
  y: number,
  r: number,
  fill: number,
  alpha = 1,
  stroke?: number,
  strokeWidth = 2,
): void {
  const pts = shapePoints(shape, r);
  g.fillStyle(fill, alpha);
  if (stroke !== undefined) g.lineStyle(strokeWidth, stroke, 1);
  if (!pts) {
    g.fillCircle(x, y, r);
    if (stroke !== undefined) g.strokeCircle(x, y, r);
    return;
  }
  const points = pts.map(([px, py]) => new Phaser.Math.Vector2(x + px, y + py));
  g.fillPoints(points, true);
  if (stroke !== undefined) g.strokePoints(points, true, true);
}

/** A dashed line (Graphics has none built in). */
export function dashedLine(
  g: Phaser.GameObjects.Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash = 8,
  gap = 6,
): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += dash + gap) {
    const e = Math.min(len, d + dash);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}
