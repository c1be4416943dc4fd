// Global setup of every test project: `npm test` leaves the working tree as it found it. Tests
// write to temporary directories; only LEVERAGE_SCREENSHOTS=1 refreshes the README's screenshots.
// The tree is read through git (tracked, untracked and ignored files, node_modules aside) before a
// project starts and again when it ends; a file that appeared or changed fails the run by name.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const SKIP = /^node_modules\//;

/** Every path git reports as changed, untracked or ignored, with its size and modification time. */
export function treeStamps(cwd = process.cwd()): Map<string, string> | null {
  let raw: string;
  try {
    raw = execFileSync('git', ['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all'], {
      cwd,
      encoding: 'utf8',
    });
  } catch {
    return null; // not a git checkout (an unpacked tarball): nothing to compare
  }
  const stamps = new Map<string, string>();
  for (const entry of raw.split('\0')) {
    if (entry.length < 4) continue;
    const path = entry.slice(3);
    if (SKIP.test(path) || (process.env.LEVERAGE_SCREENSHOTS === '1' && path.startsWith('assets/screenshots/')))
      continue;
    let stamp = 'gone';
    try {
      const s = statSync(`${cwd}/${path}`);
      stamp = `${s.size}:${s.mtimeMs}`;
    } catch {
      /* deleted: 'gone' */
    }
    stamps.set(path, `${entry.slice(0, 2)} ${stamp}`);
  }
  return stamps;
}

/** Paths new or different in `after`. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([path, stamp]) => before.get(path) !== stamp).map(([path]) => path);
}

export default function setup(): () => void {
  const before = treeStamps();
  return () => {
    if (!before) return;
    const changed = changedPaths(before, treeStamps()!);
    if (changed.length > 0)
      throw new Error(
        `The tests left the working tree changed (${changed.join(', ')}): tests must write to a temporary directory.`,
      );
  };
}
