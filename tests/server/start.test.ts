// What README promises of `npm start` and of starting things by hand: an older Node stops with a
// sentence, the server prints where to join (with a QR code of the network address), and
// LEVERAGE_DB_SYNC reaches the database. Real processes, started the way `npm start` starts them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import qrcode from 'qrcode-terminal';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'leverage-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A module for `node --import` that makes this Node report another version. */
function pretendNode(version: string): string {
  return `data:text/javascript,Object.defineProperty(process.versions,"node",{value:${JSON.stringify(version)}})`;
}

/** A module for `node --import` that makes the machine's network interfaces these. */
function pretendInterfaces(
  interfaces: Record<string, { address: string; family: string; internal: boolean }[]>,
): string {
  const source = `import os from "node:os"; import { syncBuiltinESMExports } from "node:module";
    os.networkInterfaces = () => (${JSON.stringify(interfaces)}); syncBuiltinESMExports();`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

interface Run {
  /** The exit code, or null when the process was still running (and was then stopped). */
  code: number | null;
  out: string;
}

/** Runs a Node process until it exits, or until `until` holds of its output (then stops it). */
async function run(args: string[], env: Record<string, string> = {}, until?: (out: string) => boolean): Promise<Run> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let code: number | null = null;
  exited.then(
    (c) => (code = c),
    () => undefined,
  );
  await waitFor(() => code !== null || (until?.(out) ?? false), 60_000, `${args.join(' ')} to finish`).catch((e) => {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}; output so far: ${out}`);
  });
  // null: it was still running when `until` held, and was stopped here.
  const finished: number | null = code;
  if (finished === null) {
    child.kill('SIGTERM');
    await exited;
  }
  return { code: finished, out };
}

let n = 0;
/** `npm start`'s server process on a free port and a fresh database; stopped once it says it is ready. */
async function start(env: Record<string, string> = {}, imports: string[] = []): Promise<Run & { port: number }> {
  const port = await freePort();
  const r = await run(
    [...imports.flatMap((m) => ['--import', m]), '--import', 'tsx', 'server/main.ts'],
    { PORT: String(port), LEVERAGE_DB: join(dir, `s${n++}.db`), LEVERAGE_CLIENT_DIR: join(dir, 'no-client'), ...env },
    (out) => out.includes('Press Ctrl+C to stop'),
  );
  return { ...r, port };
}

/** Runs `fn` against a server process started as `npm start` starts it, then stops the process. */
async function whileServing(env: Record<string, string>, fn: (port: number) => Promise<void>): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      LEVERAGE_DB: join(dir, `s${n++}.db`),
      LEVERAGE_CLIENT_DIR: join(dir, 'no-client'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(() => out.includes('Press Ctrl+C to stop') || child.exitCode !== null, 60_000, 'the server to start');
    expect(child.exitCode, out).toBeNull();
    await fn(port);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function qr(text: string): string {
  let drawn = '';
  qrcode.generate(text, { small: true }, (q) => (drawn = q));
  return drawn;
}

describe('an older Node', () => {
  const sentence = (v: string) =>
    `Leverage needs Node 22.13 or newer, but this is Node ${v}.\nRun it through npm (npm start, npm test, npm run ...), which uses the Node 22 that\n` +
    '`npm install` puts in node_modules/.bin, or install Node 22 yourself.';

  it.each(['20.19.0', '22.12.0'])('stops the check with a sentence saying what to do on Node %s', async (version) => {
    const r = await run(['--import', pretendNode(version), 'scripts/check-node.mjs']);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(sentence(version));
  });

  it('lets Node 22.13 and this Node through, silently', async () => {
    for (const imports of [['--import', pretendNode('22.13.0')], []]) {
      const r = await run([...imports, 'scripts/check-node.mjs']);
      expect(r).toEqual({ code: 0, out: '' });
    }
  });

  it('stops the server started by hand before anything else fails', async () => {
    const r = await start({}, [pretendNode('20.19.0')]);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(sentence('20.19.0'));
  });

  it('is checked first by every npm script', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    // postinstall only explains npm's engine warnings, so it must run on whatever Node ran npm.
    const others = Object.entries(scripts).filter(([name]) => name !== 'check-node' && name !== 'postinstall');
    expect(others.length).toBeGreaterThan(5);
    for (const [name, command] of others)
      expect(command.startsWith('node scripts/check-node.mjs && '), `npm run ${name}`).toBe(true);
  });
});

describe('npm start', () => {
  it('prints the address on this computer, every network address, and a QR code of the first', async () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '10.20.30.40', family: 'IPv4', internal: false },
        { address: 'fd00::2', family: 'IPv6', internal: false },
      ],
      wlan0: [{ address: '192.168.1.7', family: 'IPv4', internal: false }],
    };
    const r = await start({}, [pretendInterfaces(interfaces)]);
    expect(r.code).toBeNull();
    const lines = r.out.split('\n');
    expect(lines).toContain(`  On this computer:  http://localhost:${r.port}/`);
    expect(lines.filter((l) => l.startsWith('  On the network:'))).toEqual([
      `  On the network:    http://10.20.30.40:${r.port}/`,
      `  On the network:    http://192.168.1.7:${r.port}/`,
    ]);
    expect(r.out).toContain('Scan to join from a phone on the same network:');
    expect(r.out).toContain(qr(`http://10.20.30.40:${r.port}/`));
    expect(r.out).not.toContain(qr(`http://192.168.1.7:${r.port}/`));
  });

  it('says so when there is no network address, and prints no QR code', async () => {
    const r = await start({}, [pretendInterfaces({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] })]);
    expect(r.code).toBeNull();
    expect(r.out).toContain(`  On this computer:  http://localhost:${r.port}/`);
    expect(r.out).not.toContain('On the network:');
    expect(r.out).toContain('No network address found: players can join only from this computer.');
    expect(r.out).not.toContain('Scan to join');
  });

  it.each([
    [undefined, 'FULL'],
    ['full', 'FULL'],
    ['normal', 'NORMAL'],
    ['NORMAL', 'NORMAL'],
  ])('gives SQLite the synchronous mode of LEVERAGE_DB_SYNC=%s (%s, as SQLite reports it)', async (value, mode) => {
    const r = await start(value === undefined ? {} : { LEVERAGE_DB_SYNC: value });
    expect(r.code).toBeNull();
    expect(r.out).toMatch(new RegExp(`Game data: +\\S+ \\(synchronous=${mode}\\)\\n`));
  });

  it.each([
    [{}, 'bad-options: seed: this server draws every table’s seed itself.'],
    [{ LEVERAGE_ACCEPT_SEED: '1' }, 'created'],
  ])('takes a seed from create options only for tests (%j)', async (env, outcome) => {
    await whileServing(env, async (port) => {
      const created = await new Client(`http://127.0.0.1:${port}`)
        .create('table', { scenario: 'harbour-development', name: 'Sid', seed: 77 })
        .then(
          async (room) => (await room.leave(), 'created'),
          (e: Error) => e.message,
        );
      expect(created).toBe(outcome);
    });
  });

  it('tells a class console on localhost where students reach it (LEVERAGE_JOIN_URL)', async () => {
    await whileServing({ LEVERAGE_JOIN_URL: 'http://10.1.2.3:9999/' }, async (port) => {
      const answer = await (await fetch(`http://127.0.0.1:${port}/api/join-origin`)).json();
      expect(answer).toEqual({ origin: 'http://10.1.2.3:9999' });
    });
  });

  it('refuses a LEVERAGE_DB_SYNC it does not know, with a sentence', async () => {
    const r = await start({ LEVERAGE_DB_SYNC: 'sometimes' });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe('LEVERAGE_DB_SYNC must be "full" or "normal", not "sometimes".');
  });
});
