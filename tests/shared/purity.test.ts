// README: "shared/ — the rules engine … No I/O, no clock." Every file of shared/ is parsed and
// its imports and the globals it touches are checked, so a game replays the same anywhere (the
// server, the browser, a test) and a log alone rebuilds every state.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('shared');
/** Packages shared/ may use: pure computation only. */
const PACKAGES = new Set(['zod']);
/** Globals that reach a clock, a timer, a random source, the network, storage, the page or the process. */
const GLOBALS = new Set([
  'Date',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'process',
  'require',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'document',
  'window',
  'navigator',
  'globalThis',
  'console',
  'crypto',
  'Buffer',
]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Everything in one source file that reaches outside pure computation, as "line: what". */
function impurities(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(path), specifier);
      const inside = [ROOT, resolve('assets')].some((dir) => !relative(dir, target).startsWith('..'));
      if (!inside) at(node, `imports ${specifier} from outside shared/ and assets/`);
    } else if (!PACKAGES.has(specifier)) at(node, `imports ${specifier}`);
  };
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) checkSpecifier(node, arg.text);
      else at(node, 'imports a computed module');
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Math' &&
      node.name.text === 'random'
    ) {
      at(node, 'Math.random (use the game’s seeded generator)');
    } else if (ts.isIdentifier(node) && GLOBALS.has(node.text) && isValueReference(node)) {
      at(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An identifier read as a value: not a property name, a declaration's name, or a type. */
function isValueReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p)) &&
    p.name === node
  )
    return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p))
    return false;
  if (
    (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) &&
    p.name === node
  )
    return false;
  return true;
}

describe('shared/ has no I/O and no clock', () => {
  const all = files(ROOT);

  it('scans every source file of shared/', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining(['engine/apply.ts', 'protocol.ts', 'bots/bot.ts', 'record/log.ts']),
    );
  });

  it.each(all.map((f) => [relative(ROOT, f), f]))(
    '%s imports only shared code, assets and zod, and reads no clock, timer, random source or outside world',
    (_name, file) => {
      expect(impurities(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('catches each kind of impurity', () => {
    const file = join(ROOT, 'engine', 'example.ts');
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import { Room } from '@colyseus/core';",
      "import Phaser from 'phaser';",
      "export { x } from '../../server/context';",
      "const later = await import('node:timers');",
      'const t = Date.now();',
      'const d = new Date();',
      'setTimeout(() => 1, 5);',
      'const r = Math.random();',
      'console.log(process.env.X);',
    ].join('\n');
    expect(impurities(file, bad)).toEqual([
      '1: imports node:fs',
      '2: imports @colyseus/core',
      '3: imports phaser',
      '4: imports ../../server/context from outside shared/ and assets/',
      '5: imports node:timers',
      '6: Date',
      '7: Date',
      '8: setTimeout',
      '9: Math.random (use the game’s seeded generator)',
      '10: console',
      '10: process',
    ]);
    const fine = [
      "import { z } from 'zod';",
      "import harbour from '../../assets/scenarios/harbour-development.json';",
      "import { apply } from './apply';",
      'interface When { date: Date }',
      'const o = { console: 1, process: 2 }; o.process = 3;',
    ].join('\n');
    expect(impurities(file, fine)).toEqual([]);
  });
});
