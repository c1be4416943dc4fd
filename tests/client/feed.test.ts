// The feed rebuilt from a backlog reads as the feed built live, line for line and round for
// round, including lines about escalations that have ended since.
import { describe, expect, it } from 'vitest';
import { FeedBuilder } from '../../client/game/feed';
import { heardBy } from '../../shared/record/audience';
import { viewFor } from '../../shared/engine/view';
import { replay } from '../../shared/record/log';
import { accept, AUTHORITY, GREENS, nextId, propose, RESIDENTS, Table, UNION } from '../shared/record/build';

function game(): Table {
  const t = new Table();
  t.advance();
  const esc = nextId(t);
  t.act(
    {
      type: 'escalate',
      seat: RESIDENTS,
      target: AUTHORITY,
      demand: { kind: 'option', issue: 'review', option: 'independent' },
    },
    { type: 'chat', seat: UNION, to: AUTHORITY, text: 'private word' },
  );
  t.round();
  t.act({ type: 'raise', seat: RESIDENTS, escalation: esc }, { type: 'cosign', seat: GREENS, escalation: esc });
  const p = nextId(t);
  t.round([
    propose(AUTHORITY, [0, 1, 2], [50, 30, 20], { terms: { jobs: 'none', review: 'independent' } }),
    accept(UNION, p),
    accept(RESIDENTS, p),
  ]);
  return t;
}

describe('the feed from a backlog', () => {
  it.each([
    { seat: GREENS, who: 'a seat' },
    { seat: null, who: 'a spectator' },
  ])('reads as the live feed for $who', ({ seat }) => {
    const record = game().record();
    // Live: each entry's events as they arrive, with the view of that moment.
    const live = new FeedBuilder();
    const liveLines: { round: number; text: string }[] = [];
    replay(record, (state, _entry, events) => {
      const heard = events.filter((e) => e.to === 'all' || (seat !== null && e.to.includes(seat)));
      if (heard.length)
        liveLines.push(...live.add(viewFor(state, seat), heard).map((i) => ({ round: i.round, text: i.text })));
    });
    // Rebuilt: the whole backlog at once, with today's view.
    const final = viewFor(replay(record), seat);
    const rebuilt = new FeedBuilder()
      .rebuild(final, heardBy(record, seat))
      .map((i) => ({ round: i.round, text: i.text }));
    expect(liveLines.length).toBeGreaterThan(15);
    expect(rebuilt).toEqual(liveLines);
    // The escalation ended in round 2, yet its raise is still told with names.
    expect(rebuilt.map((l) => l.text)).toContain(
      'Residents raised the escalation against Authority to stage 2 (mobilise).',
    );
    expect(rebuilt.some((l) => l.text.includes('private word'))).toBe(false);
  });
});
