// A reload, or a dropped connection, puts the player back in the same seat with its seat token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  cutConnection,
  facts,
  fixSeed,
  gotoReady,
  openBrowser,
  playSimply,
  startServer,
  tableCode,
  tableRecord,
  waitFacts,
  type Browser,
  type TestServer,
} from './helpers';

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 1366, height: 768 });
  await fixSeed(b.page, 5);
});
afterAll(async () => closeAll(b, server));

/** The "what happened" feed as the page holds it: round and sentence of every line. */
function feedLines(): Promise<string[]> {
  return b.page.evaluate(() =>
    (window.__leverage!.store as { state: { feed: { round: number; text: string }[] } }).state.feed.map(
      (f) => `R${f.round} ${f.text}`,
    ),
  );
}

const code = () => tableCode(b.page);

/** The page's SDK session at its table. */
function sessionId(): Promise<string> {
  return b.page.evaluate(() => (window.__leverage!.conn as { room: { sessionId: string } }).room.sessionId);
}

describe('rejoining the same seat', () => {
  it('after a reload in the middle of a game', async () => {
    await gotoReady(b.page, server.url);
    await b.page.selectOption('#solo-role', { index: 2 }).catch(async () => {
      await b.page.click('#solo-options summary');
      await b.page.selectOption('#solo-role', { index: 2 });
    });
    await b.page.click('#play-solo');
    await b.page.waitForSelector('#prepare');
    await b.page.click('#start');
    const before = await playSimply(b.page, (f) => f.round === 2 && f.phase === 'negotiate');
    const table = await code();
    const feed = await feedLines();
    expect(feed.length).toBeGreaterThan(10);
    expect(tableRecord(server, table).config.seed).toBe(5);
    await b.page.reload();
    await b.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    const after = await waitFacts(b.page, (f) => f.phase === 'negotiate', 10_000, 'the table again');
    expect(await code()).toBe(table);
    expect(after.seat).toBe(2);
    expect(after.seat).toBe(before.seat);
    expect(after.round).toBe(2);
    expect(after.points).toBe(before.points);
    // The private facts are back on screen: it is this seat, not a new one.
    expect(await b.page.textContent('#my-walkaway')).toBe(String(after.walkAway));
    // And so is what happened: the feed is rebuilt from the record, line for line.
    await b.page.waitForFunction(
      (n) => (window.__leverage!.store as { state: { feed: unknown[] } }).state.feed.length >= n,
      feed.length,
    );
    expect((await feedLines()).slice(0, feed.length)).toEqual(feed);
    expect(await b.page.textContent('#feed')).not.toContain('Nothing has happened yet');
  });

  it('after the connection drops', async () => {
    const table = await code();
    const before = await facts(b.page);
    const session = await sessionId();
    // Every connection status the page goes through from here on, in order.
    await b.page.evaluate(() => {
      const store = window.__leverage!.store as { set(patch: { status?: string }): void };
      const set = store.set.bind(store);
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      store.set = (patch) => {
        if (patch.status) seen.push(patch.status);
        set(patch);
      };
    });
    const statuses = () => b.page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    cutConnection(table, session);
    await b.page.waitForFunction(
      () => {
        const seen = (window as unknown as { statuses: string[] }).statuses;
        return seen.includes('reconnecting') && seen[seen.length - 1] === 'connected';
      },
      null,
      { timeout: 30_000 },
    );
    const seen = await statuses();
    expect(seen[0]).toBe('reconnecting');
    expect(seen[seen.length - 1]).toBe('connected');
    const after = await waitFacts(b.page, (f) => f.seat !== null, 10_000, 'the seat');
    expect(await code()).toBe(table);
    expect(after.seat).toBe(2);
    expect(after.seat).toBe(before!.seat);
    expect(after.round).toBe(before!.round);
    // And the game goes on from there.
    await playSimply(b.page, (f) => f.round >= 3 || f.phase === 'end');
    expect(b.errors).toEqual([]);
  });
});
