// A new user plays a whole solo game in the browser: lobby, prepare, negotiation, the trust
// reveal and the debrief, with the renderer checked, refusals shown beside their control, no
// text or control overlapping another, and the screenshots the README shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseShort,
  closeAll,
  findOverlaps,
  fixSeed,
  hiddenTabs,
  screenBoxes,
  gotoReady,
  openBrowser,
  playSimply,
  renderer,
  shot,
  startServer,
  tableCode,
  tableRecord,
  waitFacts,
  type Browser,
  type TestServer,
} from './helpers';

/** The game every run plays: in its round 1 a deal that includes the player wins. */
const SEED = 1;

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer({ displaySeconds: 2 });
  b = await openBrowser({ width: 1280, height: 720 });
  await fixSeed(b.page, SEED);
});
afterAll(async () => closeAll(b, server));

describe('a solo game from the lobby to the debrief', () => {
  it('opens a lobby without loading the canvas, with Play solo one click away', async () => {
    await gotoReady(b.page, server.url);
    // The lobby needs no Phaser: the canvas's chunk loads when a table opens (client/stage.ts).
    expect(await renderer(b.page)).toBe('NONE');
    expect(
      await b.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((r) => r.name)
          .filter((n) => /\/assets\/stage-[^/]*\.js$/.test(n)),
      ),
    ).toEqual([]);
    await b.page.waitForTimeout(300);
    // The overlap check sees the screen: plenty of text and controls, canvas texts included.
    const boxes = await screenBoxes(b.page);
    expect(boxes.dom.length).toBeGreaterThan(30);
    expect(await findOverlaps(b.page)).toEqual([]);
    await shot(b.page, 'lobby');
    expect(await b.page.textContent('#play-solo')).toContain('Play solo');
  });

  it('prepares: briefing, values, the power map with coalitions highlighted on hover', async () => {
    await chooseShort(b.page);
    await b.page.click('#play-solo');
    await b.page.waitForSelector('#prepare');
    // Now the table's canvas is drawn, with WebGL.
    await b.page.waitForFunction(() => (window.__leverage!.renderer as () => string)() !== 'NONE');
    expect(await renderer(b.page)).toBe('WEBGL');
    expect(await b.page.textContent('#briefing')).toMatch(/You are|You hold|your/i);
    expect(await b.page.$$eval('#values-table tbody tr', (rows) => rows.length)).toBeGreaterThan(4);
    const firstCoalition = b.page.locator('#mwc-list button').first();
    await firstCoalition.hover();
    const highlight = await b.page.evaluate(
      () => (window.__leverage!.store as { state: { highlight: number[] | null } }).state.highlight,
    );
    expect(highlight?.length).toBeGreaterThan(1);
    await b.page.waitForTimeout(300);
    expect(await findOverlaps(b.page)).toEqual([]);
    await shot(b.page, 'prepare');
    await b.page.mouse.move(5, 5);
  });

  it('negotiates: a proposal checked live, a refusal shown beside its control', async () => {
    expect(tableRecord(server, await tableCode(b.page)).config.seed).toBe(SEED);
    await b.page.click('#start');
    await waitFacts(b.page, (f) => f.phase === 'negotiate', 10_000, 'negotiation');
    await b.page.click('#tab-deals');
    await b.page.waitForSelector('#compose');
    // Pick every seat but the strongest: the live check says whether it reaches the quota.
    const boxes = await b.page.$$('#compose input[type=checkbox]:not([disabled])');
    for (const box of boxes.slice(1)) await box.check();
    expect(await b.page.textContent('#compose-check')).toMatch(/power \d+ of \d+ needed/);
    expect(await b.page.textContent('#compose-worth')).toMatch(/Worth to you: .* a round/);
    expect(await b.page.textContent('#split-sum')).toBe('Total 100%');
    await b.page.fill('#compose-rationale', 'Union jobs and a public promenade, shared by power.');
    await b.page.click('#propose');
    await b.page.waitForSelector('article.proposal.mine');
    // A refusal from the server appears as a sentence next to the control that caused it.
    await b.page.click('#tab-moves');
    await b.page.fill('#concede-points', '100000');
    await b.page.click('#concede');
    const refusal = await b.page.waitForSelector('#concede-form [data-error="concede"]');
    expect(await refusal.textContent()).toMatch(/points to give/);
    await b.page.click('#tab-deals');
    await b.page.waitForTimeout(900);
    expect(await findOverlaps(b.page)).toEqual([]);
    await shot(b.page, 'negotiate');
  });

  it('plays the trust stage and shows the reveal', async () => {
    const trust = await playSimply(b.page, (f) => f.phase === 'trust' || f.round > 1 || f.phase === 'end');
    expect(trust).toMatchObject({ phase: 'trust', round: 1 });
    expect(trust.openTrust.length).toBeGreaterThan(0);
    // At 1280 px every tab of the side panel stays in sight, the trust tab included.
    expect(await hiddenTabs(b.page)).toEqual([]);
    const score = await playSimply(b.page, (x) => x.phase === 'score' || x.round > 1 || x.phase === 'end');
    expect(score).toMatchObject({ phase: 'score', round: 1 });
    const feed = await b.page.textContent('#feed');
    expect(feed).toContain('Round 1: Trust.');
    expect(feed).toMatch(/Deal wins: [^.]*You/);
    expect(feed).toMatch(/Trust revealed: \d+ of \d+ moves honoured: .*\(you honoured\)/);
    expect(feed).not.toContain('No deal won');
    await b.page.waitForTimeout(700);
    expect(await findOverlaps(b.page)).toEqual([]);
    await shot(b.page, 'trust-reveal');
  });

  it('coaches after a round (the coach can be turned off) and pauses and resumes', async () => {
    await playSimply(b.page, (f) => (f.round === 2 && f.phase === 'negotiate') || f.phase === 'end');
    await b.page.click('#tab-you');
    const note = await b.page.waitForSelector('#coach-note', { timeout: 10_000 });
    expect(await note.textContent()).toMatch(/Round 1/);
    await b.page.click('#coach-toggle');
    await b.page.waitForSelector('#coach-note', { state: 'detached' });
    await b.page.click('#coach-toggle');
    await b.page.waitForSelector('#coach-note');
    await b.page.click('#pause');
    await b.page.waitForSelector('#paused');
    expect(await b.page.textContent('#pause')).toBe('Resume');
    await b.page.click('#resume-play');
    await b.page.waitForSelector('#paused', { state: 'detached' });
  });

  it('plays on to the debrief: role percentiles first, every number revealed, charts, moments, downloads', async () => {
    await playSimply(b.page, (f) => f.phase === 'end', 90_000);
    await b.page.waitForSelector('#final-points');
    await b.page.waitForSelector('#moments', { timeout: 15_000 });
    // The headline places the player among the same role's benchmark seats (DESIGN 4).
    const headline = await (await b.page.waitForSelector('#standing-headline', { timeout: 30_000 })).textContent();
    const role = await b.page.evaluate(() => {
      const v = (
        window.__leverage!.store as { state: { view: { viewer: number; scenario: { roles: { name: string }[] } } } }
      ).state.view;
      return v.scenario.roles[v.viewer].name;
    });
    const roleText = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const share = '(more than \\d+ % of|more than all|less than nearly all)';
    expect(headline).toMatch(
      new RegExp(
        `^You claimed ${share} ${roleText} players; your table created ${share} tables; your mutual-gain score beat (more than \\d+ %|all|nearly none) of theirs\\.$`,
      ),
    );
    expect(await b.page.textContent('#benchmark-note')).toMatch(
      /per round played, against \d+ seeded bot tables of this scenario/,
    );
    for (const id of ['#place-claimed', '#place-created', '#place-mutual'])
      expect(await b.page.textContent(id)).toMatch(
        /^(Value claimed|Value created|Mutual-gain score)(more than \d+ %|more than all|fewer than 1 %)of /,
      );
    // Seats in seat order, placed in their roles; nothing ranks them against each other.
    const seats = await b.page.$$eval('#final-points tbody tr', (rows) => rows.length);
    expect(seats).toBe(5);
    expect(await b.page.textContent('#debrief')).not.toMatch(/You finished \d+ of|Ranking/);
    expect(await b.page.textContent('#coach-standing')).toMatch(/Per round played, you claimed/);
    for (const id of [
      '#chart-points',
      '#chart-reputation',
      '#chart-cooperation',
      '#coalition-timeline',
      '#audit',
      '#kpi-efficiency',
      '#kpi-left',
    ])
      expect(await b.page.$(id), id).not.toBeNull();
    expect(await b.page.textContent('#audit')).toMatch(/decisions/);
    // The scenario's debrief text (it names walk-aways) arrives with the finished record.
    await b.page.waitForSelector('#scenario-debrief');
    expect(await b.page.textContent('#scenario-debrief')).toMatch(/Questions for the class/);
    const download = b.page.waitForEvent('download');
    await b.page.click('#download-csv');
    expect((await download).suggestedFilename()).toMatch(/-log\.csv$/);
    await b.page.evaluate(() => document.getElementById('debrief')!.scrollTo({ top: 0 }));
    await b.page.waitForTimeout(1400);
    expect(await findOverlaps(b.page)).toEqual([]);
    await shot(b.page, 'debrief');
    expect(b.errors).toEqual([]);
  });

  it('opens the same debrief again after a reload', async () => {
    await b.page.reload();
    await b.page.waitForSelector('#final-points', { timeout: 15_000 });
    await b.page.waitForSelector('#moments', { timeout: 15_000 });
    expect(await b.page.$$eval('#final-points tbody tr', (rows) => rows.length)).toBe(5);
    // The same placements as before the reload: they were stored when the game ended.
    expect(await (await b.page.waitForSelector('#standing-headline', { timeout: 15_000 })).textContent()).toMatch(
      /^You claimed /,
    );
  });

  it("opens a finished table's debrief from its link, in a browser that never sat at it", async () => {
    const code = await b.page.evaluate(
      () => (window.__leverage!.store as { state: { lobby: { code: string } | null } }).state.lobby!.code,
    );
    const other = await openBrowser({ width: 1280, height: 720 });
    try {
      await other.page.goto(`${server.url}?code=${code}`);
      await other.page.waitForSelector('#final-points', { timeout: 15_000 });
      expect(await other.page.$$eval('#final-points tbody tr', (rows) => rows.length)).toBe(5);
      // Someone who watched is told how the table did, not a seat's placement.
      expect(await (await other.page.waitForSelector('#standing-headline')).textContent()).toMatch(
        /^This table created (more than \d+ % of|more than all|less than nearly all) tables\.$/,
      );
      expect(other.errors).toEqual([]);
    } finally {
      await closeAll(other);
    }
  });
});
