// Host rights come from creating a table (issue 11, item 1): a stranger who watches the lobby and
// joins a new table before its creator's socket arrives must not become its host.
import { afterEach, describe, expect, it } from 'vitest';
import { bootServer, joinTable, Player, waitFor, type Booted } from './helpers';

let b: Booted | null = null;
afterEach(async () => {
  await b?.stop();
  b = null;
});

const TABLE = { scenario: 'harbour-development', name: 'Teacher', durations: { negotiate: 600, trust: 600 } };

describe('host rights', () => {
  it('go to the creator even when a stranger connects to the new table first', async () => {
    b = await bootServer();
    // The creator's matchmaking request reserves its seat; its socket has not arrived yet.
    const reservation = (await b.colyseus.sdk.http.post('/matchmake/create/table', { body: TABLE })).data as {
      roomId: string;
    };
    const code = reservation.roomId;

    // A stranger who saw the table listed gets there first, as a spectator and as a player.
    const watcher = await joinTable(b, code, { spectate: true });
    const player = await joinTable(b, code, { name: 'Stranger' });
    for (const stranger of [watcher, player]) {
      expect(stranger.welcome!.host).toBe(false);
      expect(stranger.welcome!.hostToken).toBe(null);
      expect((await stranger.expectError('start', {})).code).toBe('not-host');
    }

    const creator = new Player(await b.colyseus.sdk.consumeSeatReservation<unknown>(reservation as never));
    await waitFor(() => creator.welcome !== null, 5000, 'the creator’s welcome');
    expect(creator.welcome!.host).toBe(true);
    expect(creator.welcome!.hostToken).toMatch(/^[\w-]{20,}$/);
    creator.send('start', {});
    await player.waitView((v) => v.phase === 'negotiate', 3000, 'the creator to start the table');

    // The host token works from a new connection; a creator key sent by a client is dropped.
    const again = await joinTable(b, code, { spectate: true, hostToken: creator.welcome!.hostToken! });
    expect(again.welcome!.host).toBe(true);
    const forger = await joinTable(b, code, { spectate: true, creatorKey: creator.welcome!.hostToken! });
    expect(forger.welcome!.host).toBe(false);
  });
});
