// One whole round played with the keyboard alone: every control is reachable with Tab and used
// with Enter or Space, from the lobby to the next round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  facts,
  fixSeed,
  gotoReady,
  openBrowser,
  startServer,
  tabTo,
  waitFacts,
  type Browser,
  type TestServer,
} from './helpers';

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 1280, height: 800 });
  await fixSeed(b.page, 6);
});
afterAll(async () => closeAll(b, server));

describe('keyboard only', () => {
  it('plays round 1 from the lobby to round 2 without the mouse', async () => {
    const { page } = b;
    await gotoReady(page, server.url);
    await tabTo(page, '#name');
    await page.keyboard.type('Keys');
    await tabTo(page, '#play-solo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#prepare');
    // Prepare: the power map's coalitions light up on keyboard focus too.
    await tabTo(page, '#mwc-list button');
    const highlight = await page.evaluate(
      () => (window.__leverage!.store as { state: { highlight: number[] | null } }).state.highlight,
    );
    expect(highlight?.length).toBeGreaterThan(1);
    await tabTo(page, '#start', 200, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await waitFacts(page, (f) => f.phase === 'negotiate', 10_000, 'negotiation');

    // Compose a proposal: tabs by arrow keys, a member by Space, the proposal by Enter.
    await tabTo(page, '[role=tab][aria-selected=true]', 200);
    for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement?.id === 'tab-deals')); i++)
      await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await tabTo(page, '#member-2', 200);
    await page.keyboard.press('Space');
    expect(await page.isChecked('#member-2')).toBe(true);
    await tabTo(page, '#propose', 200);
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.proposal.mine');

    // Accept the proposal most likely to win, if one includes us.
    const best = await page.evaluate(() => {
      const v = (window.__leverage!.store as { state: { view: any } }).state.view;
      const me = v.me.seat;
      const power = (s: number[]) => s.reduce((a: number, x: number) => a + v.seats[x].power, 0);
      const ok = v.proposals.filter(
        (p: any) => p.members.includes(me) && !p.acceptedBy.includes(me) && power(p.members) >= v.scenario.quota,
      );
      ok.sort((a: any, c: any) => power(c.acceptedBy) - power(a.acceptedBy));
      return ok[0]?.id ?? null;
    });
    if (best !== null) {
      await tabTo(page, `#accept-${best}`, 300);
      await page.keyboard.press('Enter');
    }
    await tabTo(page, '#ready', 300, 'Shift+Tab');
    await page.keyboard.press('Enter');

    // Trust by keyboard until round 2 opens. Resolve and score close on their own clocks: a Ready
    // pressed there could land in the next phase, which a person reading the button would not do.
    for (let step = 0; step < 200; step++) {
      const f = await facts(page);
      if (!f) continue;
      if (f.round >= 2 && f.phase === 'negotiate') break;
      if (f.phase === 'trust' && f.openTrust.length) {
        await tabTo(page, `#honour-${f.openTrust[0]}`, 300);
        await page.keyboard.press('Enter');
        await page.waitForTimeout(100);
        continue;
      }
      if (f.phase === 'trust' && !f.ready && (await page.$('#ready:not([disabled])'))) {
        await tabTo(page, '#ready:not([disabled])', 300, 'Shift+Tab');
        await page.keyboard.press('Enter');
      }
      await page.waitForTimeout(150);
    }
    const end = await waitFacts(page, (f) => f.round >= 2, 15_000, 'round 2');
    expect(end.round).toBe(2);
    expect(b.errors).toEqual([]);
  });
});
