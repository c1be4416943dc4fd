// The operator's metrics are for the server's own machine: behind a trusted proxy on that machine
// the socket is loopback for everyone, so the forwarded address decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type Booted } from './helpers';

describe('GET /api/metrics behind a trusted proxy', () => {
  let b: Booted;
  beforeAll(async () => {
    b = await bootServer({ trustProxy: true });
  });
  afterAll(async () => {
    await b.stop();
  });

  it('answers the server machine itself', async () => {
    const res = await fetch(`${b.url}/api/metrics`);
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object).length).toBeGreaterThan(0);
  });

  it('is not found for a client the proxy forwards', async () => {
    const res = await fetch(`${b.url}/api/metrics`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(res.status).toBe(404);
  });

  it('is not found for a client that forges a loopback first hop', async () => {
    const res = await fetch(`${b.url}/api/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.5' } });
    expect(res.status).toBe(404);
  });
});
