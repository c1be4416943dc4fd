// The studio's save route against what is not a plain save (review defects 9, 15): whatever goes
// wrong is answered in JSON with a sentence, never Express's HTML page or a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/engine/types';
import { scenarioById } from '../../shared/scenarios/index';
import { MAX_SCENARIO_CHARS, TOO_DEEP } from '../../shared/studio/checks';
import { bootServer, type Booted } from './helpers';

let b: Booted;
beforeAll(async () => {
  b = await bootServer();
});
afterAll(async () => {
  await b.stop();
});

const custom = (name = 'Mine'): Scenario => ({
  ...structuredClone(scenarioById('harbour-development')!),
  id: 'mine',
  name,
});

async function postRaw(body: string, type = 'application/json') {
  const res = await fetch(`${b.url}/api/studio/scenarios`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('a save that fails inside the server', () => {
  it('is answered in JSON with a sentence, never an HTML page with a stack', async () => {
    const store = b.app.ctx.store;
    const saveScenario = store.saveScenario.bind(store);
    store.saveScenario = () => Promise.reject(new Error('disk full at /secret/path/store.ts:12'));
    try {
      const r = await postRaw(JSON.stringify({ author: 'Ana', scenario: custom() }));
      expect(r.status).toBe(500);
      expect(r.type).toMatch(/^application\/json/);
      expect((JSON.parse(r.text) as { message: string }).message).toMatch(/could not be saved/);
      expect(r.text).not.toMatch(/secret|store\.ts|\bat /);
    } finally {
      store.saveScenario = saveScenario;
    }
    expect((await postRaw(JSON.stringify({ author: 'Ana', scenario: custom() }))).status).toBe(201);
  });
});

describe('the size of a save', () => {
  it('is measured on the body as sent: padding past the limit is refused before anything reads the scenario', async () => {
    const text = JSON.stringify({ author: 'Ana', scenario: custom() });
    const padded = text.replace('"scenario":', `"scenario":${' '.repeat(MAX_SCENARIO_CHARS)}`);
    const r = await postRaw(padded);
    expect(r.status).toBe(413);
    expect(r.type).toMatch(/^application\/json/);
    expect((JSON.parse(r.text) as { message: string }).message).toMatch(/too large/);
  });

  it('answers a deeply nested body inside the size limit with a sentence in JSON', async () => {
    const depth = 45_000;
    const r = await postRaw(`{"author":"A","scenario":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/json/);
    const answer = JSON.parse(r.text) as { message: string; problems: unknown[] };
    expect(answer.message).toMatch(/not a scenario/);
    // The studio says the same sentence before it sends anything (review defect 18).
    expect(answer.problems).toEqual([TOO_DEEP]);
  });
});

describe('a body that is not JSON', () => {
  it('sent as text/plain is answered 415 "send JSON", not "author must not be empty"', async () => {
    const r = await postRaw(JSON.stringify({ author: 'Ana', scenario: custom() }), 'text/plain');
    expect(r.status).toBe(415);
    expect(r.type).toMatch(/^application\/json/);
    expect((JSON.parse(r.text) as { message: string }).message).toMatch(/send it as JSON/);
  });

  it('in a charset body-parser cannot read is answered 415 in JSON', async () => {
    const r = await postRaw('{"author":"Ana"}', 'application/json; charset=ebcdic');
    expect(r.status).toBe(415);
    expect(r.type).toMatch(/^application\/json/);
    expect((JSON.parse(r.text) as { message: string }).message).toMatch(/as JSON in UTF-8/);
  });
});

describe('the save limit (review defect 10)', () => {
  const save = (s: Booted, from: string) =>
    fetch(`${s.url}/api/studio/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ author: 'Ana', scenario: custom(`From ${from}`) }),
    });

  it('is a setting, counted per client address as addresses.ts pins it (behind a trusted proxy, the forwarded one)', async () => {
    const s = await bootServer({ trustProxy: true, studioSavesPerAddress: 3 });
    try {
      const first: number[] = [];
      for (let i = 0; i < 4; i++) first.push((await save(s, '203.0.113.1')).status);
      expect(first).toEqual([201, 201, 201, 429]);
      const refused = (await (await save(s, '203.0.113.1')).json()) as { message: string };
      expect(refused.message).toMatch(/At most 3 saves in ten minutes/);
      // Another client behind the same proxy has a budget of its own.
      expect((await save(s, '203.0.113.2')).status).toBe(201);
    } finally {
      await s.stop();
    }
  });

  it('is off at 0 (a workshop behind one address)', async () => {
    const s = await bootServer({ studioSavesPerAddress: 0 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await save(s, '203.0.113.1')).status);
      expect(statuses.every((x) => x === 201)).toBe(true);
    } finally {
      await s.stop();
    }
  });
});

describe('the caps on what is saved (review defect 17)', () => {
  it('refuses a version past the cap of its id, and any save once the server holds its most, with a sentence', async () => {
    const s = await bootServer({ studioVersionsPerScenario: 2, studioMaxSavedVersions: 3 });
    try {
      const post = async (body: unknown) => {
        const res = await fetch(`${s.url}/api/studio/scenarios`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      };
      const first = await post({ author: 'Ana', scenario: custom('v1') });
      const again = { author: 'Ana', id: first.json.id, key: first.json.key };
      expect((await post({ ...again, scenario: custom('v2') })).status).toBe(201);
      const third = await post({ ...again, scenario: custom('v3') });
      expect(third.status).toBe(409);
      expect(String(third.json.message)).toMatch(/at most 2 versions.*save it as a new scenario/);
      expect((await post({ author: 'Ben', scenario: custom('other') })).status).toBe(201);
      const full = await post({ author: 'Cy', scenario: custom('one too many') });
      expect(full.status).toBe(507);
      expect(String(full.json.message)).toMatch(/holds as many saved scenarios as its operator allows/);
      expect((await s.app.ctx.store.savedScenarios()).map((m) => m.name).sort()).toEqual(['other', 'v2']);
    } finally {
      await s.stop();
    }
  });
});

describe('the save limit before the body is read', () => {
  it('refuses a save past the limit before reading its body, malformed or huge', async () => {
    const s = await bootServer({ studioSavesPerAddress: 1 });
    try {
      const send = (body: string) =>
        fetch(`${s.url}/api/studio/scenarios`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      expect((await send('{"author": ')).status).toBe(400);
      // The budget is spent: neither a broken body nor one past the size limit is parsed any more.
      expect((await send('{"author": ')).status).toBe(429);
      expect((await send(`{"author":"A","scenario":"${'x'.repeat(500_000)}"}`)).status).toBe(429);
    } finally {
      await s.stop();
    }
  });
});
