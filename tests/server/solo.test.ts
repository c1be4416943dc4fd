import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachMessage } from '../../shared/protocol';
import { autoPlay, bootServer, createTable, tableRoom, TestClock, waitFor, type Booted } from './helpers';

let b: Booted;
// Server time stands still unless a test moves it.
const clock = new TestClock();
beforeAll(async () => {
  b = await bootServer({}, undefined, clock);
});
afterAll(async () => {
  await b.stop();
});

describe('solo tables', () => {
  it("send the coach's note on each round to the player's seat only", async () => {
    const p = await createTable(b, { scenario: 'harbour-development', solo: true, name: 'Sol', seed: 4 });
    p.send('start', {});
    const stop = autoPlay(p);
    await p.waitView((v) => v.phase === 'end', 30_000, 'the end');
    stop();
    const notes = p.received.filter(([type]) => type === 'coach').map(([, m]) => m as CoachMessage);
    expect(notes.map((n) => n.round)).toEqual(p.view!.history.map((h) => h.round));
    for (const n of notes) {
      expect(n.note.headline).toMatch(/^Round \d+/);
      expect(n.note.suggestion.length).toBeGreaterThan(20);
      // Only the player's own walk-away could appear; no other role's walk-away is named.
      for (const role of p.view!.debrief!.roles) {
        if (role.id === p.view!.scenario.roles[p.seat!].id) continue;
        expect(JSON.stringify(n.note)).not.toContain(`walk-away of ${role.walkAway}`);
      }
    }
  });

  it('the host pauses and resumes the phase clock with the time that was left', async () => {
    const p = await createTable(b, {
      scenario: 'harbour-development',
      solo: true,
      name: 'Pia',
      seed: 5,
      durations: { negotiate: 120 },
    });
    expect((await p.expectError('pause', {})).code).toBe('not-started');
    p.send('start', {});
    await p.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate');
    await waitFor(() => p.room.state.deadline > 0, 3000, 'a deadline');
    expect(p.room.state.deadline).toBe(clock.now() + 120_000);
    await clock.advance(20_000);
    p.send('pause', {});
    await waitFor(() => p.room.state.paused === true, 3000, 'paused');
    expect(p.room.state.deadline).toBe(0);
    expect(p.room.state.remaining).toBe(100_000);
    expect((await p.expectError('pause', {})).message).toMatch(/already paused/);
    // Paused, the clock does not close the phase however long it waits.
    await clock.advance(3_600_000);
    expect(tableRoom(b, p.welcome!.code).snapshot().game.phase).toBe('negotiate');
    p.send('resume', {});
    await waitFor(() => p.room.state.paused === false && p.room.state.deadline > 0, 3000, 'resumed');
    expect(p.room.state.deadline).toBe(clock.now() + 100_000);
    expect(p.room.state.remaining).toBe(0);
    await clock.advance(99_999);
    expect(tableRoom(b, p.welcome!.code).snapshot().game.phase).toBe('negotiate');
    await clock.advance(1);
    await p.waitView((v) => v.phase !== 'negotiate', 5000, 'negotiate to close when the time left has run');
  });

  it('seat bots of the chosen difficulty, and a short game ends at random on a shorter horizon', async () => {
    const p = await createTable(b, {
      scenario: 'harbour-development',
      solo: true,
      name: 'Hal',
      difficulty: 'hard',
      roundRange: { min: 3, continue: 0.6, max: 8 },
      seed: 8,
    });
    expect(p.view!.totalRounds).toBeNull();
    p.send('start', {});
    const stop = autoPlay(p);
    await p.waitView((v) => v.phase === 'end', 30_000, 'the end');
    stop();
    expect(p.view!.totalRounds).toBeGreaterThanOrEqual(3);
    expect(p.view!.totalRounds).toBeLessThanOrEqual(8);
    await waitFor(() => p.room.state.status === 'ended', 2000);
    const seats = [...p.room.state.seats] as { kind: string; bot: string }[];
    const bots = seats.filter((s) => s.kind === 'bot').map((s) => s.bot);
    expect(bots.length).toBe(4);
    for (const bot of bots) expect(bot).toMatch(/\(hard\)$/);
    const bad = await b.colyseus.sdk
      .create('table', { scenario: 'harbour-development', solo: true, name: 'X', roundRange: { min: 5, max: 2 } })
      .catch((e: Error) => e);
    expect(String((bad as Error).message)).toMatch(/roundRange: min must not be above max/);
    // A cap that games often reach would tell players the last round: refused (DESIGN 2).
    const known = await b.colyseus.sdk
      .create('table', { scenario: 'harbour-development', solo: true, name: 'Y', roundRange: { min: 3, max: 4 } })
      .catch((e: Error) => e);
    expect(String((known as Error).message)).toMatch(
      /roundRange: games would reach the cap of 4 rounds too often \(80%\)/,
    );
  });
});
