// A class run from the facilitator's console with browser students (issue 10): the form, the
// waiting room, seating, a move, start, pause and resume, a phase closed early, the game to its
// end, the after questions, the end of the session and the export. Screenshots of the waiting
// room, the console and the projector for README.md.
import { chromium, type Browser as PwBrowser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleModel } from '../../shared/class/console';
import type { SessionRecord } from '../../server/store/sessions';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import {
  closeAll,
  gotoReady,
  openBrowser,
  playSimply,
  shot,
  startServer,
  type Browser,
  type TestServer,
} from './helpers';

let server: TestServer;
let facilitator: Browser;
let students: PwBrowser;

beforeAll(async () => {
  server = await startServer();
  facilitator = await openBrowser({ width: 1440, height: 900 });
  students = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await students?.close();
  await closeAll(facilitator, server);
});

function session(code: string): SessionRecord {
  const s = server.app.ctx.local.db.prepare('SELECT record FROM sessions WHERE code = ?').get(code) as
    { record: string } | undefined;
  if (!s) throw new Error(`no session ${code}`);
  return JSON.parse(s.record) as SessionRecord;
}

async function consoleModel(page: Page): Promise<ConsoleModel> {
  const code = (await page.textContent('.cls-header h1'))!.replace('Class ', '');
  const res = await page.request.get(`${server.url}api/class/${code}/console`, {
    headers: {
      'x-facilitator-key': await page.evaluate((c) => sessionStorage.getItem(`leverage.class.${c}.key`)!, code),
    },
  });
  return (await res.json()) as ConsoleModel;
}

async function studentPage(url: string, name: string): Promise<Page> {
  const context = await students.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.fill('#class-name', name);
  await page.click('#class-room button[type=submit]');
  await page.waitForSelector(`text=Welcome, ${name}.`);
  return page;
}

const screen = (p: Page) => p.evaluate(() => (window.__leverage!.store as { state: { screen: string } }).state.screen);

