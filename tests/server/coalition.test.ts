import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreGame } from '../../shared/engine/scoring';
import type { TableView } from '../../shared/engine/view';
import { replay, type LogEntry } from '../../shared/record/log';
import { scenarioById } from '../../shared/scenarios/index';
import type { TableResults } from '../../server/rooms/TableRoom';
import { autoPlay, bootServer, createTable, joinTable, tableRoom, TestClock, waitFor, type Booted } from './helpers';

let b: Booted;
// Server time stands still unless a test moves it: phases close when their people are ready.
const clock = new TestClock();
beforeAll(async () => {
  b = await bootServer({}, undefined, clock);
});
afterAll(async () => {
  await b.stop();
});

const BOTS = [
  { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'opportunist', difficulty: 'hard' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'hardliner', difficulty: 'easy' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' } },
] as const;

describe('a coalition game with two people and four bots', () => {
  it('plays to the end through the engine, and its stored log replays to the same result', async () => {
    const scenario = scenarioById('climate-summit')!;
    const host = await createTable(b, {
      scenario: 'climate-summit',
      mode: 'coalition',
      seed: 4242,
      seats: [{ kind: 'human' }, { kind: 'human' }, ...BOTS],
      durations: { negotiate: 600, trust: 600 },
      name: 'Ada',
      role: 'federation',
    });
    const code = host.welcome!.code;
    expect(code).toMatch(/^[A-Z]{5}$/);
    expect(host.welcome!.seat).toBe(0);
    expect(host.welcome!.host).toBe(true);
    expect(host.welcome!.token).toBeTruthy();

    const guest = await joinTable(b, code, { name: '  Grace   Hopper ' });
    expect(guest.welcome!.seat).toBe(1);
    await waitFor(() => guest.room.state.seats[1]?.name === 'Grace Hopper', 2000, 'the trimmed name');
    expect(guest.welcome!.host).toBe(false);

    // Only the host opens the game.
    expect((await guest.expectError('start', {})).code).toBe('not-host');

    // Ada proposes a three-seat deal each round; Grace accepts whatever Ada proposed.
    const terms = Object.fromEntries(scenario.issues.map((i) => [i.id, i.options[0].id]));
    let proposedIn = 0;
    const stopHost = autoPlay(host, (v: TableView) => {
      if (proposedIn === v.round) return true;
      proposedIn = v.round;
      host.send('propose', { members: [0, 1, 2], split: [40, 35, 25], terms, rationale: 'A broad deal' });
      return false;
    });
    const stopGuest = autoPlay(guest, (v: TableView) => {
      const mine = v.proposals.find((p) => p.round === v.round && p.proposer === 0);
      if (!mine) return false;
      if (v.me!.acceptance !== mine.id) {
        guest.send('accept', { proposal: mine.id });
        return false;
      }
      return true;
    });
    host.send('start', {});
    await host.waitView((v) => v.phase === 'end', 60_000, 'the end of the game');
    await guest.waitView((v) => v.phase === 'end', 5000, 'the end for the guest');
    stopHost();
    stopGuest();

    const end = host.view!;
    expect(end.debrief).not.toBeNull();
    expect(end.totalRounds).toBeGreaterThanOrEqual(scenario.rounds.min);
    await waitFor(() => host.room.state.status === 'ended', 2000, 'the state to say ended');
    // Bots' labels open with the debrief.
    expect(host.room.state.seats[2].bot).toBe('builder (normal)');

    // The results and the log over HTTP.
    const results = (await b.colyseus.http.get(`/api/tables/${code}/results`)).data as TableResults;
    expect(results.code).toBe(code);
    expect(results.seats.map((s) => s.kind)).toEqual(['human', 'human', 'bot', 'bot', 'bot', 'bot']);
    const logRes = (await b.colyseus.http.get(`/api/tables/${code}/log`)).data as {
      log: LogEntry[];
      scenario: never;
      config: never;
    };
    const state = replay({ scenario: logRes.scenario, config: logRes.config, log: logRes.log });
    expect(state.phase).toBe('end');
    expect(scoreGame(state)).toEqual(results.score);
    expect(end.debrief!.score).toEqual(results.score);

    // Log entries follow DESIGN 8: people and bots, bots with reasons, people without.
    const humans = logRes.log.filter((e) => e.by === 'human');
    const bots = logRes.log.filter((e) => e.by === 'bot');
    expect(humans.some((e) => e.action.type === 'propose' && e.actor === 0)).toBe(true);
    expect(humans.some((e) => e.action.type === 'accept' && e.actor === 1)).toBe(true);
    expect(bots.length).toBeGreaterThan(0);
    expect(bots.every((e) => typeof e.reason === 'string' && e.reason.length > 0)).toBe(true);
    expect(humans.every((e) => e.reason === null)).toBe(true);
    expect(logRes.log.map((e) => e.seq)).toEqual(logRes.log.map((_, i) => i));
    // The host opened the game; the system closed every other phase.
    const advances = logRes.log.filter((e) => e.action.type === 'advance');
    expect(advances[0]).toMatchObject({ actor: 0, by: 'human', phase: 'prepare' });
    expect(advances.slice(1).every((e) => e.actor === 'system' && e.by === 'system')).toBe(true);

    // Bots' reasons never reached a client during play.
    const received = JSON.stringify([host.received, guest.received]);
    for (const e of bots) {
      if (JSON.stringify(e.action).includes(e.reason!)) continue;
      expect(received.includes(e.reason!)).toBe(false);
    }

    expect((await b.colyseus.http.get(`/api/tables/${code}`)).data).toMatchObject({ status: 'finished' });
    const csv = await b.colyseus.http.get(`/api/tables/${code}/log.csv`);
    expect(String(csv.data).split('\r\n')[0]).toBe('seq,time,round,phase,actor,by,type,action,reason');
    const resultsCsv = await b.colyseus.http.get(`/api/tables/${code}/results.csv`);
    expect(String(resultsCsv.data).split('\r\n').length).toBe(1 + 6 + 1);

    await host.room.leave();
    await guest.room.leave();
  }, 60_000);

  it('keeps the results of a game in play closed', async () => {
    const host = await createTable(b, { scenario: 'climate-summit', name: 'Lin' });
    const code = host.welcome!.code;
    const res = await b.colyseus.http.get(`/api/tables/${code}/results`).catch((e: { statusCode: number }) => e);
    expect(res.statusCode).toBe(409);
    const log = await b.colyseus.http.get(`/api/tables/${code}/log`).catch((e: { statusCode: number }) => e);
    expect(log.statusCode).toBe(409);
    const status = (await b.colyseus.http.get(`/api/tables/${code.toLowerCase()}`)).data as {
      status: string;
      code: string;
    };
    expect(status).toMatchObject({ code, status: 'open' });
    const none = await b.colyseus.http.get(`/api/tables/ZZZZZ/results`).catch((e: { statusCode: number }) => e);
    expect(none.statusCode).toBe(404);
    await host.room.leave();
  });

  it('answers health and lists scenarios with public facts only', async () => {
    expect((await b.colyseus.http.get('/health')).data).toEqual({ status: 'ok' });
    const list = (await b.colyseus.http.get('/api/scenarios')).data as {
      id: string;
      roles: Record<string, unknown>[];
    }[];
    expect(list.map((s) => s.id)).toContain('harbour-development');
    const text = JSON.stringify(list);
    expect(text).not.toContain('walkAway');
    expect(text).not.toContain('briefing');
    expect(text).not.toContain('values');
    expect(Object.keys(list[0].roles[0]).sort()).toEqual(['id', 'name', 'power', 'veto']);
  });

  it('closes a phase on its clock, not a moment before', async () => {
    // Nobody says ready: only the clock can close negotiate, after exactly its 60 seconds.
    const host = await createTable(b, {
      scenario: 'climate-summit',
      seats: [{ kind: 'human' }, ...BOTS, BOTS[0]],
      durations: { negotiate: 60, trust: 60 },
      rounds: 1,
      name: 'Timer',
    });
    const code = host.welcome!.code;
    const room = tableRoom(b, code);
    host.send('start', {});
    await host.waitView((v) => v.phase === 'negotiate', 5000, 'negotiate');
    const opened = clock.now();
    await waitFor(() => host.room.state.deadline > 0, 5000, 'the deadline');
    expect(host.room.state.deadline).toBe(opened + 60_000);
    await clock.advance(59_999);
    expect(room.snapshot().game.phase).toBe('negotiate');
    await clock.advance(1);
    await host.waitView((v) => v.phase !== 'negotiate', 5000, 'negotiate to close on its clock');
    const closed = b.store.log(code).filter((e) => e.action.type === 'advance' && e.phase === 'negotiate');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ actor: 'system', by: 'system', time: opened + 60_000 });
    // The rest of the game runs on its clocks too.
    for (let i = 0; i < 10 && room.snapshot().game.phase !== 'end'; i++) await clock.advance(60_000);
    await host.waitView((v) => v.phase === 'end', 5000, 'the end');
    await host.room.leave();
  });
});
