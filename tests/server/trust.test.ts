import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreGame } from '../../shared/engine/scoring';
import { replay, type LogEntry } from '../../shared/record/log';
import type { TableResults } from '../../server/rooms/TableRoom';
import { practiceStrategies } from '../../shared/trust-game/practice';
import { autoPlay, bootServer, createTable, joinTable, tableRoom, TestClock, waitFor, type Booted } from './helpers';

let b: Booted;
// Server time stands still unless a test moves it.
const clock = new TestClock();
beforeAll(async () => {
  b = await bootServer({}, undefined, clock);
});
afterAll(async () => {
  await b.stop();
});

describe('the trust game', () => {
  it('plays every pair each round with people and strategy bots, to the end', async () => {
    const host = await createTable(b, {
      scenario: 'trust-game',
      mode: 'trust',
      rounds: 5,
      noise: 0.05,
      seed: 99,
      seats: [
        { kind: 'human' },
        { kind: 'human' },
        { kind: 'bot', bot: { kind: 'strategy', strategy: 'tit-for-tat' } },
        { kind: 'bot', bot: { kind: 'strategy', strategy: 'always-defect' } },
        { kind: 'bot', bot: { kind: 'persona', persona: 'hardliner', difficulty: 'hard' } },
      ],
      durations: { trust: 600 },
      name: 'Tess',
    });
    const guest = await joinTable(b, host.welcome!.code, { name: 'Uri' });
    host.send('start', {});
    await host.waitView((v) => v.phase === 'trust', 3000, 'the first trust stage');
    // The trust game has trust moves only: every other seat is a partner.
    expect(host.view!.trust.map((t) => t.partner)).toEqual([1, 2, 3, 4]);
    expect((await host.expectError('propose', { members: [0, 1], split: [50, 50], terms: {} })).code).toBe(
      'wrong-phase',
    );
    expect((await host.expectError('trust', { partner: 0, move: 'honour' })).code).toBe('not-partner');

    const stops = [autoPlay(host), autoPlay(guest)];
    await host.waitView((v) => v.phase === 'end', 20_000, 'the end');
    stops.forEach((s) => s());
    const v = host.view!;
    expect(v.totalRounds).toBe(5);
    expect(v.history).toHaveLength(5);
    for (const round of v.history) expect(round.trust).toHaveLength(10);
    // always-defect defected on everyone, every round (before noise).
    for (const round of v.history) {
      const chosenBy3 = round.trust.flatMap((p) => (p.a === 3 ? [p.chosenA] : p.b === 3 ? [p.chosenB] : []));
      expect(chosenBy3).toEqual(['defect', 'defect', 'defect', 'defect']);
    }
    const code = host.welcome!.code;
    const results = (await b.colyseus.http.get(`/api/tables/${code}/results`)).data as TableResults;
    const log = (await b.colyseus.http.get(`/api/tables/${code}/log`)).data as {
      log: LogEntry[];
      scenario: never;
      config: never;
    };
    expect(scoreGame(replay({ scenario: log.scenario, config: log.config, log: log.log }))).toEqual(results.score);
    await waitFor(() => host.room.state.status === 'ended', 2000);
    expect(host.room.state.seats[3].bot).toBe('always-defect');
    await host.room.leave();
    await guest.room.leave();
  });

  it('runs a solo trust practice: one person, strategy bots drawn by the seed, untimed', async () => {
    const solo = await createTable(b, {
      scenario: 'trust-game',
      mode: 'trust',
      solo: true,
      rounds: 2,
      seed: 4242,
      name: 'Solo',
    });
    expect(solo.seat).toBe(0);
    await waitFor(() => solo.room.state.seats.length === 5, 2000);
    expect(solo.room.state.seats.map((s: { kind: string }) => s.kind)).toEqual(['human', 'bot', 'bot', 'bot', 'bot']);
    const room = tableRoom(b, solo.welcome!.code);
    // Its own table: no coalition scenario's roles, payoffs or text.
    expect(solo.view!.scenario.id).toBe('trust-game');
    expect(solo.view!.scenario.trust.payoffs).toEqual({ T: 5, R: 3, P: 1, S: 0 });
    expect(`${solo.view!.scenario.name} ${solo.view!.scenario.summary} ${solo.view!.me!.role.briefing}`).not.toMatch(
      /walk-away|quota|escalat|power|Harbour/i,
    );
    solo.send('start', {});
    await solo.waitView((v) => v.phase === 'trust', 3000, 'trust');
    // Untimed: the stage waits for the player, however long.
    expect(solo.room.state.deadline).toBe(0);
    await clock.advance(24 * 3_600_000);
    expect(room.snapshot().game.phase).toBe('trust');
    expect(room.snapshot().game.round).toBe(1);
    const stop = autoPlay(solo);
    // The last round is scored, but the game waits for the guesses.
    await waitFor(() => solo.views.at(-1)?.practice?.due === true, 10_000, 'guesses due');
    expect(solo.view!.phase).toBe('score');
    expect(solo.views.at(-1)!.practice!.bots).toEqual([1, 2, 3, 4]);
    stop();
    const drawn = practiceStrategies(4242, 4);
    const wrong = await solo.expectError('guesses', { guesses: [{ seat: 1, strategy: 'tit-for-tat' }] });
    expect(wrong.code).toBe('bad-guesses');
    expect(
      (await solo.expectError('guesses', { guesses: [1, 2, 3, 4].map((seat) => ({ seat, strategy: 'nice' })) })).code,
    ).toBe('bad-guesses');
    expect(solo.view!.phase).toBe('score');
    solo.send('guesses', { guesses: [1, 2, 3, 4].map((seat, i) => ({ seat, strategy: drawn[i] })) });
    await solo.waitView((v) => v.phase === 'end', 10_000, 'the end');
    expect(solo.views.at(-1)!.practice!.locked!.guesses.map((g) => g.strategy)).toEqual(drawn);
    const code = solo.welcome!.code;
    const results = (await b.colyseus.http.get(`/api/tables/${code}/results`)).data as TableResults;
    expect(results.seats.slice(1).map((s) => s.bot)).toEqual(drawn);
    expect(results.guesses).toEqual([
      { seat: 0, round: 2, guesses: [1, 2, 3, 4].map((seat, i) => ({ seat, strategy: drawn[i] })) },
    ]);
    await solo.room.leave();
  });

  it('keeps its own table: a coalition scenario is refused, the number of players is chosen', async () => {
    await expect(
      createTable(b, { scenario: 'harbour-development', mode: 'trust', solo: true, name: 'Solo' }),
    ).rejects.toThrow(/bad-scenario/);
    await expect(createTable(b, { scenario: 'harbour-development', players: 3, name: 'Solo' })).rejects.toThrow(
      /bad-options/,
    );
    const three = await createTable(b, {
      scenario: 'trust-game',
      mode: 'trust',
      solo: true,
      players: 3,
      seed: 7,
      name: 'Solo',
    });
    expect(three.view!.seats).toHaveLength(3);
    expect(three.views.at(-1)!.practice).toEqual({ noise: 0, bots: [1, 2], locked: null, due: false });
    // Guesses open with round 1.
    expect(
      (await three.expectError('guesses', { guesses: [1, 2].map((seat) => ({ seat, strategy: 'random' })) })).code,
    ).toBe('not-started');
    await three.room.leave();
  });
});
