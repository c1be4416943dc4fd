// Two people in two browsers at one table with bots: each sees its own private facts and no one
// else's; a watcher sees none; a proposal addressed to its members reaches only them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioById } from '../../shared/scenarios/index';
import {
  closeAll,
  facts,
  findOverlaps,
  fixSeed,
  gotoReady,
  openBrowser,
  playSimply,
  startServer,
  tableRecord,
  waitFacts,
  type Browser,
  type TestServer,
} from './helpers';

const scenario = scenarioById('harbour-development')!;
let server: TestServer;
let host: Browser;
let guest: Browser;
let watcher: Browser | null = null;
let code = '';

beforeAll(async () => {
  server = await startServer();
  [host, guest] = await Promise.all([
    openBrowser({ width: 1280, height: 720 }),
    openBrowser({ width: 1024, height: 768 }),
  ]);
  await fixSeed(host.page, 8);
});
afterAll(async () => closeAll(host, guest, watcher, server));

/** Everything the page holds: its DOM text and the views it received. */
async function everything(b: Browser): Promise<string> {
  return b.page.evaluate(
    () => document.body.innerText + JSON.stringify((window.__leverage!.store as { state: unknown }).state),
  );
}

/** Every private field anywhere in the page's state, with its path and value. */
async function privateFields(b: Browser): Promise<{ path: string; value: unknown }[]> {
  return b.page.evaluate(() => {
    const found: { path: string; value: unknown }[] = [];
    const walk = (x: unknown, path: string) => {
      if (typeof x !== 'object' || x === null) return;
      for (const [k, v] of Object.entries(x)) {
        if (k === 'walkAway' || k === 'values' || k === 'briefing') found.push({ path: `${path}.${k}`, value: v });
        walk(v, `${path}.${k}`);
      }
    };
    walk((window.__leverage!.store as { state: unknown }).state, 'state');
    return found;
  });
}

describe('two people and three bots at one table', () => {
  it('the host sets the table; the guest joins with the link', async () => {
    await gotoReady(host.page, server.url);
    await host.page.fill('#name', 'Ana');
    await host.page.selectOption('#host-humans', '2');
    await host.page.selectOption('#host-role', 'authority');
    await host.page.click('#host');
    await host.page.waitForSelector('#prepare');
    code = await host.page.evaluate(
      () => (window.__leverage!.store as { state: { welcome: { code: string } } }).state.welcome.code,
    );
    expect(code).toMatch(/^[A-Z]{5}$/);
    expect(tableRecord(server, code).config.seed).toBe(8);
    expect(host.page.url()).toContain(`code=${code}`);

    await gotoReady(guest.page, `${server.url}?code=${code}`);
    expect(await guest.page.inputValue('#join-code')).toBe(code);
    await guest.page.fill('#join-name', 'Bea');
    await guest.page.click('#join');
    await guest.page.waitForSelector('#prepare');
    await host.page.waitForFunction(() =>
      JSON.stringify((window.__leverage!.store as { state: { lobby: unknown } }).state.lobby).includes('Bea'),
    );
  });

  it('each sees its own walk-away, values and briefing, and nobody else’s', async () => {
    const a = await facts(host.page);
    const b = await facts(guest.page);
    expect(a?.seat).toBe(0);
    expect(b?.seat).toBe(1);
    expect(await host.page.textContent('#my-walkaway')).toBe(String(scenario.roles[0].walkAway));
    expect(await guest.page.textContent('#my-walkaway')).toBe(String(scenario.roles[1].walkAway));
    const hostText = await everything(host);
    const guestText = await everything(guest);
    for (const [i, role] of scenario.roles.entries()) {
      const probe = role.briefing.slice(0, 80);
      expect(hostText.includes(probe), `host sees ${role.id}'s briefing`).toBe(i === 0);
      expect(guestText.includes(probe), `guest sees ${role.id}'s briefing`).toBe(i === 1);
    }
    // Private fields sit only in the guest's own part of its view, and hold its own role's facts.
    const fields = await privateFields(guest);
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(f.path, f.path).toMatch(/^state\.view\.me\./);
    const own = scenario.roles[1];
    for (const f of fields.filter((x) => x.path.endsWith('.walkAway'))) expect(f.value, f.path).toBe(own.walkAway);
    for (const f of fields.filter((x) => x.path.endsWith('.values'))) expect(f.value, f.path).toEqual(own.values);
    for (const f of fields.filter((x) => x.path.endsWith('.briefing'))) expect(f.value, f.path).toBe(own.briefing);
  });

  it('a watcher sees the table and no private facts', async () => {
    watcher = await openBrowser({ width: 1280, height: 720 });
    await gotoReady(watcher.page, server.url);
    await watcher.page.fill('#watch-code', code);
    await watcher.page.click('#watch');
    await watcher.page.waitForSelector('#power-map');
    const f = await facts(watcher.page);
    expect(f?.seat).toBeNull();
    const text = await everything(watcher);
    for (const role of scenario.roles) expect(text.includes(role.briefing.slice(0, 80))).toBe(false);
    expect(await watcher.page.$('#my-facts')).toBeNull();
  });

  it('the host starts; a members-only proposal reaches the guest and not the watcher', async () => {
    await host.page.click('#start');
    await Promise.all(
      [host, guest].map((b) => waitFacts(b.page, (f) => f.phase === 'negotiate', 10_000, 'negotiation')),
    );
    await host.page.click('#tab-deals');
    await host.page.check('#member-1');
    await host.page.check('#member-2');
    await host.page.check('input[name=visibility] >> nth=1');
    await host.page.fill('#compose-rationale', 'Ana to Bea: a private offer.');
    await host.page.click('#propose');
    await guest.page.click('#tab-deals');
    await guest.page.waitForFunction(() => document.body.innerText.includes('Ana to Bea: a private offer.'));
    // A public message after it: once the watcher has that, it has had every word about the offer.
    await host.page.click('#tab-talk');
    await host.page.fill('#chat-text', 'Public: after the offer.');
    await host.page.click('#chat-send');
    await watcher!.page.waitForFunction(() =>
      JSON.stringify((window.__leverage!.store as { state: unknown }).state).includes('Public: after the offer.'),
    );
    expect(await everything(watcher!)).not.toContain('Ana to Bea: a private offer.');
    expect(await everything(guest)).toContain('Ana to Bea: a private offer.');
    expect(await findOverlaps(guest.page)).toEqual([]);
  });

  it('both play the round through to the next one', async () => {
    await Promise.all(
      [host, guest].map((b) => playSimply(b.page, (f) => f.round >= 2 && f.phase === 'negotiate', 60_000)),
    );
    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
  });
});
