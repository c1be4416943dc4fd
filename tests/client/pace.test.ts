import { describe, expect, it } from 'vitest';
import { animationsEnd, autoReadyDelay, MIN_SHOW_MS, noteAnimation } from '../../client/game/pace';

const base = { seated: true, ready: false, paused: false, shownAt: 10_000, animationsEnd: 0, now: 10_000 };

describe('the pace of display phases', () => {
  it('says ready in resolve and score once the animations have played, never before the headline could be read', () => {
    expect(autoReadyDelay('resolve', base)).toBe(MIN_SHOW_MS);
    expect(autoReadyDelay('score', { ...base, animationsEnd: 12_500 })).toBe(2500);
    expect(autoReadyDelay('score', { ...base, animationsEnd: 12_500, now: 12_000 })).toBe(500);
    expect(autoReadyDelay('score', { ...base, animationsEnd: 11_000, now: 20_000 })).toBe(0);
  });

  it('never decides for a person: not in negotiate or trust, not for a spectator, a ready seat or a paused table', () => {
    for (const phase of ['prepare', 'negotiate', 'trust', 'end'] as const)
      expect(autoReadyDelay(phase, base)).toBe(null);
    expect(autoReadyDelay('score', { ...base, seated: false })).toBe(null);
    expect(autoReadyDelay('score', { ...base, ready: true })).toBe(null);
    expect(autoReadyDelay('resolve', { ...base, paused: true })).toBe(null);
  });

  it('keeps the latest end of the animations reported', () => {
    noteAnimation(1500, 50_000);
    noteAnimation(300, 50_000);
    expect(animationsEnd()).toBe(51_500);
  });
});
