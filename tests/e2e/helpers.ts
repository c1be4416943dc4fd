// The browser suite's tools: a real game server in this process (temporary database, bots that
// act at once), pages in headless Chromium, and checks a person would make by eye — the
// renderer is WebGL, nothing overlaps, every control is reachable by keyboard.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker, type Room } from '@colyseus/core';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/app';
import { BENCHMARK_GAMES } from '../../shared/bots/benchmark';
import type { ServerSettings } from '../../server/context';
import { freePort } from '../../server/free-port';
import { launch, newPage, type Launched, type Page } from './browser';

/**
 * Screenshots go to a scratch folder on every run, so `npm test` leaves the tree clean;
 * `LEVERAGE_SCREENSHOTS=1 npm test` refreshes the ones README.md shows in assets/screenshots.
 */
export const SCREENSHOTS =
  process.env.LEVERAGE_SCREENSHOTS === '1'
    ? join(process.cwd(), 'assets', 'screenshots')
    : join(tmpdir(), 'leverage-screenshots');

export interface TestServer {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** A game server serving the built client, with a throwaway database. */
export async function startServer(settings: Partial<ServerSettings> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'leverage-e2e-db-'));
  const app = createApp({
    dbPath: join(dir, 'e2e.db'),
    synchronous: 'NORMAL',
    // acceptSeed: every browser test fixes its table's seed (fixSeed) and so plays one known game.
    // Role-percentile benchmarks of 20 bot tables are ready long before a game ends; the README's
    // screenshots show the real size.
    settings: {
      botDelayMs: 0,
      displaySeconds: 1,
      rateBurst: 1000,
      acceptSeed: true,
      benchmarkGames: process.env.LEVERAGE_SCREENSHOTS === '1' ? BENCHMARK_GAMES : 20,
      ...settings,
    },
    clientDir: inject('clientDir'),
    log: () => undefined,
  });
  const port = await freePort();
  await app.server.listen(port);
  return {
    app,
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      await app.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every table this page creates plays `seed`: the test adds it to the page's create request (the
 * client never sends one; the test server accepts it), so each run plays the same game.
 */
export async function fixSeed(page: Page, seed: number): Promise<void> {
  await page.route('**/matchmake/create/table', async (route) => {
    const options = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...options, seed }) });
  });
}

/** The server's record of a table: seats with their bots, seed, status (what only the server knows). */
export function tableRecord(server: TestServer, code: string) {
  const record = server.app.ctx.local.getTable(code);
  if (!record) throw new Error(`the server has no table ${code}`);
  return record;
}

/** Cuts a client's socket on the server side, as a dropped network would (the page sees 1006). */
export function cutConnection(code: string, sessionId: string): void {
  const room = matchMaker.getLocalRoomById(code) as Room | undefined;
  const client = room?.clients.find((c) => c.sessionId === sessionId);
  if (!client) throw new Error(`no connection ${sessionId} at table ${code}`);
  (client.ref as unknown as { terminate(): void }).terminate();
}

/** The table code the page sits at. */
export function tableCode(page: Page): Promise<string> {
  return page.evaluate(() => (window.__leverage!.store as { state: { welcome: { code: string } } }).state.welcome.code);
}

export interface Browser {
  launched: Launched;
  page: Page;
  errors: string[];
}

export async function openBrowser(viewport = { width: 1280, height: 720 }, mobile = false): Promise<Browser> {
  const launched = await launch(viewport, mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {});
  const page = await newPage(launched);
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { launched, page, errors };
}

export async function gotoReady(page: Page, url: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 20_000 });
  return Date.now() - t0;
}

export function renderer(page: Page): Promise<string> {
  return page.evaluate(() => (window.__leverage!.renderer as () => string)());
}

export interface ViewFacts {
  phase: string;
  round: number;
  seat: number | null;
  ready: boolean;
  points: number | null;
  walkAway: number | null;
  openTrust: number[];
  screen: string;
}

/** What the page's store holds now (the server's view for this seat). */
export function facts(page: Page): Promise<ViewFacts | null> {
  return page.evaluate(() => {
    const s = (window.__leverage!.store as { state: { view: any; screen: string } }).state;
    const v = s.view;
    if (!v) return null;
    return {
      phase: v.phase,
      round: v.round,
      seat: v.me ? v.me.seat : null,
      ready: v.me ? v.seats[v.me.seat].ready : true,
      points: v.me ? v.me.points : null,
      walkAway: v.me ? v.me.walkAway : null,
      openTrust: v.phase === 'trust' ? v.trust.filter((t: any) => t.move === null).map((t: any) => t.partner) : [],
      screen: s.screen,
    };
  });
}

