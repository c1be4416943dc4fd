// The studio's draft operations: every role keeps a value for every option as issues and options
// come and go or are renamed, and keys from a file never reach an object's prototype.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addIssue,
  addOption,
  addRole,
  at,
  checkNow,
  editJson,
  readUpload,
  removeIssue,
  removeOption,
  renameIssue,
  renameOption,
  setAt,
  startFrom,
  studio,
} from '../../client/studio/model';
import { blankScenario } from '../../shared/studio/blank';
import { TOO_DEEP } from '../../shared/studio/checks';

beforeEach(() => {
  startFrom(blankScenario(), false);
});

const valueKeys = (role: number) =>
  Object.fromEntries(
    Object.entries(at(['roles', role, 'values']) as Record<string, Record<string, number>>).map(([k, v]) => [
      k,
      Object.keys(v),
    ]),
  );

describe('the studio draft', () => {
  it('gives every role a value for an added issue and option, and drops them with it', () => {
    addIssue();
    addOption(2);
    for (const role of [0, 1, 2])
      expect(valueKeys(role)).toEqual({
        'issue-1': ['option-1', 'option-2'],
        'issue-2': ['option-1', 'option-2'],
        'issue-3': ['option-1', 'option-2', 'option-3'],
      });
    removeOption(2, 0);
    removeIssue(0);
    expect(valueKeys(1)).toEqual({ 'issue-2': ['option-1', 'option-2'], 'issue-3': ['option-2', 'option-3'] });
    expect(checkNow().problems.filter((p) => p.path.includes('.values'))).toEqual([]);
  });

  it('renames the keys of every role when an issue or option id is renamed, values kept', () => {
    setAt(['roles', 1, 'values', 'issue-1', 'option-2'], 7);
    renameIssue(0, 'desks');
    renameOption(0, 1, 'rooms');
    expect(at(['roles', 1, 'values', 'desks', 'rooms'])).toBe(7);
    expect(at(['issues', 0, 'id'])).toBe('desks');
    expect(checkNow().problems.filter((p) => p.path.includes('.values'))).toEqual([]);
  });

  it('gives an added role a value for every option', () => {
    addRole();
    expect(valueKeys(3)).toEqual(valueKeys(0));
    expect(at(['roles', 3, 'id'])).toBe('role-4');
  });

  it('keeps "__proto__" from a file as data, never as a prototype', () => {
    const text = JSON.stringify(blankScenario()).replace('"id":"issue-1"', '"id":"__proto__"');
    editJson(text.replace('"values":{"issue-1"', '"values":{"__proto__"'));
    expect(studio.jsonProblems).toBeNull();
    addOption(0);
    removeOption(0, 0);
    setAt(['roles', 0, 'values', '__proto__', 'polluted'], 1);
    renameIssue(1, '__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>)['option-1']).toBeUndefined();
    expect(({} as Record<string, unknown>)['option-3']).toBeUndefined();
    expect(checkNow().problems.some((p) => p.path === 'issues[0].id')).toBe(true);
  });

  it('leaves the forms as they were when the JSON view does not parse, and says why', () => {
    const before = JSON.stringify(studio.draft);
    editJson('{"name": ');
    expect(studio.jsonProblems?.[0].message).toMatch(/not valid JSON/);
    expect(JSON.stringify(studio.draft)).toBe(before);
  });
});

describe('a draft nested too deeply (review defect 18)', () => {
  const deepText = (depth: number) => `{"name": "Deep", "roles": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
  function deepValue(depth: number): unknown {
    let x: unknown = [];
    for (let i = 0; i < depth; i++) x = [x];
    return { name: 'Deep', roles: x };
  }

  it('is refused in the JSON view with the server’s own sentence, the forms kept as they were', () => {
    const before = JSON.stringify(studio.draft);
    editJson(deepText(40_000));
    expect(studio.jsonProblems).toEqual([TOO_DEEP]);
    expect(JSON.stringify(studio.draft)).toBe(before);
  });

  it('is an upload that cannot be opened anyway', () => {
    readUpload('deep.json', deepText(40_000));
    expect(studio.upload).toEqual({ name: 'deep.json', problems: [TOO_DEEP], draft: null });
  });

  it('is never taken as the draft from anywhere, so the page keeps updating', () => {
    const before = JSON.stringify(studio.draft);
    expect(() => startFrom(deepValue(200_000), false)).not.toThrow();
    expect(JSON.stringify(studio.draft)).toBe(before);
    expect(studio.loadError).toBe(`It could not be opened: the scenario ${TOO_DEEP.message}.`);
    setAt(['name'], 'Still typing');
    expect(at(['name'])).toBe('Still typing');
  });
});
