import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'leverage-scenario-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/scenario.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each test starts the command one or more times: minutes, not seconds, on a busy machine.
describe('npm run scenario', { timeout: 180_000 }, () => {
  it('summarises a valid file with its power map', () => {
    const r = cli('assets/scenarios/river-dam.json');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid');
    expect(r.stdout).toContain('Shapley–Shubik');
    expect(r.stdout).toContain('minimal winning coalitions');
    expect(r.stdout).toContain('does it teach?');
    expect(r.stdout).toMatch(/yes A package is worth more than the money: The best package/);
    expect(r.stdout).not.toMatch(/ NO /);
  });
  it('lists every problem of a file broken on purpose, with paths', () => {
    const scenario = JSON.parse(readFileSync(join(root, 'assets/scenarios/harbour-development.json'), 'utf8'));
    scenario.roles[2].power = -3;
    scenario.quota = 20;
    delete scenario.roles[1].values.jobs.union;
    const file = join(scratch, 'broken.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = cli(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('roles[2].power: must be a positive integer');
    expect(r.stderr).toMatch(/roles\[1\]\.values\.jobs\.union: is missing/);
  });
  it('says what is wrong with a file that is not JSON or not there', () => {
    const file = join(scratch, 'not.json');
    writeFileSync(file, '{ roles: ');
    expect(cli(file).stderr).toMatch(/is not valid JSON/);
    expect(cli(join(scratch, 'missing.json')).stderr).toMatch(/cannot be read \(ENOENT\)/);
    expect(cli().status).toBe(2);
  });
});
