// A student's browser (not the server's own computer) starting the studio from a shipped case
// (review defect 4): the forms open on its structure, its walk-aways, values, briefings and debrief
// are blank, and the studio says so in a sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioById } from '../../shared/scenarios/index';
import { closeAll, openBrowser, shot, startServer, type Browser, type TestServer } from './helpers';

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  // Behind a trusted proxy that forwards the student's address: the server is not on their computer.
  server = await startServer({ trustProxy: true });
  b = await openBrowser({ width: 1280, height: 900 });
  await b.page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.9' });
});
afterAll(async () => closeAll(b, server));

describe('the studio on another computer than the server', () => {
  it('copies a shipped case with its private numbers and briefings blank, and says so', async () => {
    const river = scenarioById('river-dam')!;
    await b.page.goto(`${server.url}#studio`);
    await b.page.waitForSelector('#studio-start-button');
    expect(await b.page.$$('#studio-load-note')).toHaveLength(0);
    await b.page.selectOption('#studio-start', 'river-dam');
    await b.page.click('#studio-start-button');
    await b.page.waitForSelector('#studio-load-note');
    expect(await b.page.textContent('#studio-load-note')).toBe(
      "Private numbers and briefings of shipped cases are blank here: open the studio on the server's computer to copy them whole.",
    );
    expect(await b.page.inputValue('[data-path="name"]')).toBe(`${river.name} (custom)`);
    expect(await b.page.inputValue('[data-path="roles[0].name"]')).toBe(river.roles[0].name);
    expect(await b.page.textContent('#studio summary')).toMatch(/power \d+, walk-away \?/);
    const text = await b.page.evaluate(() => document.body.innerText);
    for (const role of river.roles) expect(text).not.toContain(role.briefing.slice(0, 40));
    // Plain words, not the names of the project's internal documents (review defect 22).
    expect(text).toContain('Does it teach?');
    expect(text).not.toMatch(/DESIGN|ARCHITECTURE/);
    await shot(b.page, 'studio-shipped-blanked');
    await b.page.click('#studio-side-json');
    await b.page.waitForSelector('#studio-json');
    const draft = await b.page.$eval('#studio-json', (el) => (el as HTMLTextAreaElement).value);
    const roles = (JSON.parse(draft) as { roles: { walkAway: unknown; briefing: unknown }[] }).roles;
    expect(roles.map((r) => [r.walkAway, r.briefing])).toEqual(river.roles.map(() => ['', '']));
    expect(b.errors).toEqual([]);
  });
});
