// The "what happened" feed survives a reload and a late spectator: on joining or returning, a
// client gets every earlier event its seat heard, rebuilt from the log under the same audience
// rule as live play (DESIGN 1) - no more, no less.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/engine/types';
import type { BacklogMessage } from '../../shared/protocol';
import { autoPlay, bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';

let b: Booted;
beforeAll(async () => {
  b = await bootServer();
});
afterAll(async () => {
  await b.stop();
});

function backlogOf(p: Player): BacklogMessage {
  const found = p.received.filter(([type]) => type === 'backlog');
  expect(found, 'one backlog message on joining').toHaveLength(1);
  return found[0][1] as BacklogMessage;
}

const flat = (m: BacklogMessage): GameEvent[] => m.batches.flatMap((x) => x.events);

describe('the backlog of events', () => {
  it('gives a returning player exactly what it heard live, and a late spectator only the public events', async () => {
    const bots = [0, 1, 2].map(() => ({
      kind: 'bot' as const,
      bot: { kind: 'persona' as const, persona: 'builder', difficulty: 'normal' },
    }));
    const ana = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, ...bots],
      durations: { negotiate: 600, trust: 600 },
      rounds: 3,
      seed: 21,
      name: 'Ana',
    });
    const code = ana.welcome!.code;
    const ben = await joinTable(b, code, { name: 'Ben' });
    const early = await joinTable(b, code, { spectate: true });
    ana.send('start', {});
    await ana.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    // Private things: a chat between the two people, a question to a bot and its answer.
    ana.send('chat', { to: 1, text: 'between us: Kestrel' });
    ana.send('ask', { target: 3 });
    await ben.waitView((v) => v.chat.some((m) => m.text.includes('Kestrel')), 3000, 'the private chat');
    await ana.waitView((v) => v.asks.some((q) => q.status === 'answered'), 3000, 'the answer');
    const stops = [autoPlay(ana), autoPlay(ben)];
    await ana.waitView((v) => v.round === 2 && v.phase === 'negotiate', 10_000, 'round 2');
    stops.forEach((s) => s());
    // Everyone has everything so far: the answer to a probe comes after all the server sent before it.
    for (const p of [ana, ben, early]) await p.expectError('probe', {});

    // Ana reloads: a new connection with her seat token.
    const again = await joinTable(b, code, { token: ana.welcome!.token });
    const late = await joinTable(b, code, { spectate: true });
    await waitFor(
      () => again.received.some(([t]) => t === 'backlog') && late.received.some(([t]) => t === 'backlog'),
      3000,
      'the backlogs',
    );

    // What Ana heard live (from her first message) is the end of her backlog, in order, and the
    // backlog holds nothing she could not have heard.
    const anaBacklog = flat(backlogOf(again));
    expect(anaBacklog.length).toBeGreaterThan(ana.events.length * 0.9);
    expect(anaBacklog.slice(anaBacklog.length - ana.events.length)).toEqual(ana.events);
    expect(anaBacklog.every((e) => e.to === 'all' || e.to.includes(0))).toBe(true);
    expect(JSON.stringify(anaBacklog)).toContain('Kestrel');
    expect(anaBacklog.some((e) => e.type === 'answered')).toBe(true);

    // The late spectator hears what the early one heard live, and nothing addressed to seats.
    const lateBacklog = flat(backlogOf(late));
    expect(lateBacklog.slice(lateBacklog.length - early.events.length)).toEqual(early.events);
    expect(lateBacklog.every((e) => e.to === 'all')).toBe(true);
    expect(JSON.stringify(lateBacklog)).not.toContain('Kestrel');
    expect(
      lateBacklog.some(
        (e) => e.type === 'answered' || e.type === 'asked' || e.type === 'points' || e.type === 'trust-chosen',
      ),
    ).toBe(false);
    // Its batches do not say where they fell in the log (the gaps would count private moves).
    expect(backlogOf(late).batches.every((x) => Object.keys(x).join() === 'events')).toBe(true);
    expect(Object.keys(backlogOf(late))).toEqual(['batches']);
    for (const p of [again, ben, early, late]) await p.room.leave();
  });
});
