// A whole solo game on a phone held upright (390×844): a layout made for it, nothing
// overlapping, no sideways scrolling, the same controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseShort,
  closeAll,
  findOverlaps,
  fixSeed,
  gotoReady,
  hiddenTabs,
  openBrowser,
  playSimply,
  renderer,
  revealOverlaps,
  shot,
  startServer,
  waitFacts,
  type Browser,
  type TestServer,
} from './helpers';

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 390, height: 844 }, true);
  await fixSeed(b.page, 2);
});
afterAll(async () => closeAll(b, server));

async function noSidewaysScroll(): Promise<void> {
  const wide = await b.page.evaluate(() =>
    [...document.querySelectorAll('#ui *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.tabs'))
      .map((el) => `${el.tagName}#${el.id}.${el.className}`)
      .slice(0, 5),
  );
  expect(wide).toEqual([]);
}

describe('on a phone in portrait', () => {
  it('plays a whole game from the lobby to the debrief', async () => {
    await gotoReady(b.page, server.url);
    expect(await renderer(b.page)).toBe('NONE');
    expect(await findOverlaps(b.page)).toEqual([]);
    await noSidewaysScroll();
    await shot(b.page, 'phone-lobby');

    await chooseShort(b.page);
    await b.page.tap('#play-solo');
    await b.page.waitForSelector('#prepare');
    await b.page.waitForTimeout(400);
    expect(await findOverlaps(b.page)).toEqual([]);
    await noSidewaysScroll();
    await shot(b.page, 'phone-prepare');

    expect(await renderer(b.page)).toBe('WEBGL');
    await b.page.tap('#start');
    await waitFacts(b.page, (f) => f.phase === 'negotiate', 10_000, 'negotiation');
    await b.page.tap('#tab-deals');
    await b.page.waitForTimeout(800);
    expect(await findOverlaps(b.page)).toEqual([]);
    await noSidewaysScroll();
    await shot(b.page, 'phone-negotiate');

    // Every tab is on screen (they wrap rather than scroll out of sight).
    expect(await hiddenTabs(b.page)).toEqual([]);
    // The trust reveal's icons sit clear of every seat's name and details.
    expect(await revealOverlaps(b.page)).toEqual([]);
    await shot(b.page, 'phone-reveal');

    await playSimply(b.page, (f) => f.phase === 'end', 100_000);
    await b.page.waitForSelector('#final-points');
    await b.page.waitForSelector('#standing-headline', { timeout: 30_000 });
    await b.page.waitForSelector('#moments', { timeout: 15_000 });
    await b.page.waitForTimeout(1400);
    expect(await findOverlaps(b.page)).toEqual([]);
    await noSidewaysScroll();
    await shot(b.page, 'phone-debrief');
    // The charts' labels are as large on a phone as on a desktop (the drawing is narrower, not shrunk).
    const labelHeights = await b.page.$$eval('#chart-points text, #chart-cooperation text', (els) =>
      els.map((e) => e.getBoundingClientRect().height),
    );
    expect(labelHeights.length).toBeGreaterThan(4);
    expect(Math.min(...labelHeights)).toBeGreaterThanOrEqual(10);
    expect(b.errors).toEqual([]);
  });
});
