// One worker thread of `npm run loadtest`: a share of the tables, each with its people connected
// through the official SDK, playing legal moves at the chosen pace and timing each move from
// sending it to seeing its result (or its refusal). See scripts/loadtest.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { Client, type Room } from '@colyseus/sdk';
import type { Seat } from '../shared/engine/types';
import type { TableView } from '../shared/engine/view';
import type { ErrorMessage, ViewMessage, ViewPatchMessage, Welcome } from '../shared/protocol';
import { applyViewPatch } from '../shared/view-patch';

export interface WorkerConfig {
  url: string;
  /** Tables this worker sets up. */
  tables: number;
  /** People per table (the other seats, if any, are bots). */
  people: number;
  seatsOfScenario: number;
  scenario: string;
  /** Think time between a result and the next move, in ms; [0, 0] is flat out. */
  pace: [number, number];
  worker: number;
}

/** play: start moving (a warm-up); measure: count what is sent from now; stop: report. */
export type ToWorker = { type: 'play' } | { type: 'measure' } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; clients: number; failed: number }
  | { type: 'log'; message: string }
  | {
      type: 'done';
      latencies: number[];
      moves: number;
      refused: Record<string, number>;
      timeouts: number;
      disconnects: number;
    };

/** The server's flood guard admits 10 messages a second: flat out stays just under it. */
const FLAT_OUT_GAP_MS = 110;
const RESULT_TIMEOUT_MS = 10_000;
/** The server allows 5 chat messages in 10 s; keep under it so chat is never refused for that. */
const CHAT_PER_10S = 4;

const config = workerData as WorkerConfig;
const port = parentPort!;
let measuring = false;
let stopped = false;
const latencies: number[] = [];
const refused: Record<string, number> = {};
let moves = 0;
let timeouts = 0;
let disconnects = 0;

interface Pending {
  sentAt: number;
  measured: boolean;
  done: (v: TableView) => boolean;
  timer: NodeJS.Timeout;
}

/** One person at a table. */
class Person {
  view: TableView | null = null;
  seq = 0;
  seat: Seat | null = null;
  welcome: Welcome | null = null;
  private pending: Pending | null = null;
  private next: NodeJS.Timeout | null = null;
  private lastSent = 0;
  private chats: number[] = [];
  private movesThisPhase = 0;
  private phaseKey = '';
  private plan = 0;

  constructor(readonly room: Room) {
    room.onMessage('welcome', (w: Welcome) => {
      this.welcome = w;
      this.seat = w.seat;
    });
    room.onMessage('view', (m: ViewMessage) => {
      this.seq = m.seq;
      this.onView(m.view);
    });
    room.onMessage('view-patch', (m: ViewPatchMessage) => {
      if (!this.view || m.base !== this.seq) throw new Error(`a patch from ${m.base} reached a client at ${this.seq}`);
      this.seq = m.seq;
      this.onView(applyViewPatch(this.view, m.ops));
    });
    room.onMessage('error', (e: ErrorMessage) => this.onError(e));
    room.onMessage('events', () => undefined);
    room.onMessage('coach', () => undefined);
    room.onMessage('shutdown', () => undefined);
    room.onLeave(() => {
      if (!stopped) disconnects++;
      this.halt();
    });
  }

  start(): void {
    this.schedule(Math.random() * (config.pace[1] || 1000));
  }

  halt(): void {
    if (this.next) clearTimeout(this.next);
    if (this.pending) clearTimeout(this.pending.timer);
    this.next = null;
    this.pending = null;
  }

  private onView(view: TableView): void {
    this.view = view;
    const p = this.pending;
    if (p && p.done(view)) this.settle(p, null);
    else if (!p && !this.next && !stopped && measuringOrWarm()) this.schedule(this.think());
  }

  private onError(e: ErrorMessage): void {
    const p = this.pending;
    if (!p) return;
    this.settle(p, e.code);
  }

  private settle(p: Pending, refusal: string | null): void {
    clearTimeout(p.timer);
    this.pending = null;
    if (p.measured && !stopped) {
      latencies.push(performance.now() - p.sentAt);
      moves++;
      if (refusal) refused[refusal] = (refused[refusal] ?? 0) + 1;
    }
    if (!stopped) this.schedule(this.think());
  }

  private think(): number {
    const [lo, hi] = config.pace;
    if (hi === 0) return Math.max(0, FLAT_OUT_GAP_MS - (performance.now() - this.lastSent));
    return lo + Math.random() * (hi - lo);
  }

  private schedule(ms: number): void {
    if (this.next) clearTimeout(this.next);
    this.next = setTimeout(() => {
      this.next = null;
      this.move();
    }, ms);
  }