export async function waitFacts(
  page: Page,
  predicate: (f: ViewFacts) => boolean,
  timeout = 20_000,
  what = 'a state',
): Promise<ViewFacts> {
  const start = Date.now();
  for (;;) {
    const f = await facts(page);
    if (f && predicate(f)) return f;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(f)}`);
    await page.waitForTimeout(50);
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Clicks a control only if the page still shows the round and phase `at` (checked and clicked in
 * one step inside the page): a click decided on an earlier look must not land in the next phase,
 * as a person who reads the button would not let it. Returns whether it clicked.
 */
export function clickNow(page: Page, selector: string, at: { round: number; phase: string }): Promise<boolean> {
  return page.evaluate(
    ({ selector, at }) => {
      const v = (window.__leverage!.store as { state: { view: { round: number; phase: string } | null } }).state.view;
      const el = document.querySelector<HTMLButtonElement>(selector);
      if (!v || v.round !== at.round || v.phase !== at.phase || !el || el.disabled) return false;
      el.click();
      return true;
    },
    { selector, at },
  );
}

/**
 * Plays the rest of the current round the simplest way a person could: accepts a proposal that
 * includes it if there is one, honours every partner, says Ready. Returns when `until` holds.
 */
export async function playSimply(page: Page, until: (f: ViewFacts) => boolean, timeout = 60_000): Promise<ViewFacts> {
  const start = Date.now();
  let acceptedIn = '';
  for (;;) {
    const f = await facts(page);
    if (f && until(f)) return f;
    if (Date.now() - start > timeout) throw new Error(`timed out playing; last: ${JSON.stringify(f)}`);
    if (f && f.phase !== 'end' && f.phase !== 'prepare') {
      const key = `${f.round}`;
      if (f.phase === 'trust' && f.openTrust.length) {
        await clickNow(page, `#honour-${f.openTrust[0]}`, f);
      } else if (f.phase === 'negotiate' && acceptedIn !== key) {
        acceptedIn = key;
        await page.click('#tab-deals').catch(() => undefined);
        // The proposal most likely to win: it reaches the quota with every veto, best backed.
        const id = await page.evaluate(() => {
          const v = (window.__leverage!.store as { state: { view: any } }).state.view;
          const me = v.me.seat;
          const power = (seats: number[]) => seats.reduce((a: number, s: number) => a + v.seats[s].power, 0);
          const vetoOk = (m: number[]) => v.seats.every((s: any) => !s.veto || m.includes(s.seat));
          const options = v.proposals.filter(
            (p: any) =>
              p.members.includes(me) &&
              !p.acceptedBy.includes(me) &&
              power(p.members) >= v.scenario.quota &&
              vetoOk(p.members),
          );
          options.sort((a: any, b: any) => power(b.acceptedBy) - power(a.acceptedBy));
          return options[0]?.id ?? null;
        });
        if (id !== null) await clickNow(page, `#accept-${id}`, f);
      } else if (!f.ready) {
        await clickNow(page, '#ready', f);
      }
    }
    await page.waitForTimeout(60);
  }
}

export interface Box {
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Every piece of text and every control on screen, as boxes: DOM line boxes of elements that
 * hold text directly, form controls, and the canvas's Phaser texts. Clipped by scroll containers
 * (what is scrolled away is not on screen) and by the viewport.
 */
export async function screenBoxes(page: Page): Promise<{ dom: Box[]; canvas: Box[] }> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const dom: { what: string; x: number; y: number; w: number; h: number; el: Element }[] = [];
    const visibleRect = (el: Element, r: DOMRect) => {
      let x1 = Math.max(0, r.left),
        y1 = Math.max(0, r.top),
        x2 = Math.min(vw, r.right),
        y2 = Math.min(vh, r.bottom);
      for (let p = el.parentElement; p; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
          const pr = p.getBoundingClientRect();
          x1 = Math.max(x1, pr.left);
          y1 = Math.max(y1, pr.top);
          x2 = Math.min(x2, pr.right);
          y2 = Math.min(y2, pr.bottom);
        }
      }
      return x2 - x1 > 1 && y2 - y1 > 1 ? { x: x1, y: y1, w: x2 - x1, h: y2 - y1 } : null;
    };
    const ui = document.getElementById('ui')!;
    const all = ui.querySelectorAll('*');
    for (const el of Array.from(all)) {
      if (el.closest('.sr-only, option, title, [hidden], details:not([open]) > :not(summary)')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
      const control =
        /^(BUTTON|INPUT|SELECT|TEXTAREA|IMG)$/.test(el.tagName) ||
        (el.tagName.toLowerCase() === 'svg' && el.classList.contains('seatmark'));
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
      if (!control && !hasText) continue;
      if (el.closest('button, select') && el.tagName !== 'BUTTON' && el.tagName !== 'SELECT') continue;
      let rects: DOMRect[];
      if (control) rects = [el.getBoundingClientRect()];
      else {
        // Line boxes of the element's own text nodes only.
        rects = [];
        for (const n of Array.from(el.childNodes)) {
          if (n.nodeType !== 3 || n.textContent!.trim() === '') continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          rects.push(...Array.from(range.getClientRects()));
        }
      }
      for (const r of rects) {
        if (r.width < 1 || r.height < 1) continue;
        const v = visibleRect(el, r);
        if (v)
          dom.push({
            what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 40)}"`,
            ...v,
            el,
          });
      }
    }
    const texts = (
      window.__leverage!.textBounds as () => { text: string; x: number; y: number; w: number; h: number }[]
    )();
    const stage = document.getElementById('stage')!.getBoundingClientRect();
    const canvas = texts
      .map((t) => {
        const x1 = Math.max(t.x, stage.left, 0),
          y1 = Math.max(t.y, stage.top, 0),
          x2 = Math.min(t.x + t.w, stage.right, vw),
          y2 = Math.min(t.y + t.h, stage.bottom, vh);
        return x2 - x1 > 1 && y2 - y1 > 1
          ? { what: `canvas "${t.text.slice(0, 40)}"`, x: x1, y: y1, w: x2 - x1, h: y2 - y1 }
          : null;
      })
      .filter((b): b is { what: string; x: number; y: number; w: number; h: number } => b !== null);
    // Drop DOM boxes whose element contains another's (a label around its input, a button's icon).
    return { dom: dom.map(({ el: _el, ...b }) => b), canvas };
  });
}

