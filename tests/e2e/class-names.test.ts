// A student's name in the browser (review defect 2): a classmate typing it on another device is refused and
// flagged in the console; the facilitator's release lets a real new device take the student's seat, and the old
// device stops (it does not join again by itself).
import { chromium, type Browser as PwBrowser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionCreated } from '../../shared/class/setup';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { closeAll, openBrowser, startServer, type Browser, type TestServer } from './helpers';

let server: TestServer;
let fac: Browser;
let students: PwBrowser;
beforeAll(async () => {
  server = await startServer();
  fac = await openBrowser({ width: 1280, height: 800 });
  students = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await students?.close();
  await closeAll(fac, server);
});

async function device(code: string, name: string): Promise<Page> {
  const page = await (await students.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}#class/${code}`);
  await page.fill('#class-name', name);
  await page.click('#class-room button[type=submit]');
  return page;
}

const seatOf = (p: Page) =>
  p.evaluate(() => {
    const w = (window.__leverage!.store as { state: { welcome: { code: string; seat: number } | null } }).state.welcome;
    return w && { code: w.code, seat: w.seat };
  });

it('refuses a seated student’s name on another device until the facilitator releases it', async () => {
  const res = await fetch(`${server.url}api/class`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'harbour-development', seeds: [4] }),
  });
  const { code, key } = (await res.json()) as SessionCreated;
  const ann = await device(code, 'Ann');
  await ann.waitForSelector('text=Welcome, Ann.');
  const page = fac.page;
  await page.addInitScript(([c, k]) => sessionStorage.setItem(`leverage.class.${c}.key`, k), [code, key] as const);
  await page.goto(`${server.url}#console/${code}`);
  await page.waitForSelector('.cls-waiting >> text=Ann');
  await page.click('#cls-seat-all');
  await ann.waitForSelector('#prepare');
  const seat = await seatOf(ann);

  const other = await device(code, 'ann');
  await other.waitForSelector('.cls-error >> text=already uses that name');
  await page.waitForSelector('.cls-clashes >> text=1 join from another device refused');
  await page.click('.cls-clashes button');
  await ann.waitForSelector('text=gave your name to another device');

  const phone = await device(code, 'Ann');
  await phone.waitForSelector('#prepare');
  expect(await seatOf(phone)).toEqual(seat);
  await page.waitForFunction(() => !document.querySelector('.cls-clashes'));
  // The old device stays stopped: it did not take the name back.
  expect(await ann.textContent('#class-room')).toContain('gave your name to another device');
});
