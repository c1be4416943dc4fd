import { build } from 'vite';
import { createApp } from '../server/app';
import { freePort } from '../server/free-port';
import { launch, newPage } from '../tests/e2e/browser';
const dir = '/tmp/s12-client';
if (!process.env.NOBUILD) await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
const app = createApp({ dbPath: '/tmp/s12-shot.db', synchronous: 'NORMAL', settings: { botDelayMs: 0, benchmarkGames: 0 }, clientDir: dir, log: () => undefined });
const port = await freePort();
await app.server.listen(port);
const url = `http://127.0.0.1:${port}/`;
const steps = (process.env.STEPS ?? '').split(',');
for (const [w, hgt, name] of [[1280, 900, 'wide'], [820, 1180, 'tablet']] as const) {
  const l = await launch({ width: w, height: hgt });
  const page = await newPage(l);
  page.on('console', (m) => { if (m.type() === 'error') console.log('[console]', m.text()); });
  await page.goto(url + '#studio');
  await page.waitForSelector('#studio h1');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/s12-${name}-1.png` });
  if (steps.includes('harbour')) {
    await page.selectOption('#studio-start', 'harbour-development');
    await page.click('#studio-start-button');
    await page.waitForTimeout(500);
    if (name === 'tablet') await page.click('.tab-checks');
    await page.screenshot({ path: `/tmp/s12-${name}-2.png`, fullPage: false });
  }
  await l.close();
}
await app.close();
process.exit(0);