/** Pairs of boxes that overlap by more than `slack` pixels each way. */
export function overlaps(boxes: Box[], slack = 1.5): [Box, Box][] {
  const out: [Box, Box][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > slack && oy > slack) out.push([a, b]);
    }
  return out;
}

/** Every overlap of text or controls on screen now, in words (empty when the screen is clean). */
export async function findOverlaps(page: Page): Promise<string[]> {
  // A table's canvas loads on demand (client/stage.ts): check it once it is drawn.
  await page.waitForFunction(() => (window.__leverage!.canvasReady as () => boolean)(), null, { timeout: 20_000 });
  const { dom, canvas } = await screenBoxes(page);
  return overlaps([...dom, ...canvas]).map(([a, b]) => `${a.what} [${fmt(a)}] overlaps ${b.what} [${fmt(b)}]`);
}

function fmt(b: Box): string {
  return `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}×${Math.round(b.h)}`;
}

/** Tabs of the side panel that are not wholly on screen inside their strip (a tab scrolled out of sight). */
export async function hiddenTabs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const strip = document.querySelector('.tabs');
    if (!strip) return [];
    const box = strip.getBoundingClientRect();
    return [...strip.querySelectorAll('button')]
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > window.innerWidth + 0.5 || r.width < 1;
      })
      .map((b) => b.textContent ?? '');
  });
}

/**
 * Plays on until a trust reveal is on the table with every icon grown, and returns the icons
 * that cover a text of the table (a seat's name, details or reputation); null if the game ended
 * before any reveal with moves.
 */
export async function revealOverlaps(page: Page): Promise<string[] | null> {
  for (let round = 0; round < 12; round++) {
    const f = await playSimply(page, (x) => x.phase === 'score' || x.phase === 'end', 90_000);
    if (f.phase === 'end') return null;
    const start = Date.now();
    while (Date.now() - start < 4000) {
      const icons = await page.evaluate(() =>
        (window.__leverage!.revealIcons as () => { x: number; y: number; w: number; h: number; grown: boolean }[])(),
      );
      if (icons.length > 0 && icons.every((i) => i.grown)) {
        const texts = await page.evaluate(() =>
          (
            window.__leverage!.textBounds as () => {
              text: string;
              x: number;
              y: number;
              w: number;
              h: number;
              scene: string;
            }[]
          )().filter((t) => t.scene === 'Table'),
        );
        const boxes = [
          ...icons.map((i, k) => ({ what: `trust icon ${k}`, x: i.x, y: i.y, w: i.w, h: i.h })),
          ...texts.map((t) => ({ what: `canvas "${t.text.slice(0, 30)}"`, x: t.x, y: t.y, w: t.w, h: t.h })),
        ];
        return overlaps(boxes)
          .filter(([a, b]) => a.what.startsWith('trust icon') !== b.what.startsWith('trust icon'))
          .map(([a, b]) => `${a.what} [${fmt(a)}] overlaps ${b.what} [${fmt(b)}]`);
      }
      await page.waitForTimeout(40);
    }
    await playSimply(page, (x) => x.phase !== 'score', 30_000);
  }
  return null;
}

/** Presses Tab until the focused element matches `selector` (proof it is reachable by keyboard). */
export async function tabTo(page: Page, selector: string, max = 120, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  const at = await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`);
  throw new Error(`${selector} was not reached by ${max} presses of ${key} (focus is on ${at})`);
}

export async function closeAll(...things: ({ launched: Launched } | TestServer | null | undefined)[]): Promise<void> {
  for (const t of things) {
    if (!t) continue;
    if ('launched' in t) await t.launched.close();
    else await t.stop();
  }
}

/** Picks the short game (3–4 rounds) in the Play solo options, so a whole game fits the suite. */
export async function chooseShort(page: Page): Promise<void> {
  if (!(await page.isVisible('#solo-length'))) await page.click('#solo-options summary');
  await page.selectOption('#solo-length', 'short');
}
