// Nothing is seen before it is saved, even when saving fails: the table closes, tells its players,
// and comes back from the store, which holds every move anyone saw (journal.ts).
import { matchMaker } from '@colyseus/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Row } from '../../server/store/store';
import { bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const BOT = { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } } as const;

describe('a failed write', () => {
  it('closes the table, which comes back from the store without the move nobody saw', async () => {
    b = await bootServer();
    const ana = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, BOT, BOT, BOT],
      durations: { negotiate: 600, trust: 600 },
      name: 'Ana',
    });
    const code = ana.welcome!.code;
    const ben = await joinTable(b, code, { name: 'Ben' });
    ana.send('start', {});
    ana.send('chat', { to: null, text: 'saved' });
    await ben.waitView((v) => v.chat.some((m) => m.text === 'saved'), 3000, 'the first chat');

    // The server's own store (not the test's reading connection) fails its next write.
    const store = b.app.ctx.store;
    const write = store.write.bind(store);
    let failures = 1;
    store.write = (rows: Row[]) => (failures-- > 0 ? Promise.reject(new Error('disk full')) : write(rows));
    for (const p of [ana, ben]) p.room.reconnection.enabled = false;
    ana.send('chat', { to: null, text: 'lost' });
    await waitFor(() => ana.left !== null && ben.left !== null, 5000, 'the table to close');
    const told = (p: Player) => p.received.some(([type]) => type === 'shutdown');
    expect(told(ana) && told(ben)).toBe(true);
    expect(JSON.stringify(ben.received)).not.toContain('"lost"');

    // Restored from the store: everything seen is there, the unsaved move is not.
    await waitFor(() => matchMaker.getLocalRoomById(code) !== undefined, 5000, 'the table to be restored');
    const back = await joinTable(b, code, { token: ben.welcome!.token! });
    expect(back.seat).toBe(1);
    expect(back.view!.chat.map((m) => m.text)).toEqual(['saved']);
    back.send('chat', { to: null, text: 'after' });
    await back.waitView((v) => v.chat.some((m) => m.text === 'after'), 3000, 'play to go on');
    expect(
      b.store.log(code).some((e) => e.action.type === 'chat' && (e.action as { text: string }).text === 'after'),
    ).toBe(true);
  });
});
