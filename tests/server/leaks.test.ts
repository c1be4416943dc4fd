// DESIGN 1 "Who sees what", searched on everything a client receives before the game ends: every
// message, every decoded patch of the shared state, and every HTTP answer it can fetch, for every
// private sentence and number of every seat (and the debrief's text) in every shipped scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import type { EventsMessage, ViewMessage } from '../../shared/protocol';
import { builtInScenarios } from '../../shared/scenarios/index';
import { trustGameScenario } from '../../shared/trust-game/scenario';
import { autoPlay, bootServer, createTable, joinTable, waitFor, type Booted, type Player } from './helpers';
import { forbiddenFor, leaks, scenarioSecrets, walkAwayMentions } from './secrets';

let b: Booted;
beforeAll(async () => {
  b = await bootServer();
});
afterAll(async () => {
  await b.stop();
});

/** What one client received, in order, up to the end of the game. */
interface Capture {
  player: Player;
  states: unknown[];
  http: string[];
}

function capture(player: Player): Capture {
  const c: Capture = { player, states: [], http: [] };
  const keep = (state: { toJSON(): unknown }) => {
    const json = state.toJSON() as { status?: string };
    if (json.status !== 'ended') c.states.push(json);
  };
  // The state decoded while joining arrived before this listener: it counts too (a latecomer may
  // see no further patch before the end on a busy machine).
  const held = player.room.state as { toJSON?(): unknown } | undefined;
  if (held?.toJSON) keep(held as { toJSON(): unknown });
  player.room.onStateChange(keep);
  return c;
}

/** Every string inside a value, so text is searched unescaped (quotes, newlines) as well as in JSON. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Messages received before the game ended (the debrief opens everything at the end). */
function beforeEnd(p: Player): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [type, payload] of p.received) {
    if (type === 'events' && (payload as EventsMessage).events.some((e) => e.type === 'ended')) break;
    if (type === 'view' && (payload as ViewMessage).view.phase === 'end') break;
    out.push([type, payload]);
  }
  return out;
}

const API = ['/api/scenarios', '/api/tables'];
const TABLE_API = ['', '/results', '/results.csv', '/log', '/log.csv'];

/** Everything a client can fetch over HTTP about the game while it runs. */
async function fetchAll(code: string): Promise<string[]> {
  const urls = [...API, ...TABLE_API.map((p) => `/api/tables/${code}${p}`)];
  return Promise.all(
    urls.map(async (u) => {
      const res = await fetch(`${b.url}${u}`);
      return `${u} ${res.status} ${await res.text()}`;
    }),
  );
}

function searchAll(c: Capture, viewer: Seat | null, secrets: ReturnType<typeof forbiddenFor>): string[] {
  const messages = beforeEnd(c.player);
  expect(messages.length, 'messages before the end').toBeGreaterThan(10);
  expect(c.states.length, 'state patches before the end').toBeGreaterThan(0);
  // One line per secret that reached this client, naming where it arrived first.
  const found = new Map<string, string>();
  const where = (label: string, value: unknown) => {
    const text = typeof value === 'string' ? value : `${JSON.stringify(value)}\n${strings(value).join('\n')}`;
    for (const l of leaks(text, secrets)) {
      const key = `${viewer === null ? 'spectator' : `seat ${viewer}`} got ${l}`;
      if (!found.has(key)) found.set(key, label);
    }
  };
  messages.forEach(([type, payload], i) => where(`message ${i} (${type})`, payload));
  c.states.forEach((s, i) => where(`state ${i}`, s));
  c.http.forEach((h) => where(`HTTP ${h.slice(0, h.indexOf(' '))}`, h));
  return [...found].map(([k, label]) => `${k}, first in ${label}`);
}

/** A human that asks, answers, declares and chats, so every kind of reply can come back to it. */
function busyHuman(p: Player, until?: (v: TableView) => boolean): () => void {
  const done = new Set<string>();
  return autoPlay(
    p,
    (v: TableView) => {
      const me = v.me!.seat;
      const key = `${v.round}`;
      if (!done.has(key)) {
        done.add(key);
        for (const s of v.seats) if (s.seat !== me) p.send('ask', { target: s.seat });
        p.send('declare', { share: 20 });
        p.send('chat', { to: null, text: 'What matters most to each of you?' });
      }
      for (const q of v.asks) if (q.to === me && q.status === 'open') p.send('answer', { ask: q.id });
      return v.asks.filter((q) => q.to === me).every((q) => q.status !== 'open');
    },
    until,
  );
}

const PERSONAS = ['hardliner', 'builder', 'opportunist', 'reciprocator', 'incumbent'] as const;

