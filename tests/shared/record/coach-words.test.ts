// The coach's sentences say what happened in plain words (issue 9, item 10).
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../../shared/bots/strategies';
import { coachNote } from '../../../shared/record/coach';
import { strategyStory } from '../../../shared/trust-game/reveal';
import { STRATEGY_TITLES } from '../../../shared/trust-game/words';
import { accept, AUTHORITY, GREENS, nextId, propose, Table, UNION } from './build';

describe('the coach in plain words', () => {
  it('tells promised concessions as points handed over, by whom, not as a number that moved', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([
      propose(AUTHORITY, [0, 1, 3], [60, 25, 15], { promises: [{ from: UNION, to: GREENS, points: 3 }] }),
      accept(UNION, p),
      accept(GREENS, p),
    ]);
    const union = coachNote(t.record(), UNION, 1).moved.join(' ');
    expect(union).toContain('Concessions: you handed over the 3 points you promised in your deal.');
    const greens = coachNote(t.record(), GREENS, 1).moved.join(' ');
    expect(greens).toContain('Concessions: partners handed you 3 points they promised in your deal.');
    expect(`${union} ${greens}`).not.toMatch(/moved [−+-]?\d/);
  });

  // The practice's reveal lives with the trust game (shared/trust-game/reveal.ts).
  it('reveals every strategy in a sentence that reads: "<strategy> <does something>"', () => {
    for (const s of STRATEGY_NAMES) {
      const text = strategyStory(s);
      const name = STRATEGY_TITLES[s];
      expect(text.toLowerCase().startsWith(`${name.toLowerCase()} `), s).toBe(true);
      expect(text.slice(name.length + 1), s).toMatch(/^(plays|honours|repeats|defects|answers|tests|always|tosses)\b/);
      expect(text, s).not.toMatch(/\b(it|tat) like\b/);
    }
    expect(strategyStory('generous-tit-for-tat')).toContain(
      'Generous tit-for-tat plays like tit-for-tat, but forgives',
    );
  });

  it('names a declared share as a minimum share, never as a walk-away', () => {
    const t = new Table();
    t.act({ type: 'declare', seat: UNION, share: 40 }).advance();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const note = coachNote(t.record(), UNION, 1);
    const text = [...note.moved, note.suggestion].join(' ');
    expect(text).toContain('accepting less than your declared minimum share');
    expect(text).not.toMatch(/declared walk-away|walk-away you declared/);
  });
});
