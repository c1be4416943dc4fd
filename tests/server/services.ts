// The services the machine-loss test needs, on loopback: PostgreSQL and Redis. CI starts them and
// passes their URLs (LEVERAGE_TEST_DATABASE_URL, LEVERAGE_TEST_REDIS_URL; see .ci/run); otherwise
// the test starts its own from Debian's packages when they are installed. Under CI=true a missing
// service is an error, never a skipped test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, waitFor } from './helpers';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

const CI = process.env.CI === 'true';

function missing(what: string): null {
  if (CI) throw new Error(`${what} is needed by this test and CI must provide it (.ci/run installs and starts it).`);
  return null;
}

/** The bin folder of Debian's newest installed PostgreSQL, if any. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

/** A fresh database of its own, on CI's server or on a cluster started here. */
export async function startPostgres(): Promise<Service | null> {
  const external = process.env.LEVERAGE_TEST_DATABASE_URL;
  if (external) return freshDatabase(external, () => Promise.resolve());
  const bin = postgresBin();
  if (!bin) return missing('PostgreSQL (apt-get install -y postgresql)');
  // The server refuses to run as root: as root, run it as Debian's postgres user.
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'leverage-pg-'));
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0) return missing('the postgres user (from the postgresql package)');
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return Promise.resolve();
  };
  return freshDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, stop);
}

async function freshDatabase(adminUrl: string, after: () => Promise<void>): Promise<Service> {
  const name = `leverage_test_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await a.end();
      await after();
    },
  };
}

/** CI's Redis, or one started here. */
export async function startRedis(): Promise<Service | null> {
  const external = process.env.LEVERAGE_TEST_REDIS_URL;
  if (external) return { url: external, stop: () => Promise.resolve() };
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!binary) return missing('redis-server (apt-get install -y redis-server)');
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  await waitFor(() => out.includes('Ready to accept connections') || child.exitCode !== null, 10_000, 'redis-server');
  if (child.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      child.kill();
      return Promise.resolve();
    },
  };
}
