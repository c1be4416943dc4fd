// A class session behind PostgreSQL (DATABASE_URL): the same store interface as SQLite, so a
// session, its roster, its tables and its answers survive a restart there too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { CLASS_MESSAGES, type StudentModel } from '../../shared/class/console';
import type { SessionCreated } from '../../shared/class/setup';
import { freePort, TEST_SETTINGS, waitFor } from './helpers';
import { startPostgres, type Service } from './services';

const dir = mkdtempSync(join(tmpdir(), 'leverage-class-pg-'));
let postgres: Service | null = null;

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function boot(n: number): Promise<{ app: App; url: string }> {
  const app = createApp({
    dbPath: join(dir, `local-${n}.db`),
    databaseUrl: postgres!.url,
    // In one test process the restarted server keeps its process id: its own tables come back
    // through the shared store's sweep (every orphanSeconds / 4), not as orphans.
    settings: { ...TEST_SETTINGS, orphanSeconds: 1 },
    log: () => undefined,
    clientDir: join(dir, 'no-client'),
  });
  const port = await freePort();
  await app.server.listen(port);
  return { app, url: `http://127.0.0.1:${port}` };
}

async function student(
  url: string,
  code: string,
  name: string,
  claim?: string,
): Promise<{ model: () => StudentModel | null }> {
  const room = await new Client(url).joinById(code, claim === undefined ? { name } : { name, claim });
  let model: StudentModel | null = null;
  room.onMessage(CLASS_MESSAGES.student, (m: StudentModel) => (model = m));
  room.onMessage('*', () => undefined);
  room.reconnection.enabled = false;
  return { model: () => model };
}

describe('a class session on PostgreSQL', () => {
  it('keeps its roster, seats and answers across a restart', async (test) => {
    if (!postgres) return test.skip();
    let s = await boot(0);
    const res = await fetch(`${s.url}/api/class`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'harbour-development', rounds: 2, seeds: [3] }),
    });
    const { code, key } = (await res.json()) as SessionCreated;
    const ann = await student(s.url, code, 'Ann');
    await waitFor(() => ann.model() !== null, 5000, 'Ann in the waiting room');
    // Ann's second tab: the same browser, so the same claim on her name.
    const annRoom = await new Client(s.url).joinById(code, { name: 'Ann', claim: ann.model()!.claim });
    annRoom.onMessage('*', () => undefined);
    annRoom.send(CLASS_MESSAGES.answer, { question: 'promises-kept', phase: 'before', answer: 'no' });
    const seat = await fetch(`${s.url}/api/class/${code}/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-facilitator-key': key },
      body: JSON.stringify({ type: 'seat-all' }),
    });
    expect(seat.status).toBe(200);
    await waitFor(() => ann.model()?.seat != null, 5000, 'Ann seated');
    const before = ann.model()!.seat!;
    await waitFor(() => ann.model()?.questions?.answered['promises-kept'] === 'no', 5000, 'the answer');
    annRoom.reconnection.enabled = false;
    await s.app.close();

    s = await boot(1);
    await s.app.restoreTables();
    const again = await student(s.url, code, 'Ann', ann.model()!.claim);
    await waitFor(() => again.model()?.seat != null, 10_000, 'Ann seated again');
    expect([again.model()!.seat!.table, again.model()!.seat!.seat]).toEqual([before.table, before.seat]);
    const exported = await fetch(`${s.url}/api/class/${code}/export.json`, { headers: { 'x-facilitator-key': key } });
    const x = (await exported.json()) as { answers: { answer: string }[]; students: { name: string }[] };
    expect(x.answers.map((a) => a.answer)).toEqual(['no']);
    expect(x.students.map((st) => st.name)).toEqual(['Ann']);
    await s.app.close();
  }, 60_000);
});
