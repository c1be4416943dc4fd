// What the console and the projector both show: a table's phase and time left (never its length
// or cap, DESIGN 2), and the join link's QR code.
import { h, type VNode } from '../ui/dom';
import { qrPath } from './qr';

export function phaseText(
  t: { status: string; round: number; phase: string; timeLeft: number | null; paused: boolean },
  serverTime: number,
): string {
  if (t.status === 'prepare') return 'Not started';
  if (t.status === 'ended') return `Over after round ${t.round}`;
  const left =
    t.timeLeft === null
      ? null
      : t.paused
        ? t.timeLeft
        : Math.max(0, t.timeLeft - (Date.now() - serverTimeSeen(serverTime)));
  const clock =
    left === null
      ? 'untimed'
      : `${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, '0')}`;
  return `Round ${t.round} · ${t.phase} · ${t.paused ? `paused (${clock} left)` : clock}`;
}

/** When this page received the model with `serverTime`: the clock counts down from there. */
const seen = new Map<number, number>();
function serverTimeSeen(serverTime: number): number {
  if (!seen.has(serverTime)) {
    seen.clear();
    seen.set(serverTime, Date.now());
  }
  return seen.get(serverTime)!;
}

export function qr(text: string, px: number): VNode {
  const { size, d } = qrPath(text);
  return h(
    'svg',
    {
      class: 'cls-qr',
      viewBox: `0 0 ${size} ${size}`,
      width: px,
      height: px,
      role: 'img',
      'aria-label': `QR code of ${text}`,
      'shape-rendering': 'crispEdges',
    },
    h('rect', { width: size, height: size, fill: '#fff' }),
    h('path', { d, fill: '#000' }),
  );
}
