// Follows `extends` from a scenario to its bases and deep-merges them (maps merge,
// lists and scalars replace). Paths are joined by hand, POSIX style, because this
// code also runs in a browser worker: the caller supplies how a path is read.

import { IssueList, type Locator, scenarioError } from './errors.js';
import { LIMITS } from './limits.js';
import { getAt, isPlainObject, type Path } from './paths.js';
import { locateIn, parseSource, type SourceFile } from './source-text.js';

export type ReadFile = (path: string) => string;

/** The files of one scenario, base first; the scenario itself is last. */
export type Layers = readonly SourceFile[];

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

/** Joins `ref` to the directory of `from` and folds "." and ".." segments. */
export function resolveRelative(from: string, ref: string): string {
  const refN = ref.replace(/\\/g, '/');
  const absolute = refN.startsWith('/') || /^[A-Za-z]:\//.test(refN);
  const joined = absolute ? refN : dirname(from.replace(/\\/g, '/')) + refN;
  const lead = joined.startsWith('/') ? '/' : '';
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && lead === '/') continue;
    else out.push(seg);
  }
  return lead + out.join('/');
}

export function loadLayers(text: string, file: string, readFile?: ReadFile): Layers {
  const chain: SourceFile[] = [parseSource(text, file)];
  const seen = [resolveRelative('', file)];
  for (;;) {
    const current = chain[chain.length - 1]!;
    const ref = current.data.extends;
    if (ref === undefined) break;
    const issues = new IssueList();
    const at = (message: string): never => {
      issues.add(['extends'], message, { file: current.file, ...locateIn(current, ['extends']) });
      throw scenarioError(file, issues);
    };
    if (typeof ref !== 'string' || ref.trim() === '') return at('must be the path of a scenario file, e.g. "./base.yaml"');
    const target = resolveRelative(current.file, ref.trim());
    if (seen.includes(target)) {
      const names = [...chain.map((c) => c.file), target];
      return at(`extends cycle: ${names.join(' -> ')}`);
    }
    if (chain.length >= LIMITS.extendsDepth) return at(`extends chain is longer than ${LIMITS.extendsDepth} files`);
    if (!readFile) return at(`cannot read "${ref}": no file reader was given to loadScenario`);
    let baseText: string;
    try {
      baseText = readFile(target);
    } catch (e) {
      return at(`cannot read "${ref}" (${target}): ${(e as Error).message}`);
    }
    seen.push(target);
    chain.push(parseSource(baseText, target));
  }
  return chain.reverse();
}

/** The effective document: each layer merged onto the ones before it. */
export function mergeLayers(layers: Layers): Record<string, unknown> {
  let merged: unknown = {};
  for (const layer of layers) merged = deepMerge(merged, layer.data);
  const out = merged as Record<string, unknown>;
  delete out.extends;
  return out;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = Object.prototype.hasOwnProperty.call(base, k) ? deepMerge(base[k], v) : v;
  return out;
}

/** The layer that supplied the value at `path` (the last one holding it), if any. */
export function layerOf(layers: Layers, path: Path): SourceFile | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    if (getAt(layers[i]!.data, path) !== undefined) return layers[i];
  }
  return undefined;
}

/** Finds the file, line and column for a path in the merged document. */
export function layerLocator(layers: Layers): Locator {
  return (path, file) => {
    if (file !== undefined) {
      const src = layers.find((l) => l.file === file);
      const pos = src && locateIn(src, path);
      return pos ? { file, ...pos } : undefined;
    }
    for (let n = path.length; n >= 0; n--) {
      const src = layerOf(layers, path.slice(0, n));
      if (src) {
        const pos = locateIn(src, path.slice(0, n));
        return pos ? { file: src.file, ...pos } : undefined;
      }
    }
    return undefined;
  };
}
