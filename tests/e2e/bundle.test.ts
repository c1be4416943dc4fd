// The built client is also something every player downloads: it must not carry any scenario's
// private text (briefings, values, walk-aways, the debrief), which arrives only from the server.
// And the lobby loads only what it needs: no Phaser until a table opens (phones join fast).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { builtInScenarios } from '../../shared/scenarios/index';
import { forbiddenFor, leaks } from '../server/secrets';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('the client bundle', () => {
  it('holds no scenario secret', () => {
    const text = files(inject('clientDir'))
      .filter((f) => /\.(js|html|css|json)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(text.length).toBeGreaterThan(100_000);
    const found = builtInScenarios.flatMap((s) =>
      leaks(text, forbiddenFor(s, null, builtInScenarios)).map((l) => `${s.id}: ${l}`),
    );
    expect(found).toEqual([]);
  });

  it('lets the lobby load without Phaser: the page preloads only the entry, and Phaser is in a chunk of its own', () => {
    const dir = inject('clientDir');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const loaded = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map(
      (m) => m[1],
    );
    expect(loaded.length).toBeGreaterThan(0);
    const text = loaded.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(text.some((t) => t.includes('Phaser v'))).toBe(false);
    const lobbyKB = text.reduce((a, t) => a + gzipSync(t, { level: 9 }).length, 0) / 1024;
    expect(lobbyKB).toBeLessThan(200);
    const all = files(dir).filter((f) => f.endsWith('.js'));
    expect(all.some((f) => readFileSync(f, 'utf8').includes('Phaser v'))).toBe(true);
  });
});
