// Changes between two views of a table, so the server sends what changed instead of the whole
// view (about 10 KB) after every move. Views are plain JSON (objects, arrays, strings, numbers,
// booleans, null); a patch is a list of operations on paths. Both sides import this file: the
// server diffs, the client applies, and applying a diff to the old view gives the new one.

export type PatchPath = (string | number)[];

export type PatchOp =
  /** Set the value at the path (a new key, a changed value, a replaced array). */
  | { p: PatchPath; v: unknown }
  /** Remove the key at the path. */
  | { p: PatchPath; d: 1 }
  /** Append these items to the array at the path (chat, proposals and history only grow). */
  | { p: PatchPath; a: unknown[] };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The operations that turn `before` into `after` (none when they are equal). */
export function diffView(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diff(before, after, [], ops);
  return ops;
}

// `path` is one stack shared by the whole walk (copied only into an op): a view has hundreds of
// nodes, and a new array per node was most of the garbage a busy server made.
function diff(a: unknown, b: unknown, path: PatchPath, ops: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) return diffArray(a, b, path, ops);
  if (isObject(a) && isObject(b)) {
    for (const key in b) {
      if (!Object.hasOwn(b, key)) continue;
      path.push(key);
      if (!Object.hasOwn(a, key)) ops.push({ p: path.slice(), v: b[key] });
      else diff(a[key], b[key], path, ops);
      path.pop();
    }
    for (const key in a) {
      if (Object.hasOwn(a, key) && !Object.hasOwn(b, key)) ops.push({ p: [...path, key], d: 1 });
    }
    return;
  }
  // Different kinds, or different primitives (NaN never occurs in JSON).
  ops.push({ p: path.slice(), v: b });
}

function diffArray(a: unknown[], b: unknown[], path: PatchPath, ops: PatchOp[]): void {
  if (b.length < a.length) {
    ops.push({ p: path.slice(), v: b });
    return;
  }
  const start = ops.length;
  for (let i = 0; i < a.length; i++) {
    path.push(i);
    diff(a[i], b[i], path, ops);
    path.pop();
  }
  // Items shifted (something removed in the middle, then something added): the whole array is shorter.
  if (ops.length - start > Math.max(2, a.length / 2)) {
    ops.length = start;
    ops.push({ p: path.slice(), v: b });
    return;
  }
  if (b.length > a.length) ops.push({ p: path.slice(), a: b.slice(a.length) });
}

/**
 * The view after the patch. The old view is left as it was: only the objects on the patched paths
 * are copied, so everything a renderer holds on to stays valid.
 */
export function applyViewPatch<T>(view: T, ops: readonly PatchOp[]): T {
  let root: unknown = view;
  for (const op of ops) root = applyOp(root, op, 0);
  return root as T;
}

function applyOp(node: unknown, op: PatchOp, depth: number): unknown {
  if (depth === op.p.length) {
    if ('v' in op) return op.v;
    if ('a' in op) {
      if (!Array.isArray(node)) throw new Error(`patch: no array at ${op.p.join('.')}`);
      return [...(node as unknown[]), ...op.a];
    }
    throw new Error(`patch: cannot delete the root`);
  }
  const key = op.p[depth];
  if (Array.isArray(node)) {
    if (typeof key !== 'number' || key < 0 || key >= node.length)
      throw new Error(`patch: no item ${String(key)} at ${op.p.slice(0, depth).join('.')}`);
    const copy = node.slice();
    copy[key] = applyOp(node[key], op, depth + 1);
    return copy;
  }
  if (!isObject(node)) throw new Error(`patch: no object at ${op.p.slice(0, depth).join('.')}`);
  const copy: Record<string, unknown> = { ...node };
  if (depth === op.p.length - 1 && 'd' in op) delete copy[key];
  // defineProperty, not assignment: a key named "__proto__" (a scenario may name an issue so) stays a key.
  else
    Object.defineProperty(copy, key, {
      value: applyOp(node[key as string], op, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}
