// A copy of a shipped scenario from the studio (review defect 4): whole only for the server's own
// machine (loopback, as addresses.ts pins the client's address: behind a trusted proxy, the
// forwarded one) or when the operator says so; anyone else gets its structure and public facts
// with the private numbers and briefings blank, so a student mid-class cannot read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/engine/types';
import { builtInScenarios, scenarioById } from '../../shared/scenarios/index';
import { bootServer, type Booted } from './helpers';
import { forbiddenFor, leaks } from './secrets';

const river = scenarioById('river-dam')!;

async function shipped(b: Booted, from?: string): Promise<{ status: number; copy: string | null; body: string }> {
  const res = await fetch(
    `${b.url}/api/studio/shipped/river-dam`,
    from ? { headers: { 'x-forwarded-for': from } } : {},
  );
  return { status: res.status, copy: res.headers.get('x-studio-copy'), body: await res.text() };
}

describe('a shipped scenario for the studio, behind a trusted proxy', () => {
  let b: Booted;
  beforeAll(async () => {
    b = await bootServer({ trustProxy: true });
  });
  afterAll(async () => {
    await b.stop();
  });

  it('gives a student (any other address) the structure and public facts, with walk-aways, values, briefings and the debrief blank', async () => {
    const { status, copy, body } = await shipped(b, '203.0.113.7');
    expect(status).toBe(200);
    expect(copy).toBe('blanked');
    const s = JSON.parse(body) as Record<string, unknown> & { roles: Record<string, unknown>[] };
    for (const role of river.roles) {
      expect(body).not.toContain(role.briefing.slice(0, 40));
    }
    expect(body).not.toContain(river.debrief.slice(0, 40));
    expect(s.debrief).toBe('');
    expect(s.roles.map((r) => [r.id, r.name, r.power, r.veto])).toEqual(
      river.roles.map((r) => [r.id, r.name, r.power, r.veto]),
    );
    for (const role of s.roles) {
      expect(role.walkAway).toBe('');
      expect(role.briefing).toBe('');
      const values = role.values as Record<string, Record<string, unknown>>;
      // Every cell of the matrix is still there (the forms show it), each one blank.
      expect(Object.keys(values)).toEqual(river.issues.map((i) => i.id));
      for (const issue of river.issues) {
        expect(Object.keys(values[issue.id])).toEqual(issue.options.map((o) => o.id));
        expect(Object.values(values[issue.id]).every((v) => v === '')).toBe(true);
      }
    }
    const { roles: _r, debrief: _d, ...rest } = s;
    const { roles: _rr, debrief: _dd, ...publicFacts } = river;
    expect(rest).toEqual(publicFacts);
  });

  it('gives away no secret of any shipped scenario (briefings, values, walk-aways, the debrief)', async () => {
    for (const scenario of builtInScenarios) {
      const res = await fetch(`${b.url}/api/studio/shipped/${scenario.id}`, {
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      expect(res.status).toBe(200);
      expect(leaks(await res.text(), forbiddenFor(scenario, null))).toEqual([]);
    }
  });

  it('is not fooled by a client that puts loopback first in a header its proxy appends to', async () => {
    const { copy, body } = await shipped(b, '127.0.0.1, 203.0.113.7');
    expect(copy).toBe('blanked');
    expect(body).not.toContain(river.roles[0].briefing.slice(0, 40));
    const list = await fetch(`${b.url}/api/studio/scenarios`, {
      headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' },
    });
    expect(list.status).toBe(404);
    const realIp = await fetch(`${b.url}/api/studio/shipped/river-dam`, {
      headers: { 'x-real-ip': '127.0.0.1', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(realIp.headers.get('x-studio-copy')).toBe('blanked');
  });

  it('gives the server’s own machine (the proxy forwards loopback) the whole scenario', async () => {
    const { status, copy, body } = await shipped(b, '127.0.0.1');
    expect(status).toBe(200);
    expect(copy).toBe('whole');
    // Who asks decides what comes back: no shared cache may hand this copy to a student.
    const res = await fetch(`${b.url}/api/studio/shipped/river-dam`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(body) as Scenario).toEqual(river);
  });

  it('keeps the list of every saved scenario from a forwarded address too (the same rule)', async () => {
    const student = await fetch(`${b.url}/api/studio/scenarios`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(student.status).toBe(404);
    const operator = await fetch(`${b.url}/api/studio/scenarios`, { headers: { 'x-forwarded-for': '::1' } });
    expect(operator.status).toBe(200);
  });
});

describe('a shipped scenario for the studio, when the operator hands it out whole', () => {
  it('gives anyone the whole scenario with studioShippedWhole (LEVERAGE_STUDIO_SHIPPED=whole)', async () => {
    const b = await bootServer({ trustProxy: true, studioShippedWhole: true });
    try {
      const { status, copy, body } = await shipped(b, '203.0.113.7');
      expect(status).toBe(200);
      expect(copy).toBe('whole');
      expect(JSON.parse(body) as Scenario).toEqual(river);
    } finally {
      await b.stop();
    }
  });
});
