// DESIGN 1 "Who sees what", checked on what each client actually received and decoded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameEvent, Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import type { EventsMessage, ViewMessage } from '../../shared/protocol';
import { scenarioById } from '../../shared/scenarios/index';
import { autoPlay, bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';

let b: Booted;
beforeAll(async () => {
  b = await bootServer();
});
afterAll(async () => {
  await b.stop();
});

const scenario = scenarioById('harbour-development')!;
const TERMS = Object.fromEntries(scenario.issues.map((i) => [i.id, i.options[1].id]));

/** Every object key path in a value, e.g. "view.me.role.walkAway". */
function keyPaths(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keyPaths(v, `${path}[]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      out.push(`${path}.${k}`);
      keyPaths(v, `${path}.${k}`, out);
    }
  return out;
}

/** Checks everything one client received before the game ended against its seat's rights. */
function checkReceived(p: Player, seat: Seat | null, secrets: string[]): void {
  const before: [string, unknown][] = [];
  for (const [type, payload] of p.received) {
    if (type === 'events' && (payload as EventsMessage).events.some((e) => e.type === 'ended')) break;
    if (type === 'view' && (payload as ViewMessage).view.phase === 'end') break;
    before.push([type, payload]);
  }
  expect(before.length).toBeGreaterThan(10);
  const text = JSON.stringify(before);
  for (const s of secrets) expect(text.includes(s), `seat ${seat} received "${s}"`).toBe(false);
  for (const [i, role] of scenario.roles.entries()) {
    if (i !== seat)
      expect(text.includes(role.briefing.slice(0, 60)), `seat ${seat} received ${role.id}'s briefing`).toBe(false);
  }
  for (const [type, payload] of before) {
    const paths = keyPaths(payload);
    for (const key of ['walkAway', 'values', 'briefing']) {
      for (const path of paths.filter((x) => x.endsWith(`.${key}`)))
        expect(
          path.startsWith('.view.me.') || path.startsWith('.view.history[].myIncome.'),
          `${type} carries ${path}`,
        ).toBe(true);
    }
    expect(paths.some((x) => x.endsWith('.rng'))).toBe(false);
    expect(paths.some((x) => x.endsWith('.reason') && !x.includes('rejections') && !x.startsWith('.events[]'))).toBe(
      false,
    );
    if (type === 'view') {
      const v = (payload as ViewMessage).view;
      checkView(v, seat);
    }
    if (type === 'events') for (const e of (payload as EventsMessage).events) checkEvent(e, seat);
  }
}

function checkView(v: TableView, seat: Seat | null): void {
  expect(v.viewer).toBe(seat);
  expect(v.totalRounds).toBe(null);
  expect(v.debrief).toBe(null);
  if (seat === null) expect(v.me).toBe(null);
  else expect(v.me!.seat).toBe(seat);
  for (const p of v.proposals)
    expect(p.visibility === 'public' || (seat !== null && p.members.includes(seat))).toBe(true);
  for (const m of v.chat) expect(m.to === null || m.from === seat || m.to === seat).toBe(true);
  for (const q of v.asks) expect(q.from === seat || q.to === seat).toBe(true);
  for (const c of v.concessions) expect(c.labelled || c.from === seat || c.to === seat).toBe(true);
  if (seat === null || v.phase !== 'trust') expect(v.trust).toEqual([]);
  for (const h of v.history) if (seat === null) expect(h.myPoints).toBe(null);
}

function checkEvent(e: GameEvent, seat: Seat | null): void {
  expect(e.to === 'all' || (seat !== null && e.to.includes(seat))).toBe(true);
  if (e.type === 'points') expect(e.seat).toBe(seat);
  if (e.type === 'trust-chosen') expect(e.seat).toBe(seat);
}

let probes = 0;

/**
 * Waits until a client has received everything the server sent it so far: the answer to a probe
 * comes after any message the server sent before it read the probe.
 */
async function barrier(p: Player): Promise<void> {
  const type = `probe-${probes++}`;
  const before = p.errors.length;
  p.send(type, {});
  await waitFor(() => p.errors.slice(before).some((e) => e.type === type), 3000, `the answer to ${type}`);
}

describe('private information', () => {
  it('reaches only the seats DESIGN 1 allows, in views and in events', async () => {
    const bots = [
      { kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' } },
      { kind: 'bot', bot: { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' } },
    ] as const;
    const ana = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }, ...bots],
      durations: { negotiate: 600, trust: 600 },
      rounds: 2,
      seed: 7,
      name: 'Ana',
    });
    const code = ana.welcome!.code;
    const ben = await joinTable(b, code, { name: 'Ben' });
    const cy = await joinTable(b, code, { name: 'Cy' });
    const spy = await joinTable(b, code, { spectate: true });
    ana.send('start', {});
    await ana.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');

    // Ana and Ben deal in private; Ana asks a bot what matters to it.
    ana.send('propose', {
      members: [0, 1],
      split: [55, 45],
      terms: TERMS,
      visibility: 'members',
      rationale: 'just us two, codeword Quokka',
    });
    ana.send('chat', { to: 1, text: 'secret plan Wombat' });
    ana.send('ask', { target: 3 });
    const proposal = (
      await ben.waitView((v) => v.proposals.some((p) => p.proposer === 0), 3000, 'the private proposal')
    ).proposals.find((p) => p.proposer === 0)!;
    ben.send('accept', { proposal: proposal.id });
    ben.send('chat', { to: 0, text: 'agreed, Platypus' });
    await ana.waitView((v) => v.asks.some((q) => q.status !== 'open'), 3000, 'the bot to answer');
    await ana.waitView((v) => v.chat.some((m) => m.text.includes('Platypus')), 3000, 'the reply');
    for (const p of [ana, ben, cy]) p.send('ready', {});

    // Trust: Ana defects on Ben; nobody else may see her move before the reveal.
    await ana.waitView((v) => v.phase === 'trust', 3000, 'the trust stage');
    expect(ana.view!.trust).toEqual([{ partner: 1, move: null }]);
    expect(cy.view!.trust).toEqual([]);
    ana.send('trust', { partner: 1, move: 'defect' });
    await ana.waitView((v) => v.trust[0].move === 'defect', 3000, 'Ana’s own move');
    for (const p of [ben, cy, spy]) await barrier(p);
    expect(ben.view!.trust).toEqual([{ partner: 0, move: null }]);
    const duringTrust = JSON.stringify([ben.received, cy.received, spy.received]);
    expect(duringTrust.includes('"defect"')).toBe(false);

    // Then everyone plays on to the end; the reveal is public.
    const stops = [ana, ben, cy].map((p) => autoPlay(p));
    await spy.waitView((v) => v.phase === 'end', 10_000, 'the end');
    stops.forEach((s) => s());
    const revealed = spy.events.find((e) => e.type === 'trust-revealed');
    expect(revealed && revealed.type === 'trust-revealed' && revealed.pairs[0]).toMatchObject({
      a: 0,
      b: 1,
      moveA: 'defect',
      moveB: 'honour',
    });

    checkReceived(ana, 0, []);
    checkReceived(ben, 1, []);
    checkReceived(cy, 2, ['Quokka', 'Wombat', 'Platypus']);
    checkReceived(spy, null, ['Quokka', 'Wombat', 'Platypus']);
    // What Ana and Ben shared did reach them, and the bot's answer reached Ana only.
    expect(JSON.stringify(ben.received)).toContain('Wombat');
    expect(ana.view!.asks.find((q) => q.to === 3)?.status).toBe('answered');
    expect(cy.events.some((e) => e.type === 'answered')).toBe(false);
    // At the end the debrief opens every seat's numbers to everyone.
    expect(spy.view!.debrief!.roles.map((r) => r.walkAway)).toEqual(scenario.roles.map((r) => r.walkAway));
    for (const p of [ana, ben, cy, spy]) await p.room.leave();
  });

  it('never puts private facts in the shared schema state', async () => {
    const host = await createTable(b, { scenario: 'harbour-development', solo: true, name: 'Solo' });
    await waitFor(() => host.room.state.seats.length === 5, 2000);
    const state = JSON.stringify(host.room.state.toJSON());
    for (const role of scenario.roles) expect(state.includes(role.briefing.slice(0, 60))).toBe(false);
    expect(state).not.toContain('walkAway');
    // Bots' personas are part of the game until the debrief.
    expect(host.room.state.seats.map((s: { bot: string }) => s.bot)).toEqual(['', '', '', '', '']);
    await host.room.leave();
  });

  // Issue 11, item 8: a private move sent every client a fresh view with a higher number (and the
  // shared state a new log count), so others learned when private chats and proposals happened.
  it('reaches nobody else even as a moment: private moves send others no message at all', async () => {
    const ana = await createTable(b, {
      scenario: 'harbour-development',
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
      durations: { negotiate: 600, trust: 600 },
      name: 'Ana',
    });
    const code = ana.welcome!.code;
    const ben = await joinTable(b, code, { name: 'Ben' });
    const cy = await joinTable(b, code, { name: 'Cy' });
    const others = [cy, await joinTable(b, code, { spectate: true })];
    ana.send('start', {});
    // Stand-in bots take the two empty seats and act at the start; wait until the table is quiet.
    await ana.waitView((v) => v.phase === 'negotiate', 3000, 'negotiate');
    for (const p of [ana, ben, ...others]) await barrier(p);
    const room = b.colyseus.getRoomById(code) as unknown as { state: { toJSON(): unknown } };
    const stateBefore = JSON.stringify(room.state.toJSON());
    const marks = others.map((p) => p.received.length);

    ana.send('chat', { to: 1, text: 'between us, Numbat' });
    ana.send('propose', { members: [0, 1], split: [50, 50], terms: TERMS, visibility: 'members' });
    ben.send('chat', { to: 0, text: 'deal, Bilby' });
    await ben.waitView(
      (v) => v.chat.some((m) => m.text.includes('Bilby')) && v.proposals.some((p) => p.proposer === 0),
      3000,
      'the private moves',
    );
    await ana.waitView((v) => v.chat.some((m) => m.text.includes('Bilby')), 3000, 'Ben’s reply');
    for (const p of others) await barrier(p);

    for (const [i, p] of others.entries()) {
      const since = p.received
        .slice(marks[i])
        .map(([type, payload]) => (type === 'error' ? `error:${(payload as { type: string }).type}` : type));
      expect(
        since.every((t) => t.startsWith('error:probe-')),
        `${p.seat ?? 'spectator'} received ${since.join(', ')}`,
      ).toBe(true);
    }
    expect(JSON.stringify(room.state.toJSON())).toBe(stateBefore);

    // A public move still reaches everyone.
    ana.send('chat', { to: null, text: 'hello all' });
    for (const p of others)
      await p.waitView((v) => v.chat.some((m) => m.text === 'hello all'), 3000, 'the public chat');
    for (const p of [ana, ben, ...others]) await p.room.leave();
  });
});
