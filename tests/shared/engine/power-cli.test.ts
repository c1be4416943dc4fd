import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Runs the instructor CLI the way `npm run power` does (tsx on the Node running the tests, which
// is the project's Node 22), from the project root.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function power(...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, 'scripts/power.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts the command: minutes, not seconds, on a busy machine.
describe('npm run power', { timeout: 180_000 }, () => {
  it('prints exactly one line of JSON with --json', () => {
    const { status, stdout, stderr } = power('--quota', '12', '--weights', '4,4,4,2,2,1', '--json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['shapleyShubik', 'banzhaf', 'minimalWinning']);
    [14 / 60, 14 / 60, 14 / 60, 9 / 60, 9 / 60, 0].forEach((x, i) => expect(out.shapleyShubik[i]).toBeCloseTo(x, 12));
    [5 / 21, 5 / 21, 5 / 21, 1 / 7, 1 / 7, 0].forEach((x, i) => expect(out.banzhaf[i]).toBeCloseTo(x, 12));
    expect(out.minimalWinning).toEqual([
      [0, 1, 2],
      [0, 1, 3, 4],
      [0, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
  });

  it('honours --veto in the JSON', () => {
    const { status, stdout } = power('--quota=2', '--weights=1,1,1', '--veto=0', '--json');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    [4 / 6, 1 / 6, 1 / 6].forEach((x, i) => expect(out.shapleyShubik[i]).toBeCloseTo(x, 12));
    expect(out.minimalWinning).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  it('prints a table with names, minimal winning coalitions and dummies', () => {
    const { status, stdout } = power('--quota', '16', '--weights', '9,9,7,3,1,1', '--names', 'H1,H2,NH,OB,GC,LB');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\s*2\s+NH\s+7\s+23\.33%\s+33\.33%\s+33\.33%\s*$/m);
    expect(stdout).toMatch(/^\s*3\s+OB\s+3\s+10\.00%\s+0\.00%\s+0\.00%\s+dummy$/m);
    expect(stdout).toContain('H1 + NH  (weight 16)');
    expect(stdout).toMatch(/Dummy seats.*3 OB, 4 GC, 5 LB\./);
  });

  it('says when the list of minimal winning coalitions is cut short', () => {
    const { status, stdout } = power('--quota', '11', '--weights', new Array(20).fill('1').join(','));
    expect(status).toBe(0);
    expect(stdout).toContain('Minimal winning coalitions (first 1000; there are more)');
  });

  it.each(
    [
      { args: ['--quota', '16'], why: /weights are missing/ },
      { args: ['--weights', '9,9,7'], why: /quota is missing/ },
      { args: ['--quota', 'lots', '--weights', '9,9,7'], why: /quota must be a number/ },
      { args: ['--quota', '0', '--weights', '9,9,7'], why: /quota must be more than zero/ },
      { args: ['--quota=-4', '--weights', '9,9,7'], why: /quota must be more than zero/ },
      { args: ['--quota', '26', '--weights', '9,9,7'], why: /more than the total weight \(25\)/ },
      { args: ['--quota', '16', '--weights', '9,nine,7'], why: /weight of seat 1 must be a whole number/ },
      { args: ['--quota', '16', '--weights', '9,9,-7'], why: /weight of seat 2 must be a whole number/ },
      { args: ['--quota', '16', '--weights', '9,9,7', '--veto', '3'], why: /Veto seat "3" does not exist/ },
      { args: ['--quota', '16', '--weights', '9,9,7', '--names', 'A,B'], why: /2 names for 3 seats/ },
      { args: ['--quota', '16', '--weights', '9,9,7', '--colour', 'red'], why: /There is no option --colour/ },
      { args: ['--quota', '16', '--weights', '9,9,7', 'extra'], why: /Unexpected argument extra/ },
      { args: ['--quota'], why: /--quota needs a value/ },
    ].map((c) => ({ ...c, command: c.args.join(' ') })),
  )('exits with code 2 and a sentence for: $command', ({ args, why }) => {
    const { status, stdout, stderr } = power(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: npm run power');
    expect(stderr).toMatch(why);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
