// A class session of the trust game (issue 10, item 1: the mode): seated, played to its end by
// closing phases, ended, and debriefed like a coalition class.
import { afterEach, describe, expect, it } from 'vitest';
import { bootServer, type Booted } from './helpers';
import { act, BOT, createSession, HUMAN, joinSession, must } from './class-helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

describe('a trust-game class session', () => {
  it('seats, plays to the end, exports and debriefs its tables', async () => {
    b = await bootServer();
    const { code, key } = await createSession(b, {
      scenario: 'trust-game',
      mode: 'trust',
      seats: [HUMAN, BOT, BOT, BOT],
      tables: 1,
      durations: { negotiate: 300, trust: 300 },
      seeds: [5],
    });
    await joinSession(b, code, 'Ann');
    await must(b, code, key, { type: 'seat-all' });
    await must(b, code, key, { type: 'start', table: null });
    const table = b.store.getSession(code)!.tables[0];
    for (let i = 0; i < 200 && b.store.getTable(table)!.status !== 'finished'; i++)
      await act(b, code, key, { type: 'close', table });
    expect(b.store.getTable(table)!.status).toBe('finished');
    expect(b.store.getTable(table)!.config.mode).toBe('trust');
    await must(b, code, key, { type: 'end' });
    const res = await fetch(`${b.url}/api/class/${code}/debrief`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as { tables: { ended: boolean; mode: string }[] };
    expect(d.tables).toHaveLength(1);
    expect(d.tables[0].ended).toBe(true);
    expect(d.tables[0].mode).toBe('trust');
    const csv = await fetch(`${b.url}/api/class/${code}/export.csv`, { headers: { 'x-facilitator-key': key } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n').length).toBeGreaterThan(10);
  });
});
