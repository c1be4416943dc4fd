// Waiting (DESIGN 2: "a phase ends early when every human seat is ready; bots decide before any
// phase closes"). Bots take a person's time to think only while a person is still deciding: once
// every person at the table is ready, the bots finish at once. Each bot step here is set to take
// an hour, so a game that ends at all proves that nobody waited for a bot's timer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoPlay, bootServer, createTable, joinTable, waitFor, type Booted } from './helpers';

const HOUR = 3_600_000;

let b: Booted;
beforeAll(async () => {
  // Display phases (resolve, score) also last an hour unless every person says ready.
  b = await bootServer({ botDelayMs: HOUR, displaySeconds: 3600 });
});
afterAll(async () => {
  await b.stop();
});

describe('when every person is ready', () => {
  it('a solo game runs to its end without waiting for a bot timer', async () => {
    const p = await createTable(b, { scenario: 'harbour-development', solo: true, name: 'Sol', seed: 4, rounds: 3 });
    p.send('start', {});
    const stop = autoPlay(p);
    await p.waitView((v) => v.phase === 'end', 20_000, 'the end of a game whose bots each take an hour a step');
    stop();
    expect(p.view!.totalRounds).toBe(3);
    // The bots did play: they proposed, and said ready in every phase of every round.
    expect(p.events.filter((e) => e.type === 'proposed' && e.proposal.proposer !== p.seat).length).toBeGreaterThan(0);
    expect(p.view!.history).toHaveLength(3);
    expect(p.events.filter((e) => e.type === 'ready' && e.seat !== p.seat).length).toBeGreaterThanOrEqual(4 * 3 * 3);
  }, 30_000);

  it('bots keep their human pace while a person is still deciding, and finish at once when the last one is ready', async () => {
    const bots = [0, 1, 2].map(() => ({
      kind: 'bot' as const,
      bot: { kind: 'persona' as const, persona: 'builder', difficulty: 'normal' },
    }));
    const ana = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, ...bots],
      durations: { negotiate: null, trust: null },
      seed: 9,
      name: 'Ana',
    });
    const ben = await joinTable(b, ana.welcome!.code, { name: 'Ben' });
    ana.send('start', {});
    await ana.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    ana.send('ready', {});
    await ben.waitView((v) => v.seats[0].ready, 3000, 'Ana ready');
    // The room handled Ana's ready (its event reached Ben); no bot may have hurried, since Ben is
    // still deciding and each bot step takes an hour.
    expect(ben.view!.phase).toBe('negotiate');
    expect(ben.view!.seats.slice(2).some((s) => !s.ready)).toBe(true);
    ben.send('ready', {});
    await ben.waitView((v) => v.phase !== 'negotiate', 5000, 'the bots to finish at once');
    expect(ben.view!.round).toBe(1);
    await waitFor(() => ana.view!.phase === ben.view!.phase, 3000, 'Ana to follow');
  });
});
