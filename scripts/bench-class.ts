// The class-session figures of `npm run bench` (issue 10 targets): 60 students who joined one
// session within two seconds, all seated within two seconds of the facilitator's click; and the
// console's update within 200 ms of a table's change while 12 tables play. Printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Room } from '@colyseus/sdk';
import { CLASS_MESSAGES, type ConsoleModel, type StudentModel } from '../shared/class/console';
import type { SessionCreated } from '../shared/class/setup';

export interface ClassFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  target?: string;
}

const STUDENTS = 60;

function percentile(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

async function until(predicate: () => boolean, timeout: number, what: string): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

export async function classBench(): Promise<ClassFigure[]> {
  const { createApp } = await import('../server/app');
  const { Client } = await import('@colyseus/sdk');
  const dir = mkdtempSync(join(tmpdir(), 'leverage-bench-class-'));
  // The server's own defaults (bots think ~0.7 s, the SQLite file synced in full), except the
  // flood guard (every student here shares one address) and no role-percentile benchmark work.
  const app = createApp({
    dbPath: join(dir, 'bench.db'),
    log: () => undefined,
    settings: { benchmarkGames: 0, maxConnectionsPerAddress: 0 },
  });
  const port = 20000 + Math.floor(Math.random() * 20000);
  await app.server.listen(port);
  const url = `http://127.0.0.1:${port}`;
  const client = new Client(url);
  const rooms: Room[] = [];
  try {
    const res = await fetch(`${url}/api/class`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'harbour-development', durations: { negotiate: 3600, trust: 600 } }),
    });
    const { code, key } = (await res.json()) as SessionCreated;
    const consoleRoom = await client.joinById(code, { key });
    rooms.push(consoleRoom);
    let model: ConsoleModel | null = null;
    let modelAt = 0;
    consoleRoom.onMessage(CLASS_MESSAGES.console, (m: ConsoleModel) => {
      model = m;
      modelAt = performance.now();
    });
    // 60 students arrive within two seconds.
    const joinedAt = performance.now();
    const students: { room: Room; model: StudentModel | null; seatedAt: number }[] = [];
    await Promise.all(
      Array.from({ length: STUDENTS }, async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * 1900) / STUDENTS));
        const room = await client.joinById(code, { name: `Student ${i + 1}` });
        const s = { room, model: null as StudentModel | null, seatedAt: 0 };
        room.onMessage(CLASS_MESSAGES.student, (m: StudentModel) => {
          s.model = m;
          if (m.seat && !s.seatedAt) s.seatedAt = performance.now();
        });
        students.push(s);
        rooms.push(room);
      }),
    );
    const joinSeconds = (performance.now() - joinedAt) / 1000;
    await until(() => model?.students.length === STUDENTS, 10_000, 'the console to list 60');

    const click = performance.now();
    const seatAll = fetch(`${url}/api/class/${code}/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-facilitator-key': key },
      body: JSON.stringify({ type: 'seat-all' }),
    });
    await until(() => students.every((s) => s.seatedAt > 0), 30_000, 'every student to be seated');
    const seated = Math.max(...students.map((s) => s.seatedAt)) - click;
    await seatAll;
    // And each at its table, with the token the session handed out.
    const players = await Promise.all(
      students.map(async (s) => {
        const seat = s.model!.seat!;
        const room = await client.joinById(seat.table, { token: seat.token });
        room.onMessage('*', () => undefined);
        rooms.push(room);
        return { room, seat };
      }),
    );
    const atTables = performance.now() - click;
    const tables = new Set(players.map((p) => p.seat.table)).size;

    await fetch(`${url}/api/class/${code}/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-facilitator-key': key },
      body: JSON.stringify({ type: 'start', table: null }),
    });
    await until(() => model?.tables.every((t) => t.status === 'playing') === true, 10_000, 'every table to start');
    // A person says ready at one table: how long until the console shows it, with 12 tables live
    // (their bots deciding meanwhile). One sample per student but the last seat of each table,
    // whose ready would close the phase (and clear every ready) before the console could show it.
    const latencies: number[] = [];
    for (const p of players.filter((x) => x.seat.seat < 4)) {
      const sent = performance.now();
      p.room.send('ready', { at: { round: 1, phase: 'negotiate' } });
      await until(
        () => {
          const m = model;
          const t = m?.tables.find((x) => x.code === p.seat.table);
          return t?.seats[p.seat.seat].ready === true && modelAt >= sent;
        },
        5000,
        'the console to show a ready',
      );
      latencies.push(modelAt - sent);
      await new Promise((r) => setTimeout(r, 20));
    }
    return [
      {
        key: 'class.joinSeconds',
        label: `${STUDENTS} students join one session`,
        value: +joinSeconds.toFixed(2),
        unit: 's',
      },
      {
        key: 'class.seatedMs',
        label: `${STUDENTS} students all seated after the click (${tables} tables created)`,
        value: Math.round(seated),
        unit: 'ms',
        target: '< 2000',
      },
      {
        key: 'class.atTablesMs',
        label: `... and all ${STUDENTS} joined at their tables`,
        value: Math.round(atTables),
        unit: 'ms',
      },
      {
        key: 'class.consoleMedianMs',
        label: `console update after a table's change, ${tables} live tables, median of ${latencies.length}`,
        value: +percentile(latencies, 0.5).toFixed(1),
        unit: 'ms',
      },
      {
        key: 'class.consoleMaxMs',
        label: "console update after a table's change, slowest",
        value: +Math.max(...latencies).toFixed(1),
        unit: 'ms',
        target: '< 200',
      },
    ];
  } finally {
    for (const r of rooms) await r.leave().catch(() => undefined);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
