// Addressing a value inside a scenario by a path string such as
// 'policies.protectedDesignShare' or 'teams[2].capacity'. Sweeps name their
// factors this way, so a typo must fail loudly (naming the missing segment)
// rather than silently adding a new key that the model never reads.

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Splits 'a.b[2].c' (also a["x.y"] / a['x']) into ['a', 'b', 2, 'c']. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`invalid path "${path}": ${why} at character ${i}`);
  };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('unclosed "["');
      const inner = path.slice(i + 1, close);
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) segments.push(quoted[2]!);
      else if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else fail(`bracket must hold an index or a quoted key, got [${inner}]`);
      i = close + 1;
      if (i < path.length && path[i] !== '.' && path[i] !== '[') fail('expected "." or "[" after "]"');
      if (path[i] === '.') i++;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    if (end === i) fail('empty segment');
    segments.push(path.slice(i, end));
    i = end;
    if (path[i] === '.') {
      i++;
      if (i === path.length) fail('trailing "."');
    }
  }
  if (segments.length === 0) throw new Error(`invalid path "${path}": empty path`);
  for (const s of segments) {
    if (typeof s === 'string' && FORBIDDEN_KEYS.has(s)) throw new Error(`invalid path "${path}": segment "${s}" is not allowed`);
  }
  return segments;
}

/** Renders segments back to the canonical path text (used in error messages). */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[^.[\]]+$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** The container one segment steps into, or an Error message saying why it doesn't exist. */
function step(container: unknown, seg: PathSegment, path: string, before: readonly PathSegment[]): unknown {
  const where = formatPath(before);
  if (typeof seg === 'number') {
    if (!Array.isArray(container)) {
      throw new Error(`path "${path}": segment [${seg}] is missing: ${where} is not an array`);
    }
    if (seg >= container.length) {
      throw new Error(`path "${path}": segment [${seg}] is missing: ${where} has only ${container.length} elements`);
    }
    return container[seg];
  }
  if (container === null || typeof container !== 'object' || Array.isArray(container)) {
    throw new Error(`path "${path}": segment "${seg}" is missing: ${where} is not an object`);
  }
  if (!Object.prototype.hasOwnProperty.call(container, seg)) {
    throw new Error(`path "${path}": segment "${seg}" is missing: ${where} has no key "${seg}"`);
  }
  return (container as Record<string, unknown>)[seg];
}

/** The value at `path`; throws (naming the missing segment) if it doesn't exist. */
export function getPath(obj: unknown, path: string): unknown {
  const segments = parsePath(path);
  let cur = obj;
  for (let k = 0; k < segments.length; k++) cur = step(cur, segments[k]!, path, segments.slice(0, k));
  return cur;
}

/**
 * A deep copy of `obj` with the existing value at `path` replaced by `value`.
 * The original is untouched, so one base scenario can feed every design point.
 */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const segments = parsePath(path);
  const copy = structuredClone(obj);
  let cur: unknown = copy;
  for (let k = 0; k < segments.length - 1; k++) cur = step(cur, segments[k]!, path, segments.slice(0, k));
  const last = segments[segments.length - 1]!;
  step(cur, last, path, segments.slice(0, -1));
  (cur as Record<PathSegment, unknown>)[last] = structuredClone(value);
  return copy;
}

/** Applies every (path → value) of a design point to a deep copy of `obj`. */
export function applyPoint<T>(obj: T, point: Record<string, unknown> | undefined): T {
  if (point === undefined) return structuredClone(obj);
  let out = obj;
  for (const [path, value] of Object.entries(point)) out = setPath(out, path, value);
  return out === obj ? structuredClone(obj) : out;
}