describe('the secrets a test searches for', () => {
  it('include every walk-away the scenarios state in words, and the debrief text', () => {
    const harbour = builtInScenarios.find((s) => s.id === 'harbour-development')!;
    expect(walkAwayMentions(harbour).map((m) => m.text)).toContain('walk-away (30 points a round');
    const texts = scenarioSecrets(harbour).map((s) => s.text);
    expect(texts).toContain('Did the Dockworkers, Traders and Residents coalition form?');
    expect(texts).toContain('"walkAway":12');
    for (const s of builtInScenarios) {
      const ws = walkAwayMentions(s);
      expect(ws.length, `${s.id} states walk-aways in words`).toBeGreaterThan(0);
      expect(
        scenarioSecrets(s).filter((x) => x.owner === 'debrief').length,
        `${s.id} has debrief sentences`,
      ).toBeGreaterThan(3);
    }
  });
});

describe('nothing private reaches a client before the end', () => {
  const cases = [
    ...builtInScenarios.map((s) => ({ scenario: s, mode: 'coalition' as const })),
    // The trust game has its own table (shared/trust-game/scenario.ts).
    { scenario: trustGameScenario(5), mode: 'trust' as const },
  ];
  it.each(cases)('$scenario.id ($mode): messages, state and HTTP answers', async ({ scenario, mode }) => {
    const bots = scenario.roles.slice(2).map((_, i) => ({
      kind: 'bot' as const,
      bot: { kind: 'persona' as const, persona: PERSONAS[i % PERSONAS.length], difficulty: 'hard' },
    }));
    const ana = await createTable(b, {
      scenario: scenario.id,
      mode,
      seats: [{ kind: 'human' }, { kind: 'human' }, ...bots],
      durations: { negotiate: 600, trust: 600 },
      rounds: 2,
      seed: 11,
      name: 'Ana',
    });
    const code = ana.welcome!.code;
    const ben = await joinTable(b, code, { name: 'Ben' });
    const spy = await joinTable(b, code, { spectate: true });
    const caps = [capture(ana), capture(ben), capture(spy)];
    // The lobby's own fetch, before anyone sits down.
    const lobby = await fetchAll(code);
    for (const c of caps) c.http.push(...lobby);
    ana.send('start', {});
    await ana.waitView((v) => v.phase !== 'prepare', 3000, 'the game to start');
    // Round 1 is played; then, before round 2's moves, a spectator arrives late and gets the
    // backlog of what happened so far.
    const round2 = (v: TableView) => v.round >= 2 && v.phase === (v.mode === 'trust' ? 'trust' : 'negotiate');
    const firstStops = [busyHuman(ana, round2), busyHuman(ben, round2)];
    await spy.waitView((v) => round2(v) || v.phase === 'end', 10_000, 'round 2');
    firstStops.forEach((s) => s());
    const late = await joinTable(b, code, { spectate: true });
    caps.push(capture(late));
    for (const c of caps.slice(3)) c.http.push(...lobby);
    const stops = [busyHuman(ana), busyHuman(ben)];
    // Fetch again in every phase the game passes through, until it ends.
    const seen = new Set<string>();
    await waitFor(
      () => {
        const v = spy.view!;
        const key = `${v.round}:${v.phase}`;
        if (v.phase !== 'end' && !seen.has(key)) {
          seen.add(key);
          void fetchAll(code).then((answers) => {
            if (spy.view!.phase !== 'end') for (const c of caps) c.http.push(...answers);
          });
        }
        return v.phase === 'end';
      },
      20_000,
      'the end',
    );
    stops.forEach((s) => s());
    expect(caps[0].http.length).toBeGreaterThan(7);

    const found = [
      ...searchAll(caps[0], 0, forbiddenFor(scenario, 0, builtInScenarios)),
      ...searchAll(caps[1], 1, forbiddenFor(scenario, 1, builtInScenarios)),
      ...searchAll(caps[2], null, forbiddenFor(scenario, null, builtInScenarios)),
      ...searchAll(caps[3], null, forbiddenFor(scenario, null, builtInScenarios)),
    ];
    expect(late.received.some(([type]) => type === 'backlog')).toBe(true);
    expect(found).toEqual([]);
    // The search can find: each seat did receive its own briefing.
    expect(
      leaks(
        JSON.stringify(beforeEnd(ana)),
        scenarioSecrets(scenario).filter((s) => s.owner === 0),
      ).length,
    ).toBeGreaterThan(3);
    for (const p of [ana, ben, spy, late]) await p.room.leave();
  });
});
