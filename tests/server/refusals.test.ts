import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinErrorCode } from '../../shared/protocol';
import { bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';

let b: Booted;
beforeAll(async () => {
  b = await bootServer();
});
afterAll(async () => {
  await b.stop();
});

async function joinFails(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
  } catch (e) {
    return joinErrorCode((e as Error).message);
  }
  throw new Error('the join should have failed');
}

const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;

describe('creating and joining a table', () => {
  it('refuses bad create options with a typed reason', async () => {
    const sdk = b.colyseus.sdk;
    expect(await joinFails(sdk.create('table', { scenario: 'atlantis', name: 'A' }))).toBe('bad-scenario');
    expect(await joinFails(sdk.create('table', { scenario: { id: 'x' }, name: 'A' }))).toBe('bad-scenario');
    expect(await joinFails(sdk.create('table', { scenario: 'harbour-development', mode: 'chess', name: 'A' }))).toBe(
      'bad-options',
    );
    expect(
      await joinFails(sdk.create('table', { scenario: 'harbour-development', seats: [{ kind: 'human' }], name: 'A' })),
    ).toBe('bad-options');
    expect(
      await joinFails(
        sdk.create('table', {
          scenario: 'harbour-development',
          spectate: true,
          seats: [
            BOT,
            BOT,
            BOT,
            BOT,
            { kind: 'bot', bot: { kind: 'persona', persona: 'wizard', difficulty: 'normal' } },
          ],
        }),
      ),
    ).toBe('bad-options');
    expect(
      await joinFails(
        sdk.create('table', { scenario: 'harbour-development', mode: 'coalition', noise: 0.1, name: 'A' }),
      ),
    ).toBe('bad-options');
    expect(await joinFails(sdk.create('table', { scenario: 'harbour-development', surprise: true, name: 'A' }))).toBe(
      'bad-options',
    );
    expect(await joinFails(sdk.create('table', { scenario: 'harbour-development', name: '   ' }))).toBe('bad-name');
    expect(await joinFails(sdk.create('table', { scenario: 'harbour-development', name: 'x'.repeat(25) }))).toBe(
      'bad-name',
    );
    expect(await joinFails(sdk.create('table', { scenario: 'harbour-development', name: 'A', role: 'mayor' }))).toBe(
      'bad-options',
    );
    // A creator needs a seat for a person, or watches.
    expect(
      await joinFails(
        sdk.create('table', { scenario: 'harbour-development', name: 'A', seats: [BOT, BOT, BOT, BOT, BOT] }),
      ),
    ).toBe('bad-options');
    // None of these left a table behind.
    expect(b.store.openCodes()).toEqual([]);
  });

  it('accepts a valid custom scenario', async () => {
    const { smallScenario } = await import('../shared/fixtures');
    const p = await createTable(b, { scenario: smallScenario() as unknown as Record<string, unknown>, name: 'Custom' });
    expect(p.view!.scenario.id).toBe('small');
    expect(p.view!.me!.role.id).toBe('authority');
    await p.room.leave();
  });

  it('refuses taken names, taken roles, full tables, bad tokens and finished tables', async () => {
    const host = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, BOT, BOT, BOT],
      name: 'Ana',
    });
    const code = host.welcome!.code;
    const sdk = b.colyseus.sdk;
    expect(await joinFails(sdk.joinById(code, { name: 'ANA' }))).toBe('name-taken');
    expect(await joinFails(sdk.joinById(code, { name: 'Bo', role: 'authority' }))).toBe('role-taken');
    expect(await joinFails(sdk.joinById(code, { name: 'Bo', role: 'traders' }))).toBe('role-taken');
    expect(await joinFails(sdk.joinById(code, { name: 'Bo', role: 'nobody' }))).toBe('bad-options');
    expect(await joinFails(sdk.joinById(code, { token: 'not-a-token' }))).toBe('bad-token');
    expect(await joinFails(sdk.joinById(code, { name: 42 }))).toBe('bad-options');
    const bo = await joinTable(b, code, { name: 'Bo' });
    expect(bo.seat).toBe(1);
    expect(await joinFails(sdk.joinById(code, { name: 'Cy' }))).toBe('table-full');
    // A spectator can always watch.
    const watcher = await joinTable(b, code, { spectate: true });
    expect(watcher.seat).toBe(null);
    expect(watcher.view!.me).toBe(null);
    for (const p of [host, bo, watcher]) await p.room.leave();
  });

  it('refuses players at a finished table but lets them watch the debrief', async () => {
    const host = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, BOT, BOT, BOT, { kind: 'human' }],
      rounds: 1,
      name: 'Fin',
    });
    const code = host.welcome!.code;
    host.send('start', {});
    // Nobody took the last seat: a stand-in bot plays it; Fin only says ready.
    const done = setInterval(() => {
      const v = host.view!;
      if (v.phase !== 'end' && v.phase !== 'prepare' && !v.seats[0].ready) host.send('ready', {});
    }, 20);
    await host.waitView((v) => v.phase === 'end', 10_000, 'the end');
    clearInterval(done);
    expect(await joinFails(b.colyseus.sdk.joinById(code, { name: 'Late' }))).toBe('table-over');
    const watcher = await joinTable(b, code, { spectate: true });
    expect(watcher.view!.debrief).not.toBeNull();
    await watcher.room.leave();
    await host.room.leave();
  });
});

