// Small SVG charts for the debrief, drawn from numbers only (no chart library: the bundle stays
// light). Every series carries its seat's shape as a marker, so colour is never the only cue.
import { seatColour, seatShape, shapePath } from '../game/palette';
import { h, type VNode } from './dom';

export interface Series {
  seat: number;
  label: string;
  values: number[];
  emphasis?: boolean;
}

const PAD = { l: 42, r: 12, t: 12, b: 28 };

/**
 * The drawing's own width: the SVG scales to its box, text included, so a phone (a box about
 * 340 px wide) gets a narrower drawing and its labels stay as large as on a desktop.
 */
function size(narrow: boolean | undefined): { W: number; H: number } {
  return narrow ? { W: 360, H: 210 } : { W: 560, H: 230 };
}

function niceTicks(min: number, max: number, count = 4): number[] {
  if (min === max) return [min];
  const span = max - min;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}

/** A line chart of one value per round for each seat. */
export function lineChart(
  id: string,
  title: string,
  rounds: number[],
  series: Series[],
  opts: { min?: number; max?: number; narrow?: boolean } = {},
): VNode {
  const { W, H } = size(opts.narrow);
  const all = series.flatMap((s) => s.values);
  let min = opts.min ?? Math.min(0, ...all);
  let max = opts.max ?? Math.max(1, ...all);
  if (min === max) max = min + 1;
  const ticks = niceTicks(min, max);
  min = Math.min(min, ticks[0] ?? min);
  max = Math.max(max, ticks[ticks.length - 1] ?? max);
  const x = (i: number) => PAD.l + (rounds.length <= 1 ? 0.5 : i / (rounds.length - 1)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - min) / (max - min)) * (H - PAD.t - PAD.b);
  return h(
    'svg',
    { class: 'chart', id, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title },
    h('title', null, title),
    ticks.map((t) => [
      h('line', { x1: PAD.l, x2: W - PAD.r, y1: y(t), y2: y(t), stroke: '#2c4557', 'stroke-width': 1 }),
      h('text', { x: PAD.l - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(t)),
    ]),
    rounds.map((r, i) => h('text', { x: x(i), y: H - 8, 'text-anchor': 'middle' }, `R${r}`)),
    series.map((s) => {
      const d = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'} ${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join(' ');
      return h(
        'g',
        { key: s.seat },
        h('path', {
          d,
          fill: 'none',
          stroke: seatColour(s.seat),
          'stroke-width': s.emphasis ? 3.5 : 2,
          'stroke-dasharray': s.seat % 2 === 1 ? '6 3' : undefined,
        }),
        s.values.map((v, i) =>
          h('path', {
            d: shapePath(seatShape(s.seat), 4.2, x(i), y(v)),
            fill: seatColour(s.seat),
            stroke: '#0f1a24',
            'stroke-width': 1,
          }),
        ),
      );
    }),
  );
}

/** Bars per round (0–1), e.g. the cooperation rate. */
export function rateBars(
  id: string,
  title: string,
  rounds: number[],
  rates: (number | null)[],
  opts: { narrow?: boolean } = {},
): VNode {
  const { W, H } = size(opts.narrow);
  const bw = (W - PAD.l - PAD.r) / Math.max(1, rounds.length);
  const y = (v: number) => PAD.t + (1 - v) * (H - PAD.t - PAD.b);
  return h(
    'svg',
    { class: 'chart', id, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title },
    h('title', null, title),
    [0, 0.5, 1].map((t) => [
      h('line', { x1: PAD.l, x2: W - PAD.r, y1: y(t), y2: y(t), stroke: '#2c4557' }),
      h('text', { x: PAD.l - 6, y: y(t) + 4, 'text-anchor': 'end' }, `${t * 100}%`),
    ]),
    rounds.map((r, i) => {
      const v = rates[i];
      const x0 = PAD.l + i * bw + bw * 0.15;
      return h(
        'g',
        { key: r },
        v === null
          ? h('text', { x: x0 + bw * 0.35, y: y(0) - 6, 'text-anchor': 'middle' }, '—')
          : h('rect', { x: x0, y: y(v), width: bw * 0.7, height: Math.max(1, y(0) - y(v)), fill: '#56B4E9', rx: 3 }),
        v === null
          ? null
          : h(
              'text',
              { x: x0 + bw * 0.35, y: Math.max(PAD.t + 10, y(v) - 4), 'text-anchor': 'middle' },
              `${Math.round(v * 100)}%`,
            ),
        h('text', { x: x0 + bw * 0.35, y: H - 8, 'text-anchor': 'middle' }, `R${r}`),
      );
    }),
  );
}
