import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../../shared/bots/strategies';

const root = resolve(__dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'leverage-tournament-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/tournament.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each test starts the command one or more times: minutes, not seconds, on a busy machine.
describe('npm run tournament', { timeout: 180_000 }, () => {
  it('prints one line of JSON with --json', () => {
    const run = cli(
      '--strategies',
      'tit-for-tat,always-defect',
      '--turns',
      '200',
      '--repetitions',
      '10',
      '--noise',
      '0',
      '--seed',
      '1',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['matches', 'ranking']);
    expect(run.stdout.startsWith('{"matches":[{"players":["tit-for-tat","always-defect"],"scores":[199,204]},')).toBe(
      true,
    );
    expect(result.matches).toHaveLength(3);
    expect(result.ranking.map((r: { strategy: string }) => r.strategy)).toEqual(['always-defect', 'tit-for-tat']);
  });

  it('plays all 13 by default, prints a ranked table and writes the CSV and JSON files', () => {
    const csv = join(scratch, 'matches.csv');
    const out = join(scratch, 'result.json');
    const run = cli('--turns', '50', '--repetitions', '2', '--csv', csv, '--out', out);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('13 strategies, 50 turns, 2 repetitions');
    const header = lines.findIndex((l) => l.startsWith('rank'));
    const rows = lines.slice(header + 1, header + 14);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(STRATEGY_NAMES.map((_, i) => String(i + 1)));
    expect(new Set(rows.map((l) => l.trim().split(/\s+/)[1]))).toEqual(new Set(STRATEGY_NAMES));
    // Aligned: every row's score column ends at the same place.
    expect(new Set(rows.map((l) => l.indexOf('.')))).toHaveProperty('size', 1);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(92);
    expect(JSON.parse(readFileSync(out, 'utf8')).matches).toHaveLength(91);
  });

  it('prints the shares per generation with --evolve', () => {
    const run = cli('--strategies', 'tit-for-tat,always-defect', '--evolve', '5', '--shares', '1,3', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.strategies).toEqual(['tit-for-tat', 'always-defect']);
    expect(result.shares).toHaveLength(6);
    expect(result.shares[0]).toEqual([0.25, 0.75]);
    expect(result.shares[5][0]).toBeGreaterThan(0.25);
  });

  it.each([
    [
      ['--strategies', 'tit-for-tat,nobody'],
      /unknown strategy "nobody".*Valid names: tit-for-tat, generous-tit-for-tat/,
    ],
    [['--turns', 'many'], /--turns must be a whole number, not "many"/],
    [['--noise', '1.5'], /--noise must be a probability between 0 and 1/],
    [['--noise=-0.1'], /--noise must be a probability between 0 and 1, not "-0.1"/],
    [['--turns'], /--turns needs a value/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--repetitions', '0'], /--repetitions must be at least 1/],
  ])('exits with code 2 and a usage message for %j', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: npm run tournament');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('coalition tournaments from the command line', { timeout: 180_000 }, () => {
  it('rotates personas through a scenario and prints JSON per persona', () => {
    const r = cli('--scenario', 'harbour-development', '--games', '3', '--seed', '4', '--json');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.scenarios).toHaveLength(1);
    expect(result.ranking.map((p: { persona: string }) => p.persona).sort()).toEqual([
      'builder',
      'hardliner',
      'incumbent',
      'opportunist',
      'reciprocator',
    ]);
    for (const p of result.ranking) expect(p).toHaveProperty('escalations');
  });
  it('writes CSV per scenario and persona', () => {
    const file = join(scratch, 'coalition.csv');
    const r = cli('--scenario', 'all', '--games', '1', '--personas', 'builder,hardliner', '--csv', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Coalition tournament');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toContain('mean_mutual_gain');
    expect(lines).toHaveLength(1 + 6 * 2);
  });
  it.each([
    [['--scenario', 'atlantis'], /unknown scenario "atlantis"/],
    [['--scenario', 'all', '--personas', 'saint'], /unknown persona "saint"/],
    [['--scenario', 'all', '--difficulty', 'brutal'], /--difficulty must be one of/],
    [['--scenario', 'all', '--games', '0'], /--games must be at least 1/],
  ])('refuses %j with a usage message', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
