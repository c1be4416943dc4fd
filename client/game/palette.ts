// One visual identity per seat: a colour from the Okabe–Ito palette (safe for the common forms
// of colour blindness) and a shape, so no seat is told apart by colour alone. Trust moves use
// blue/vermilion plus a tick or a cross and a solid or dashed line.

export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'hexagon', 'star', 'pentagon', 'cross'] as const;
export type Shape = (typeof SHAPES)[number];

/** Okabe–Ito, ordered so neighbouring seats differ most; the dark blue is lifted for a dark table. */
export const SEAT_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#3C8FD6',
  '#D55E00',
  '#CC79A7',
  '#BBBBBB',
] as const;

export const SHAPE_NAMES: Record<Shape, string> = {
  circle: 'circle',
  square: 'square',
  triangle: 'triangle',
  diamond: 'diamond',
  hexagon: 'hexagon',
  star: 'star',
  pentagon: 'pentagon',
  cross: 'cross',
};

export const HONOUR = '#56B4E9';
export const DEFECT = '#D55E00';
export const GOOD = '#009E73';
export const BAD = '#D55E00';

export const UI = {
  bg: '#0f1a24',
  felt: '#173a3a',
  feltEdge: '#0d2626',
  wood: '#6b4a2b',
  ink: '#f4efe6',
  muted: '#a9b6bf',
  gold: '#E6B85C',
} as const;

export function seatColour(seat: number): string {
  return SEAT_COLOURS[seat % SEAT_COLOURS.length];
}

export function seatShape(seat: number): Shape {
  return SHAPES[seat % SHAPES.length];
}

export function hexToInt(hex: string): number {
  return parseInt(hex.slice(1), 16);
}

/** Points of a regular shape centred on (0,0) with radius r, for canvas and SVG alike. */
export function shapePoints(shape: Shape, r: number): [number, number][] | null {
  const poly = (n: number, rot: number, radii: number[] = [r]) =>
    Array.from({ length: n }, (_, i) => {
      const a = rot + (i * 2 * Math.PI) / n;
      const rr = radii[i % radii.length];
      return [Math.cos(a) * rr, Math.sin(a) * rr] as [number, number];
    });
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return poly(4, Math.PI / 4, [r * 1.12]);
    case 'triangle':
      return poly(3, -Math.PI / 2, [r * 1.25]).map(([x, y]) => [x, y + r * 0.18]);
    case 'diamond':
      return poly(4, -Math.PI / 2, [r * 1.2]);
    case 'hexagon':
      return poly(6, 0, [r * 1.08]);
    case 'star':
      return poly(10, -Math.PI / 2, [r * 1.25, r * 0.62]);
    case 'pentagon':
      return poly(5, -Math.PI / 2, [r * 1.1]);
    case 'cross': {
      const a = r * 0.42;
      const b = r * 1.05;
      return [
        [-a, -b],
        [a, -b],
        [a, -a],
        [b, -a],
        [b, a],
        [a, a],
        [a, b],
        [-a, b],
        [-a, a],
        [-b, a],
        [-b, -a],
        [-a, -a],
      ];
    }
  }
}

/** An SVG path for a seat's shape (legends, the power map, the debrief). */
export function shapePath(shape: Shape, r: number, cx = 0, cy = 0): string {
  const pts = shapePoints(shape, r);
  if (!pts) return `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
  return 'M ' + pts.map(([x, y]) => `${(cx + x).toFixed(1)} ${(cy + y).toFixed(1)}`).join(' L ') + ' Z';
}
