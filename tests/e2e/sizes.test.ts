// The same table at the sizes people play on — laptops, a tablet either way up, a phone on its
// side — with nothing overlapping and nothing running off the side of the screen.
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
  shot,
  startServer,
  waitFacts,
  type Browser,
  type TestServer,
} from './helpers';

const SIZES = [
  { width: 1280, height: 720, name: 'hd' },
  { width: 1366, height: 768, name: 'laptop' },
  { width: 1440, height: 900, name: 'laptop-large' },
  { width: 1024, height: 768, name: 'tablet-landscape' },
  { width: 768, height: 1024, name: 'tablet' },
  { width: 844, height: 390, name: 'phone-landscape' },
];

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 1280, height: 720 });
  await fixSeed(b.page, 4);
});
afterAll(async () => closeAll(b, server));

async function everySize(label: string, shots: string[] = []): Promise<void> {
  for (const size of SIZES) {
    await b.page.setViewportSize({ width: size.width, height: size.height });
    await b.page.waitForTimeout(450);
    expect(await findOverlaps(b.page), `${label} at ${size.width}×${size.height}`).toEqual([]);
    const wide = await b.page.evaluate(
      () =>
        [...document.querySelectorAll('#ui *')].filter(
          (el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.tabs'),
        ).length,
    );
    expect(wide, `${label} at ${size.width}×${size.height}: elements past the right edge`).toBe(0);
    if (shots.includes(size.name)) await shot(b.page, `${size.name}-${label}`);
  }
  await b.page.setViewportSize({ width: 1280, height: 720 });
}

describe('every supported size', () => {
  it('lays out the lobby, prepare, the negotiation and the debrief without overlaps', async () => {
    await gotoReady(b.page, server.url);
    await everySize('lobby');
    await chooseShort(b.page);
    await b.page.click('#play-solo');
    await b.page.waitForSelector('#prepare');
    await everySize('prepare');
    await b.page.click('#start');
    await waitFacts(b.page, (f) => f.phase === 'negotiate', 10_000, 'negotiation');
    await b.page.waitForTimeout(600);
    await everySize('negotiate', ['tablet', 'laptop']);
    // The most tabs a seat gets (a trust stage with partners): every one stays in sight.
    await b.page.evaluate(() => {
      const store = window.__leverage!.store as { state: { view: any }; set(p: object): void };
      const v = store.state.view;
      (window as unknown as { realView: unknown }).realView = v;
      store.set({ view: { ...v, phase: 'trust', trust: [{ partner: (v.me.seat + 1) % v.seats.length, move: null }] } });
    });
    for (const size of SIZES) {
      await b.page.setViewportSize({ width: size.width, height: size.height });
      await b.page.waitForTimeout(200);
      expect(await b.page.$('#tab-trust'), `the trust tab at ${size.width}×${size.height}`).not.toBeNull();
      expect(await hiddenTabs(b.page), `tabs out of sight at ${size.width}×${size.height}`).toEqual([]);
    }
    await b.page.evaluate(() =>
      (window.__leverage!.store as { set(p: object): void }).set({
        view: (window as unknown as { realView: unknown }).realView,
      }),
    );
    await b.page.setViewportSize({ width: 1280, height: 720 });
    await playSimply(b.page, (f) => f.phase === 'end', 100_000);
    await b.page.waitForSelector('#moments', { timeout: 15_000 });
    await everySize('debrief', ['tablet']);
    expect(b.errors).toEqual([]);
  });
});
