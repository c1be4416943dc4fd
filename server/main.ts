// `npm start`: one process serving the game client and the Colyseus endpoint on one port,
// printing the addresses a class can join from (with a QR code of the LAN address).
// First: on an older Node, stop with a sentence before anything fails in a stranger way.
import '../scripts/check-node.mjs';
import { networkInterfaces } from 'node:os';
import qrcode from 'qrcode-terminal';
import { matchMaker } from '@colyseus/core';
import { createApp } from './app';
import type { ServerSettings } from './context';

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a number of 0 or more, not "${raw}".`);
    process.exit(1);
  }
  return value;
}

const port = envNumber('PORT') ?? 2567;
const dbPath = process.env.LEVERAGE_DB || 'data/leverage.db';
const sync = (process.env.LEVERAGE_DB_SYNC || 'full').toUpperCase();
if (sync !== 'FULL' && sync !== 'NORMAL') {
  console.error(`LEVERAGE_DB_SYNC must be "full" or "normal", not "${process.env.LEVERAGE_DB_SYNC}".`);
  process.exit(1);
}
const settings: Partial<ServerSettings> = {};
const botDelay = envNumber('LEVERAGE_BOT_DELAY_MS');
if (botDelay !== undefined) settings.botDelayMs = botDelay;
const takeover = envNumber('LEVERAGE_TAKEOVER_SECONDS');
if (takeover !== undefined) settings.takeoverSeconds = takeover;
// Tests only: a table's create options may fix its seed (see ServerSettings.acceptSeed).
if (process.env.LEVERAGE_ACCEPT_SEED === '1') settings.acceptSeed = true;
const benchmarkGames = envNumber('LEVERAGE_BENCHMARK_GAMES');
if (benchmarkGames !== undefined) settings.benchmarkGames = Math.floor(benchmarkGames);
// Limits on one client (README "Limits"); 0 turns a per-address limit off (a load test on loopback).
const limits: [string, keyof ServerSettings][] = [
  ['LEVERAGE_UNSTARTED_TABLE_SECONDS', 'unstartedTableSeconds'],
  ['LEVERAGE_MAX_TABLES_PER_ADDRESS', 'maxTablesPerAddress'],
  ['LEVERAGE_MAX_SPECTATORS', 'maxSpectators'],
  ['LEVERAGE_MAX_CONNECTIONS_PER_ADDRESS', 'maxConnectionsPerAddress'],
  ['LEVERAGE_ORPHAN_SECONDS', 'orphanSeconds'],
  ['LEVERAGE_MAX_STUDENTS_PER_SESSION', 'maxStudentsPerSession'],
  ['LEVERAGE_NAME_HOLD_SECONDS', 'nameHoldSeconds'],
  ['LEVERAGE_MAX_STUDIO_SAVES_PER_ADDRESS', 'studioSavesPerAddress'],
  ['LEVERAGE_MAX_STUDIO_VERSIONS', 'studioVersionsPerScenario'],
  ['LEVERAGE_MAX_STUDIO_SAVED', 'studioMaxSavedVersions'],
];
for (const [name, key] of limits) {
  const value = envNumber(name);
  if (value !== undefined) (settings as Record<string, number>)[key] = value;
}
if (process.env.LEVERAGE_TRUST_PROXY === '1') settings.trustProxy = true;
if (process.env.LEVERAGE_STUDIO_SHIPPED === '0') settings.studioShippedCopies = false;
if (process.env.LEVERAGE_STUDIO_SHIPPED === 'whole') settings.studioShippedWhole = true;

// Scale-out (README "Scaling out"): processes that share a Redis share matchmaking; each keeps
// its own tables in its own database file and must be reachable at its own public address.
const redisUrl = process.env.LEVERAGE_REDIS_URL || undefined;
const publicAddress = process.env.LEVERAGE_PUBLIC_ADDRESS || undefined;
if (redisUrl && !publicAddress) {
  console.error(
    'With LEVERAGE_REDIS_URL, set LEVERAGE_PUBLIC_ADDRESS to the host:port at which players reach this process.',
  );
  process.exit(1);
}

// More than one machine: PostgreSQL holds every table, and processes take over each other's.
const databaseUrl = process.env.DATABASE_URL || undefined;

const app = createApp({
  dbPath,
  databaseUrl,
  synchronous: sync,
  settings,
  clientDir: process.env.LEVERAGE_CLIENT_DIR || 'dist/client',
  redisUrl,
  publicAddress,
  joinOrigin: joinOrigin(),
  warmBenchmarks: true,
});

/** The address students reach this server at: LEVERAGE_JOIN_URL, or this computer on the local network. */
function joinOrigin(): string | undefined {
  const set = process.env.LEVERAGE_JOIN_URL;
  if (set) return set.replace(/\/+$/, '');
  const lan = lanAddresses();
  return lan.length > 0 ? `http://${lan[0]}:${port}` : undefined;
}

function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  }
  return found;
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) {
    console.log('Stopping now.');
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: saving tables and telling players…`);
  try {
    await app.close();
    console.log('Stopped cleanly. Every table is saved and will be restored at the next start.');
    process.exit(0);
  } catch (e) {
    console.error('Error while stopping:', e);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  await app.server.listen(port);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT.` : err);
  process.exit(1);
}
let restored: string[];
try {
  restored = await app.restoreTables();
} catch (e) {
  console.error(`Could not read the game data (${databaseUrl ? 'DATABASE_URL' : dbPath}): ${(e as Error).message}`);
  process.exit(1);
}

const lan = lanAddresses();
console.log('');
console.log('Leverage is running.');
console.log(`  On this computer:  http://localhost:${port}/`);
for (const address of lan) console.log(`  On the network:    http://${address}:${port}/`);
// What SQLite reports, not what was asked for: the line proves the setting reached the store.
const inForce = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(app.ctx.local.pragma('synchronous'))];
console.log(
  databaseUrl
    ? `  Game data:         PostgreSQL (DATABASE_URL), shared with every process that uses it`
    : `  Game data:         ${dbPath} (synchronous=${inForce})`,
);
if (redisUrl)
  console.log(
    `  Scale-out:         Redis ${redisUrl}, this process at ${publicAddress} (process ${matchMaker.processId})`,
  );
if (restored.length > 0) console.log(`  Restored tables:   ${restored.join(', ')}`);
if (lan.length > 0) {
  console.log('\nScan to join from a phone on the same network:');
  qrcode.generate(`http://${lan[0]}:${port}/`, { small: true });
} else {
  console.log('\nNo network address found: players can join only from this computer.');
}
console.log('Press Ctrl+C to stop (tables are saved).');
