// Small pieces every screen uses: a seat's mark (its shape in its colour), errors next to
// controls, and form-state helpers.
import type { Seat } from '../../shared/engine/types';
import { seatColour, seatShape, shapePath, SHAPE_NAMES } from '../game/palette';
import { store } from '../game/store';
import { h, type Child, type VNode } from './dom';

/** A seat's shape in its colour, with the shape named for screen readers. */
export function seatMark(seat: Seat, size = 16): VNode {
  const r = size * 0.36;
  return h(
    'svg',
    {
      class: 'seatmark',
      viewBox: `0 0 ${size} ${size}`,
      width: size,
      height: size,
      role: 'img',
      'aria-label': SHAPE_NAMES[seatShape(seat)],
    },
    h('path', {
      d: shapePath(seatShape(seat), r, size / 2, size / 2),
      fill: seatColour(seat),
      stroke: '#0f1a24',
      'stroke-width': 1,
    }),
  );
}

/** The refusal sentence for a control, if the server sent one. */
export function errorFor(key: string): VNode | null {
  const message = store.state.errors[key];
  return message ? h('p', { class: 'error', role: 'alert', 'data-error': key }, message) : null;
}

/** Re-renders after a local (presentation-only) change. */
export function touch(): void {
  store.set({});
}

export function field(label: string, control: Child, hint?: string, id?: string): VNode {
  return h(
    'div',
    { class: 'field' },
    h('label', id ? { for: id } : null, label, hint ? h('span', { class: 'hint' }, ` — ${hint}`) : null),
    control,
  );
}

export function options<T extends string | number>(
  items: readonly { value: T; label: string }[],
  selected: T,
): VNode[] {
  return items.map((o) => h('option', { value: String(o.value), selected: o.value === selected }, o.label));
}

export function inputValue(e: Event): string {
  return (e.target as HTMLInputElement).value;
}

export function checkedValue(e: Event): boolean {
  return (e.target as HTMLInputElement).checked;
}
