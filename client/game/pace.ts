// The pace of display phases (resolve, score): they exist to be watched. Once this client has
// played the phase's animations, it says ready for its person, so the table moves on as soon as
// every person has seen the outcome instead of waiting out the display timer (the server's timer
// stays the upper bound). Animations stay; dead time goes.
import type { Phase } from '../../shared/engine/types';

/** The least time a display phase stays on screen, so its headline can be read. */
export const MIN_SHOW_MS = 1200;

let animatingUntil = 0;

/** The table scene reports each animation it starts: its appearing part, in ms from now. */
export function noteAnimation(ms: number, now = Date.now()): void {
  animatingUntil = Math.max(animatingUntil, now + ms);
}

/** When the animations started so far have played (ms since the epoch). */
export function animationsEnd(): number {
  return animatingUntil;
}

/**
 * How long this client waits before saying ready in the current phase, or null when it must not
 * (a phase that asks for a decision, a spectator, a seat already ready, a paused table).
 */
export function autoReadyDelay(
  phase: Phase,
  opts: { seated: boolean; ready: boolean; paused: boolean; shownAt: number; animationsEnd: number; now: number },
): number | null {
  if (phase !== 'resolve' && phase !== 'score') return null;
  if (!opts.seated || opts.ready || opts.paused) return null;
  const at = Math.max(opts.shownAt + MIN_SHOW_MS, opts.animationsEnd);
  return Math.max(0, at - opts.now);
}
