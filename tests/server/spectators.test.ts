// Spectators never block seats (issue 11, item 2): one client that opens spectator connection
// after spectator connection must find a cap, while a seated player who dropped still gets back in
// with their token and a student can still take a free seat.
import { createServer, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { pinClientAddresses } from '../../server/addresses';
import { bootServer, createTable, freePort, joinTable, waitFor, type Booted, type Player } from './helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const BOTS = [
  { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
  { kind: 'bot', bot: { kind: 'persona', persona: 'opportunist', difficulty: 'normal' } },
] as const;

async function table(): Promise<[Player, Player, string]> {
  const host = await createTable(b!, {
    scenario: 'harbour-development',
    seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }, ...BOTS],
    durations: { negotiate: 600, trust: 600 },
    name: 'Ana',
  });
  const code = host.welcome!.code;
  const guest = await joinTable(b!, code, { name: 'Ben' });
  return [host, guest, code];
}

/** Opens spectator connections until one is refused; returns how many got in and the refusal. */
async function fillWithSpectators(code: string, limit: number): Promise<{ joined: Player[]; refusal: string }> {
  const joined: Player[] = [];
  for (let i = 0; i < limit; i++) {
    try {
      joined.push(await joinTable(b!, code, { spectate: true }));
    } catch (e) {
      return { joined, refusal: (e as Error).message };
    }
  }
  return { joined, refusal: 'none' };
}

describe('spectators', () => {
  it('have places of their own: a spectator flood blocks neither a reconnection nor a free seat', async () => {
    b = await bootServer({ maxSpectators: 20 });
    const [host, guest, code] = await table();
    const token = guest.welcome!.token!;
    await guest.room.leave();
    const flood = await fillWithSpectators(code, 80);

    const back = await joinTable(b, code, { token });
    expect(back.seat).toBe(1);
    const student = await joinTable(b, code, { name: 'Cy' });
    expect(student.seat).toBe(2);
    expect(flood.refusal).toMatch(/^spectators-full:/);
    expect(flood.joined.length).toBe(20);
    await waitFor(() => host.room.state.spectators === 20, 3000, 'the spectator count');
    // A spectator who leaves frees a place.
    await flood.joined[0].room.leave();
    await waitFor(() => host.room.state.spectators === 19, 3000, 'a spectator to leave');
    await joinTable(b, code, { spectate: true });
  });

  it('are capped per client address across tables, but a seat token always gets back in', async () => {
    b = await bootServer({ maxSpectators: 50, maxConnectionsPerAddress: 6 });
    const [, guest, code] = await table();
    const token = guest.welcome!.token!;
    // Two connections so far (Ana, Ben); four more from the same address fit.
    const flood = await fillWithSpectators(code, 20);
    expect(flood.joined.length).toBe(4);
    expect(flood.refusal).toMatch(/^too-many-connections:/);
    await expect(joinTable(b, code, { name: 'Cy' })).rejects.toThrow(/^too-many-connections:/);
    const back = await joinTable(b, code, { token });
    expect(back.seat).toBe(1);
    // Each closed connection gives its place back.
    await flood.joined[0].room.leave();
    await waitFor(
      () => b!.app.ctx.addresses.count('127.0.0.1') + b!.app.ctx.addresses.count('::ffff:127.0.0.1') === 5,
      3000,
      'the count to drop',
    );
    await joinTable(b, code, { spectate: true });
  });

  it('cannot borrow another address with a forwarding header', async () => {
    const server = createServer((req, res) => res.end(String(req.headers['x-real-ip'])));
    pinClientAddresses(server, false);
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    const seen = await new Promise<string>((resolve, reject) => {
      const req = request(
        { port, host: '127.0.0.1', headers: { 'x-forwarded-for': '10.1.2.3', 'x-real-ip': '10.1.2.3' } },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
      req.end();
    });
    server.close();
    expect(seen).toBe('127.0.0.1');
  });
});
