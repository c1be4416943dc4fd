// Saved scenarios live behind the TableStore interface, so they behave the same in SQLite (one
// machine) and PostgreSQL (DATABASE_URL): versions 1, 2, 3… per id, later versions only under the
// first save's key, the latest listed once, nothing ever overwritten.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../server/store/postgres';
import { SqliteStore } from '../../server/store/sqlite-async';
import type { SavedScenarioRow, TableStore } from '../../server/store/store';
import { scenarioById } from '../../shared/scenarios/index';
import { startPostgres, type Service } from './services';

const base = scenarioById('warehouse-workers')!;

function row(id: string, name: string, keyHash: string, created: number): SavedScenarioRow {
  return { id, name, author: 'Ana', created, keyHash, scenario: JSON.stringify({ ...base, id: 'mine', name }) };
}

let dir: string;
let postgres: Service | null = null;
const stores: Record<string, TableStore> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leverage-saved-'));
  stores.sqlite = new SqliteStore(join(dir, 'saved.db'), 'NORMAL');
  postgres = await startPostgres();
  if (postgres) stores.postgres = new PostgresStore(postgres.url, () => 'test-process');
}, 60_000);

afterAll(async () => {
  for (const s of Object.values(stores)) await s.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['sqlite', 'postgres'])('saved scenarios in %s', (kind) => {
  it('number the versions of an id and keep each one as it was saved', async (test) => {
    const store = stores[kind];
    if (!store) return test.skip();
    expect(await store.saveScenario(row('aaaa000001', 'First', 'k1', 1000))).toBe(1);
    expect(await store.saveScenario(row('aaaa000001', 'Second', 'k1', 2000))).toBe(2);
    expect((await store.savedScenario('aaaa000001', null))?.scenario.name).toBe('Second');
    expect(await store.savedScenario('aaaa000001', 1)).toMatchObject({ version: 1, name: 'First', author: 'Ana' });
    expect((await store.savedScenario('aaaa000001', 1))?.scenario).toEqual({ ...base, id: 'mine', name: 'First' });
    expect(await store.savedScenario('aaaa000001', 3)).toBeNull();
    expect(await store.savedScenario('nosuch0000', null)).toBeNull();
  });

  it('refuse a new version under another key, writing nothing', async (test) => {
    const store = stores[kind];
    if (!store) return test.skip();
    expect(await store.saveScenario(row('aaaa000002', 'Mine', 'owner', 3000))).toBe(1);
    expect(await store.saveScenario(row('aaaa000002', 'Theirs', 'stranger', 4000))).toBeNull();
    expect((await store.savedScenario('aaaa000002', null))?.name).toBe('Mine');
  });

  it('give concurrent saves of one id distinct versions', async (test) => {
    const store = stores[kind];
    if (!store) return test.skip();
    await store.saveScenario(row('aaaa000003', 'v1', 'k3', 5000));
    const versions = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => store.saveScenario(row('aaaa000003', `v${i + 1}`, 'k3', 5000 + i))),
    );
    expect([...versions].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('list the latest version of each id once, newest first', async (test) => {
    const store = stores[kind];
    if (!store) return test.skip();
    const list = await store.savedScenarios();
    expect(list.map((m) => [m.id, m.version])).toEqual([
      ['aaaa000003', 6],
      ['aaaa000002', 1],
      ['aaaa000001', 2],
    ]);
  });
});

describe.each(['sqlite', 'postgres'])('limits on saved scenarios in %s (review defect 17)', (kind) => {
  it('refuse a version past the cap of its id and any save past the cap on every version, writing nothing', async (test) => {
    const store = stores[kind];
    if (!store) return test.skip();
    const few = { versionsPerId: 2, totalRows: 0 };
    expect(await store.saveScenario(row('aaaa000004', 'v1', 'k4', 6000), few)).toBe(1);
    expect(await store.saveScenario(row('aaaa000004', 'v2', 'k4', 6001), few)).toBe(2);
    expect(await store.saveScenario(row('aaaa000004', 'v3', 'k4', 6002), few)).toBe('too-many-versions');
    expect((await store.savedScenario('aaaa000004', null))?.version).toBe(2);
    // 2 + 1 + 6 + 2 versions are stored by now.
    expect(await store.saveScenario(row('aaaa000005', 'v1', 'k5', 7000), { versionsPerId: 200, totalRows: 11 })).toBe(
      'store-full',
    );
    expect(await store.savedScenario('aaaa000005', null)).toBeNull();
    expect(await store.saveScenario(row('aaaa000005', 'v1', 'k5', 7000), { versionsPerId: 200, totalRows: 12 })).toBe(
      1,
    );
  });
});
