// The built client is also something every player downloads: it must not carry any scenario's
// private text (briefings, values, walk-aways, the debrief), which arrives only from the server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { builtInScenarios } from '../../shared/scenarios/index';
import { forbiddenFor, leaks } from '../server/secrets';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the client bundle', () => {
  it('holds no scenario secret', () => {
    const text = files(inject('clientDir'))
      .filter((f) => /\.(js|html|css|json)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(text.length).toBeGreaterThan(100_000);
    const found = builtInScenarios.flatMap((s) => leaks(text, forbiddenFor(s, null, builtInScenarios)).map((l) => `${s.id}: ${l}`));
    expect(found).toEqual([]);
  });
});
