// The class debrief page on a projector-sized screen: a class of tables simulated headless with
// the bots (shared/class/demo.ts) is served as the session endpoint's answer, and the page is read
// and driven as a facilitator would: the tables side by side, a role across tables, the moments,
// two tables compared round by round (reached with the keyboard), the before/after shift, and each
// table's own debrief one click away. The lobby never downloads the page's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../shared/bots/benchmark';
import { classDebrief, type ClassDebrief } from '../../shared/class/debrief';
import { demoSession } from '../../shared/class/demo';
import { scenarioById } from '../../shared/scenarios';
import { closeAll, gotoReady, openBrowser, shot, startServer, tabTo, type Browser, type TestServer } from './helpers';

let server: TestServer;
let b: Browser;
let model: ClassDebrief;
const requested: string[] = [];

beforeAll(async () => {
  server = await startServer();
  const scenario = scenarioById('harbour-development')!;
  model = classDebrief(demoSession(scenario, 6, 2026), { benchmarks: [runBenchmark(scenario, { games: 40 })] });
  b = await openBrowser({ width: 1920, height: 1080 });
  await b.page.route('**/api/class/*/debrief', async (route) => {
    const r = route.request();
    requested.push(`${new URL(r.url()).pathname} key=${r.headers()['x-facilitator-key'] ?? '(none)'}`);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(model) });
  });
});
afterAll(async () => closeAll(b, server));

const ready = () => document.documentElement.dataset.ready === '1';