  /** A legal move for this phase, with what its result looks like in this person's view. */
  private move(): void {
    const v = this.view;
    const me = this.seat;
    if (stopped || !v || me === null || this.pending) return;
    const key = `${v.round}:${v.phase}`;
    if (key !== this.phaseKey) {
      this.phaseKey = key;
      this.movesThisPhase = 0;
      this.plan = 3 + Math.floor(Math.random() * 6);
    }
    const at = { round: v.round, phase: v.phase };
    const moved = (w: TableView) => w.round !== v.round || w.phase !== v.phase;
    if (v.phase === 'negotiate' && !v.seats[me].ready) {
      if (this.movesThisPhase >= this.plan) return this.send('ready', { at }, (w) => moved(w) || w.seats[me].ready);
      this.movesThisPhase++;
      const nonce = `${config.worker}-${me}-${Math.random().toString(36).slice(2, 10)}`;
      const now = Date.now();
      this.chats = this.chats.filter((t) => now - t < 10_000);
      if (this.chats.length < CHAT_PER_10S && Math.random() < 0.5) {
        this.chats.push(now);
        return this.send(
          'chat',
          { to: null, text: `hello ${nonce}`, at },
          (w) => moved(w) || w.chat.some((m) => m.text === `hello ${nonce}`),
        );
      }
      const others = v.seats.map((s) => s.seat).filter((s) => s !== me);
      const partner = others[Math.floor(Math.random() * others.length)];
      const members = [me, partner].sort((a, b) => a - b);
      const terms = Object.fromEntries(
        v.scenario.issues.map((i) => [i.id, i.options[Math.floor(Math.random() * i.options.length)].id]),
      );
      const mine = 40 + Math.floor(Math.random() * 21);
      const split = members.map((m) => (m === me ? mine : 100 - mine));
      return this.send(
        'propose',
        { members, split, terms, rationale: nonce, at },
        (w) => moved(w) || w.proposals.some((p) => p.proposer === me && p.rationale === nonce),
      );
    }
    if (v.phase === 'trust') {
      const open = v.trust.find((t) => t.move === null);
      if (open) {
        const move = Math.random() < 0.8 ? 'honour' : 'defect';
        return this.send(
          'trust',
          { partner: open.partner, move, at },
          (w) => moved(w) || w.trust.some((t) => t.partner === open.partner && t.move !== null),
        );
      }
      if (!v.seats[me].ready) return this.send('ready', { at }, (w) => moved(w) || w.seats[me].ready);
    }
    // Resolve, score, end, or ready already: nothing to do until the next view.
  }

  private send(type: string, payload: unknown, done: (v: TableView) => boolean): void {
    const sentAt = performance.now();
    this.lastSent = sentAt;
    const timer = setTimeout(() => {
      if (this.pending?.sentAt !== sentAt) return;
      this.pending = null;
      if (measuring && !stopped) timeouts++;
      if (!stopped) this.schedule(this.think());
    }, RESULT_TIMEOUT_MS);
    this.pending = { sentAt, measured: measuring, done, timer };
    this.room.send(type as never, payload as never);
  }
}

let playing = false;
function measuringOrWarm(): boolean {
  return playing;
}

async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const people: Person[] = [];
let failed = 0;

async function setUpTable(index: number): Promise<void> {
  const client = new Client(config.url);
  const seats = Array.from({ length: config.seatsOfScenario }, (_, i) =>
    i < config.people
      ? { kind: 'human' as const }
      : { kind: 'bot' as const, bot: { kind: 'persona' as const, persona: 'builder', difficulty: 'normal' } },
  );
  const host = new Person(
    await client.create('table', {
      scenario: config.scenario,
      seats,
      name: `P0-${config.worker}-${index}`,
      // Long phases that close when everyone is ready; enough rounds that no game ends in a run.
      durations: { negotiate: 120, trust: 60, resolve: 1, score: 1 },
      rounds: 100,
      policy: 'between-meetings',
      private: true,
    }),
  );
  await waitUntil(() => host.welcome !== null, 20_000, 'the welcome');
  const code = host.welcome!.code;
  const table = [host];
  for (let i = 1; i < config.people; i++) {
    const p = new Person(await client.joinById(code, { name: `P${i}-${config.worker}-${index}` }));
    await waitUntil(() => p.welcome !== null && p.view !== null, 20_000, 'a welcome');
    table.push(p);
  }
  host.room.send('start' as never, {} as never);
  people.push(...table);
}

async function main(): Promise<void> {
  // A few tables at a time, so that setting up 400 tables does not itself flood the server.
  const queue = Array.from({ length: config.tables }, (_, i) => i);
  const lanes = Array.from({ length: Math.min(8, config.tables) }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      await setUpTable(i).catch((e: Error) => {
        failed++;
        port.postMessage({
          type: 'log',
          message: `worker ${config.worker}: table ${i} failed to set up: ${e.message}`,
        } satisfies FromWorker);
      });
    }
  });
  await Promise.all(lanes);
  port.postMessage({ type: 'ready', clients: people.length, failed } satisfies FromWorker);
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'play') {
    playing = true;
    for (const p of people) p.start();
  } else if (m.type === 'measure') {
    measuring = true;
  } else if (m.type === 'stop') {
    stopped = true;
    measuring = false;
    for (const p of people) p.halt();
    port.postMessage({ type: 'done', latencies, moves, refused, timeouts, disconnects } satisfies FromWorker);
    for (const p of people) void p.room.leave().catch(() => undefined);
    setTimeout(() => process.exit(0), 1000).unref();
  }
});

void main();