describe('messages that do not become moves', () => {
  let host: Player;
  let guest: Player;
  let watcher: Player;

  beforeAll(async () => {
    host = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, BOT, BOT, BOT],
      durations: { negotiate: 600, trust: 600 },
      name: 'Host',
    });
    guest = await joinTable(b, host.welcome!.code, { name: 'Guest' });
    watcher = await joinTable(b, host.welcome!.code, { spectate: true });
  });

  it('refuses out-of-phase moves before the game starts, and a start from anyone but the host', async () => {
    expect((await host.expectError('propose', { members: [0, 1], split: [50, 50], terms: {} })).code).toBe(
      'wrong-phase',
    );
    expect((await guest.expectError('trust', { partner: 0, move: 'honour' })).code).toBe('wrong-phase');
    expect((await guest.expectError('start', {})).code).toBe('not-host');
    expect((await watcher.expectError('start', {})).code).toBe('not-host');
    expect((await host.expectError('start', { now: true })).code).toBe('bad-payload');
    host.send('start', {});
    await host.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    expect((await host.expectError('start', {})).code).toBe('already-started');
    // A move meant for a phase that has closed is stale, not a move in the next phase.
    expect((await host.expectError('ready', { at: { round: 0, phase: 'prepare' } })).code).toBe('wrong-phase');
    expect(host.view!.seats[0].ready).toBe(false);
    expect((await host.expectError('ready', { at: { round: 1 } })).code).toBe('bad-payload');
  });

  it('gives every malformed, unknown, oversized, spectator or other-seat message a typed error', async () => {
    const cases: [Player, string, unknown, string][] = [
      [host, 'propose', { members: 'everyone' }, 'bad-payload'],
      [host, 'propose', null, 'bad-payload'],
      [host, 'accept', { proposal: -1 }, 'bad-payload'],
      [host, 'accept', { proposal: 1.5 }, 'bad-payload'],
      [host, 'accept', { proposal: '7' }, 'bad-payload'],
      [host, 'chat', { to: null, text: 5 }, 'bad-payload'],
      [host, 'chat', { to: 99, text: 'hi' }, 'bad-payload'],
      [host, 'trust', { partner: 1, move: 'maybe' }, 'bad-payload'],
      [host, 'ready', { extra: 1 }, 'bad-payload'],
      [host, 'ready', [1, 2, 3], 'bad-payload'],
      [host, 'ready', 'ready', 'bad-payload'],
      [host, '__proto__', {}, 'unknown-message'],
      [host, 'teleport', {}, 'unknown-message'],
      [host, 'chat', { to: null, text: 'x'.repeat(5000) }, 'too-large'],
      [host, 'accept', { seat: 1, proposal: 1 }, 'not-your-seat'],
      [guest, 'ready', { seat: 0 }, 'not-your-seat'],
      [watcher, 'ready', {}, 'not-seated'],
      [watcher, 'chat', { to: null, text: 'hello' }, 'not-seated'],
    ];
    for (const [who, type, payload, code] of cases) {
      const error = await who.expectError(type, payload);
      expect({ type, code: error.code }).toEqual({ type, code });
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('passes the engine’s refusals back to the sender with their code and sentence', async () => {
    const terms = { jobs: 'none', housing: 'market-rate', review: 'none', waterfront: 'private' };
    const cases: [string, unknown, string][] = [
      ['propose', { members: [0], split: [100], terms }, 'bad-members'],
      ['propose', { members: [0, 1], split: [60, 60], terms }, 'bad-split'],
      ['propose', { members: [0, 1], split: [50, 50], terms: { jobs: 'moon' } }, 'bad-terms'],
      ['accept', { proposal: 9999 }, 'unknown-proposal'],
      ['withdraw', {}, 'nothing-to-withdraw'],
      ['answer', { ask: 9999 }, 'unknown-ask'],
      ['concede', { to: 0, points: 1, labelled: true }, 'self-target'],
      ['concede', { to: 1, points: 100000, labelled: true }, 'not-enough-points'],
      ['chat', { to: null, text: '   ' }, 'empty-text'],
      ['chat', { to: null, text: 'y'.repeat(281) }, 'text-too-long'],
      ['trust', { partner: 1, move: 'honour' }, 'wrong-phase'],
      ['cosign', { escalation: 77 }, 'unknown-escalation'],
    ];
    for (const [type, payload, code] of cases) {
      const error = await host.expectError(type, payload);
      expect({ type, code: error.code }).toEqual({ type, code });
    }
    // Refusals go to the sender only.
    expect(guest.errors.filter((e) => e.code === 'unknown-proposal')).toHaveLength(0);
  });

  it('limits chat and keeps the table playing after all that', async () => {
    let limited = false;
    for (let i = 0; i < 8 && !limited; i++) {
      const before = host.errors.length;
      host.send('chat', { to: null, text: `message ${i}` });
      await waitFor(
        () =>
          host.events.some((e) => e.type === 'chat' && e.message.text === `message ${i}`) ||
          host.errors.length > before,
        2000,
      );
      limited = host.errors.slice(before).some((e) => e.code === 'rate-limited' && e.type === 'chat');
    }
    expect(limited).toBe(true);
    host.send('propose', {
      members: [0, 1],
      split: [50, 50],
      terms: { jobs: 'none', housing: 'market-rate', review: 'none', waterfront: 'private' },
    });
    await guest.waitView((v) => v.proposals.some((p) => p.proposer === 0), 3000, 'the proposal to reach the guest');
  });
});