describe('running a class from the console', () => {
  it('seats browser students, steers their tables, ends and exports the session', async () => {
    const page = facilitator.page;
    // Each table plays a known game of two rounds (the form's own length is a random short game).
    await page.route('**/api/class', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, seeds: [5, 6], rounds: 2 }) });
    });
    await gotoReady(page, server.url);
    await page.click('#run-class');
    await page.waitForSelector('#cls-create');
    await page.selectOption('#cls-tables', '2');
    await page.click('#cls-create');
    await page.waitForSelector('.cls-key');
    const code = (await page.textContent('.cls-header h1'))!.replace('Class ', '');
    expect(code).toMatch(/^[A-Z]{5}$/);
    const key = await page.textContent('.cls-key code');
    expect(session(code).keyHash).not.toContain(key!);

    const names = ['Ana', 'Ben', 'Caro'];
    const pages: Page[] = [];
    for (const n of names) pages.push(await studentPage(`${server.url}#class/${code}`, n));
    // A before question, answered on the student's own screen.
    await pages[0].click('.cls-q >> text=Yes, almost all');
    await shot(pages[0], 'class-waiting-room');
    await page.waitForSelector('.cls-waiting >> text=Caro');
    await page.click('.cls-key button');

    await page.click('#cls-seat-all');
    await page.waitForSelector('.cls-table[data-code]');
    for (const p of pages) await p.waitForFunction(() => document.querySelector('#class-room.cls-bar') !== null);
    for (const p of pages) await p.waitForSelector('#prepare');
    const tables = session(code).tables;
    expect(tables).toHaveLength(2);
    expect(
      session(code)
        .students.map((s) => s.table)
        .sort(),
    ).toEqual([tables[0], tables[0], tables[1]].sort());

    // Move Ben (table 1, seat 1) to the second table's seat 2 before the start.
    const ben = session(code).students.find((s) => s.name === 'Ben')!;
    await page.click(`.cls-table[data-code=${ben.table}] li[data-seat="${ben.seat}"] >> text=Move`);
    await page.click(`.cls-table[data-code=${tables[1]}] li[data-seat="2"] >> text=Seat here`);
    await page.waitForFunction(
      ([t]) => document.querySelector(`.cls-table[data-code=${t}] li[data-seat="2"]`)?.textContent?.includes('Ben'),
      [tables[1]],
    );
    expect(session(code).students.find((s) => s.name === 'Ben')).toMatchObject({ table: tables[1], seat: 2 });
    await pages[1].waitForFunction(
      (t) => (window.__leverage!.store as { state: { welcome: { code: string } | null } }).state.welcome?.code === t,
      tables[1],
    );

    await page.click('#cls-start-all');
    for (const p of pages) await p.waitForSelector('body.phase-negotiate');
    // A table's full view (private facts) opens in the console, not on the projector.
    await page.click(`.cls-table[data-code=${tables[0]}] >> text=Full view`);
    await page.waitForSelector('.cls-full >> text=Walk-away');
    await page.click('.cls-full >> text=Close');
    await page.click('#cls-pause-all');
    await page.waitForSelector('.cls-phase >> text=paused');
    await shot(page, 'class-console');
    await page.click('#cls-resume-all');
    await page.waitForFunction(() => !(document.body.textContent ?? '').includes('paused ('));
    // A phase closed early at the first table: the log records the facilitator's advance.
    await page.click(`.cls-table[data-code=${tables[0]}] >> text=Close phase`);
    await page.waitForFunction(
      ([t]) => !document.querySelector(`.cls-table[data-code=${t}] .cls-phase`)?.textContent?.includes('negotiate'),
      [tables[0]],
    );
    await page.goto(`${server.url}#projector/${code}`);
    await page.waitForSelector('.cls-ptables li');
    await shot(page, 'class-projector');
    await page.goto(`${server.url}#console/${code}`);
    await page.waitForSelector('.cls-table[data-code]');

    await Promise.all(pages.map((p) => playSimply(p, (f) => f.phase === 'end', 90_000)));
    for (const p of pages) expect(await screen(p)).toBe('debrief');
    // The after questions open over the debrief.
    await pages[2].waitForSelector('.cls-sheet >> text=Now that the game is over');
    await pages[2].click('.cls-sheet .cls-q >> text=Most of them');
    await pages[2].waitForFunction(() => (window.__leverage!.canvasReady as () => boolean)());
    await shot(pages[2], 'class-after-questions');
    const model = await consoleModel(page);
    expect(model.tables.every((t) => t.status === 'ended')).toBe(true);
    expect(model.students.find((s) => s.name === 'Caro')!.answered.after).toBe(1);
    expect(model.students.find((s) => s.name === 'Ana')!.answered.before).toBe(1);

    page.once('dialog', (d) => void d.accept());
    await page.click('#cls-end');
    await page.waitForSelector('.cls-header >> text=ended');
    const download = page.waitForEvent('download');
    await page.click('#cls-export-csv');
    const csv = await (await download).createReadStream();
    let text = '';
    for await (const chunk of csv) text += String(chunk);
    expect(text.split('\r\n')[0]).toBe('kind,time,table,seq,round,phase,seat,role,by,student,type,detail,reason');
    expect(text.split('\r\n').filter((l) => l.startsWith('answer,')).length).toBe(2);
    expect(text).toContain(',facilitator,');

    // Where the console's link goes: the class debrief of this session's own records.
    expect(await page.getAttribute('a >> text=Class debrief', 'href')).toBe(`/#class-debrief/${code}`);
    await page.goto(`${server.url}#class-debrief/${code}`);
    await page.waitForSelector('#cd-tables >> text=Table 2');
    await shot(page, 'class-session-debrief');

    // The console from another computer: the key typed by hand, a wrong one refused.
    const elsewhere = await (await students.newContext()).newPage();
    await elsewhere.goto(`${server.url}#console/${code}`);
    await elsewhere.fill('#cls-key', 'not-the-key');
    await elsewhere.click('text=Open the console');
    await elsewhere.waitForSelector('.cls-error >> text=facilitator key');
    await elsewhere.fill('#cls-key', key!);
    await elsewhere.click('text=Open the console');
    await elsewhere.waitForSelector('.cls-table[data-code]');
    expect(await elsewhere.textContent('.cls-header')).toContain('ended');
  });
});
