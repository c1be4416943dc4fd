// Every /api answer is JSON with a sentence, never Express's HTML error page with a stack (review defect 9).
import { afterEach, describe, expect, it } from 'vitest';
import { bootServer, type Booted } from './helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

async function post(path: string, body: string, type = 'application/json') {
  const res = await fetch(`${b!.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('errors under /api', () => {
  it('malformed, oversized and deeply nested JSON get a JSON refusal without a stack', async () => {
    b = await bootServer();
    const deep = '{"scenario":{"roles":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}}';
    const cases = [
      { body: '{"scenario":', status: 400, error: 'bad-json' },
      { body: JSON.stringify({ scenario: 'x'.repeat(600_000) }), status: 413, error: 'too-large' },
      { body: deep, status: 400, error: 'bad-scenario' },
    ];
    for (const c of cases) {
      const r = await post('/api/class', c.body);
      expect(r.status).toBe(c.status);
      expect(r.type).toMatch(/^application\/json/);
      const body = JSON.parse(r.text) as { error: string; message: string };
      expect(body.error).toBe(c.error);
      expect(body.message.length).toBeGreaterThan(10);
      expect(r.text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|SyntaxError/);
    }
  });

  it('the studio’s and the class’s routes both answer broken JSON with JSON', async () => {
    b = await bootServer();
    for (const path of ['/api/class', '/api/studio/scenarios', '/api/class/ABCDE/act']) {
      const r = await post(path, '{"author":');
      expect([path, r.status, r.type]).toEqual([path, 400, expect.stringMatching(/^application\/json/)]);
      expect(r.text).not.toMatch(/\bat [\w.<>]+ \(|node_modules/);
    }
  });
});