describe('the class debrief page', () => {
  it('is not part of what the lobby downloads', async () => {
    const { page } = b;
    const scripts: string[] = [];
    const onResponse = async (r: { url(): string; text(): Promise<string> }) => {
      if (r.url().endsWith('.js')) scripts.push(await r.text().catch(() => ''));
    };
    page.on('response', onResponse);
    await gotoReady(page, server.url);
    page.off('response', onResponse);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((s) => s.includes('The tables side by side'))).toBe(false);
    // …while the class debrief's own address does download it (so the check above can fail).
    const classScripts: string[] = [];
    const onClass = async (r: { url(): string; text(): Promise<string> }) => {
      if (r.url().endsWith('.js')) classScripts.push(await r.text().catch(() => ''));
    };
    page.on('response', onClass);
    await page.goto(`${server.url}?first#class-debrief/FIRST`);
    await page.waitForFunction(ready, null, { timeout: 20_000 });
    await page.waitForSelector('#cd-tables');
    page.off('response', onClass);
    expect(classScripts.some((s) => s.includes('The tables side by side'))).toBe(true);
  });

  it('shows the tables side by side, each with its own debrief one click away', async () => {
    const { page } = b;
    // The console keeps the facilitator's key in this browser; the page sends it in a header.
    await page.evaluate(() => localStorage.setItem('leverage.class.keys', JSON.stringify({ CLASS: 'K3Y' })));
    await page.goto(`${server.url}#class-debrief/CLASS`);
    await page.waitForFunction(ready, null, { timeout: 20_000 });
    await page.waitForSelector('#cd-tables');
    expect(requested.at(-1)).toBe('/api/class/CLASS/debrief key=K3Y');
    const rows = await page.$$eval('#cd-tables tbody tr', (trs) =>
      trs.map((tr) => ({
        label: tr.querySelector('.cd-label')?.textContent,
        link: tr.querySelector('a.cd-link')?.getAttribute('href'),
        text: tr.textContent ?? '',
      })),
    );
    expect(rows.map((r) => r.label)).toEqual(model.tables.map((t) => t.label));
    expect(rows.map((r) => r.link)).toEqual(model.tables.map((t) => `/?code=${t.id}`));
    // Efficiency as the model has it, the most and the least marked in words.
    const hi = model.tables.find((t) => t.id === model.comparePair![0])!;
    const hiRow = rows.find((r) => r.label === hi.label)!;
    expect(hiRow.text).toContain(`${Math.round(hi.efficiency * 100)}%`);
    expect(hiRow.text).toContain('most');
    // Rounds played, never a length or a cap.
    for (const [i, t] of model.tables.entries()) expect(rows[i].text).toContain(`${t.roundsPlayed} rounds`);
    const fontPx = await page.$eval('.cd-grid td', (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(20);
    await shot(page, 'class-debrief');
  });

  it('shows each role across tables with best and worst in words and bot seats marked', async () => {
    const { page } = b;
    await page.keyboard.press('2');
    await page.waitForSelector('#cd-roles');
    expect(await page.$$eval('.cd-role', (els) => els.length)).toBe(model.roles.length);
    const role = model.roles[0];
    const detail = await page.$$eval('.cd-role-detail tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(detail).toHaveLength(role.seats.length);
    const best = role.seats.findIndex((s) => s.table === role.best!.table);
    expect(detail[best]).toContain('best');
    for (const [i, s] of role.seats.entries()) expect(detail[i]).toContain(s.heldBy === 'bot' ? 'bot' : 'student');
    await shot(page, 'class-debrief-roles');
    // From a role to its best and worst tables, side by side.
    await page.click('#cd-compare-role');
    await page.waitForSelector('#cd-timelines');
    expect(await page.evaluate(() => location.hash)).toBe(
      `#class-debrief/CLASS/compare/${role.best!.table}/${role.worst!.table}`,
    );
    await page.click('#tab-moments');
  });

  it('opens two tables side by side from a moment, and any two can be chosen with the keyboard', async () => {
    const { page } = b;
    await page.waitForSelector('#cd-moments');
    const titles = await page.$$eval('.cd-moment h3', (els) => els.map((e) => e.textContent));
    expect(titles).toEqual(model.moments.map((m) => m.title));
    // The first moment's "Compare" button, by keyboard.
    await tabTo(page, '.cd-moment .cd-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#cd-timelines');
    const [a, bId] = model.moments[0].tables;
    expect(await page.evaluate(() => location.hash)).toBe(`#class-debrief/CLASS/compare/${a}/${bId}`);
    const ta = model.tables.find((t) => t.id === a)!;
    const tb = model.tables.find((t) => t.id === bId)!;
    const rounds = await page.$$eval('#cd-timelines tbody th', (ths) => ths.map((th) => Number(th.textContent)));
    expect(rounds).toEqual(Array.from({ length: Math.max(ta.roundsPlayed, tb.roundsPlayed) }, (_, i) => i + 1));
    await shot(page, 'class-debrief-compare');

    // Another right-hand table, chosen from the keyboard.
    const other = model.tables.find((t) => t.id !== a && t.id !== bId)!;
    await tabTo(page, '#cd-pick-b');
    await page.selectOption('#cd-pick-b', other.id);
    await page.waitForFunction((id) => location.hash.endsWith(`/${id}`), other.id);
    const head = await page.$$eval('#cd-timelines thead th', (ths) => ths.map((th) => th.textContent));
    expect(head).toEqual(['Round', ta.label, other.label]);
  });

  it('shows the class’s before/after shift per question', async () => {
    const { page } = b;
    // Focus is in the table picker, where digits belong to the select: back to the views' buttons.
    await tabTo(page, '#tab-shift', 40, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#cd-shift');
    const cards = await page.$$eval('.cd-question', (els) => els.map((e) => e.textContent ?? ''));
    expect(cards).toHaveLength(model.shifts.length);
    for (const [i, q] of model.shifts.entries()) {
      expect(cards[i]).toContain(q.text);
      expect(cards[i]).toContain(`${q.changed} of the ${q.paired} students`);
    }
    await shot(page, 'class-debrief-shift');
    expect(b.errors).toEqual([]);
  });

  it('says so when the session cannot be loaded', async () => {
    const { page } = b;
    await page.unroute('**/api/class/*/debrief');
    await page.route('**/api/class/*/debrief', async (route) => {
      const r = route.request();
      requested.push(`${new URL(r.url()).pathname} key=${r.headers()['x-facilitator-key'] ?? '(none)'}`);
      await route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'Wrong key.' }),
      });
    });
    await page.goto(`${server.url}#class-debrief/NOPE`);
    await page.waitForFunction(ready, null, { timeout: 20_000 });
    expect(await page.textContent('.cd-error')).toContain('Wrong key.');
    // This browser holds no key for that session: none is sent.
    expect(requested.at(-1)).toBe('/api/class/NOPE/debrief key=(none)');
  });
});
