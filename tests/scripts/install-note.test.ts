// A first install explains itself: on a system Node older than 22, right under npm's EBADENGINE
// warnings, one note says they are expected and why (scripts/install-note.mjs, run by npm as the
// project's postinstall).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function note(agent: string | undefined): string {
  const env = { ...process.env };
  delete env.npm_config_user_agent;
  if (agent !== undefined) env.npm_config_user_agent = agent;
  return execFileSync(process.execPath, ['scripts/install-note.mjs'], { env, encoding: 'utf8' });
}

describe('the install note', () => {
  it('runs after every npm install', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe('node scripts/install-note.mjs');
  });

  it('explains the EBADENGINE warnings when npm ran on a Node older than 22.13', () => {
    const text = note('npm/11.19.1 node/v20.20.2 linux x64 workspaces/false');
    expect(text).toContain('the "EBADENGINE Unsupported engine" warnings above are expected on Node 20.20.2');
    expect(text).toContain('nothing to fix');
    expect(note('npm/10.9.0 node/v22.12.0 linux x64')).toContain('expected on Node 22.12.0');
  });

  it('says nothing when npm ran on Node 22.13 or newer, or outside npm', () => {
    expect(note('npm/11.19.1 node/v22.23.3 linux x64 workspaces/false')).toBe('');
    expect(note('npm/11.0.0 node/v24.1.0 darwin arm64')).toBe('');
    expect(note(undefined)).toBe('');
  });
});
