// Checks on a scenario's YAML that the yaml library does not make, or makes with a
// message that does not say what to fix: nesting depth (on the token tree, before the
// library's recursive composer runs), tags, duplicate keys, keys that are not plain
// names, and keys that would reach into JavaScript objects' prototypes. Every walk here
// keeps its own stack, so no input can overflow the call stack.

import type { CST, Document, LineCounter } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from './yaml-lib.js';
import type { IssueList } from './errors.js';
import { LIMITS } from './limits.js';
import type { Path } from './paths.js';

/** Keys that name parts of every JavaScript object; as data keys they could replace an
 * object's prototype while merging, so they are refused wherever they appear. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);
const TOKEN_FIELDS = ['start', 'items', 'key', 'sep', 'value', 'end', 'props'] as const;

export const NESTING_HINT = `YAML nesting is deeper than ${LIMITS.nestingDepth} levels (lists and mappings inside each other); ` +
  `scenarios need fewer than 10, so check the brackets and indentation from here`;

/** Offset of the first collection nested deeper than the limit, if any. */
export function tooDeepToken(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<[unknown, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (Array.isArray(t)) {
      for (const x of t) stack.push([x, depth]);
      continue;
    }
    if (t === null || typeof t !== 'object') continue;
    const tok = t as Record<string, unknown>;
    const d = typeof tok.type === 'string' && COLLECTIONS.has(tok.type) ? depth + 1 : depth;
    if (d > LIMITS.nestingDepth) return typeof tok.offset === 'number' ? tok.offset : 0;
    for (const f of TOKEN_FIELDS) if (f in tok) stack.push([tok[f], d]);
  }
  return undefined;
}

/** True when plain data (after aliases are expanded) nests deeper than the limit.
 * Aliases share objects, so an object is walked again only when reached deeper. */
export function tooDeepData(root: unknown): boolean {
  const seenAt = new Map<object, number>();
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (depth + 1 > LIMITS.nestingDepth) return true;
    if ((seenAt.get(x) ?? -1) >= depth) continue;
    seenAt.set(x, depth);
    for (const v of Object.values(x)) stack.push([v, depth + 1]);
  }
  return false;
}

/** `tag:yaml.org,2002:str` as it was likely written: `!!str`. */
function shownTag(tag: string): string {
  const core = 'tag:yaml.org,2002:';
  return tag.startsWith(core) ? `!!${tag.slice(core.length)}` : tag;
}

type Range = [number, number, number];
const startOf = (node: unknown): number => (node as { range?: Range } | null)?.range?.[0] ?? 0;

/**
 * Walks the composed document and adds an issue, with its path and position, for each
 * tag, key that is not a plain scalar, duplicate key and reserved key.
 */
export function checkDocument(doc: Document, lines: LineCounter, issues: IssueList): void {
  const at = (node: unknown) => {
    const pos = lines.linePos(startOf(node));
    return { line: pos.line, column: pos.col };
  };
  const tagged = (node: unknown, path: Path) => {
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag === undefined || isAlias(node)) return;
    issues.add(path, `YAML tag "${shownTag(tag)}" is not allowed in scenarios: write the plain value (quote it to make it text, e.g. "1.5")`, at(node));
  };
  const stack: Array<{ node: unknown; path: Path }> = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    tagged(node, path);
    const next: Array<{ node: unknown; path: Path }> = [];
    if (isSeq(node)) {
      node.items.forEach((item, i) => next.push({ node: item, path: [...path, i] }));
    } else if (isMap(node)) {
      const firstLine = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key;
        if (key !== null && !isScalar(key)) {
          issues.add(path, 'YAML: mapping keys must be plain names, not lists or mappings', at(key));
          continue;
        }
        const name = String(key?.value ?? '');
        const keyPath = [...path, name];
        tagged(key, keyPath);
        const where = at(key);
        if (RESERVED_KEYS.has(name)) {
          issues.add(keyPath, `unknown key "${name}": the names __proto__, constructor and prototype are not allowed as keys anywhere in a scenario`, where);
        }
        const first = firstLine.get(name);
        if (first !== undefined) {
          issues.add(keyPath, `duplicate key "${name}" (first at line ${first}); a key may appear once in a mapping: remove one or merge them`, where);
        } else {
          firstLine.set(name, where.line);
        }
        next.push({ node: pair.value, path: keyPath });
      }
    }
    // Reversed, so issues come out in file order.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
}
