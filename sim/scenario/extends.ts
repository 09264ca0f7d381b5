// Follows `extends` from a scenario to its bases and deep-merges them (maps merge,
// lists and scalars replace). Paths are joined by hand, POSIX style, because this
// code also runs in a browser worker: the caller supplies how a path is read, and
// may tighten (never loosen) which paths `extends` may reach.

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

/**
 * How `extends` reaches other files. By default a scenario may extend only .yaml, .yml
 * or .json files in its own folder or below it, or a built-in scenario by name: a
 * scenario from elsewhere must not be able to read the rest of the machine.
 */
export interface ExtendsAccess {
  /** Reads a file the policy allowed; a thrown message is shown to the user. */
  readFile: ReadFile;
  /** More folders any `extends` may reach (the CLI's --extends-root), as readFile names paths. */
  roots?: readonly string[];
  /**
   * Whether `target`, named by the file `from`, lies in `from`'s folder tree or under a
   * root. The default compares the joined paths; the Node reader also follows symbolic
   * links. Its answer must not depend on whether anything outside those folders exists.
   */
  allows?: (target: string, from: string) => boolean;
  /** The path (for readFile) of the built-in scenario of this name, or undefined. */
  builtin?: (name: string) => string | undefined;
  /** Names of the built-in scenarios, for messages. */
  builtinNames?: readonly string[];
}

/** The file extensions `extends` may name. */
export const EXTENDS_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** A reference without a folder or extension names a built-in scenario ("dpv"). */
const BUILTIN_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** True when `target` is `folder` or lies below it; both as resolveRelative joins them. */
export function isInsideFolder(target: string, folder: string): boolean {
  const dir = folder === '' || folder.endsWith('/') ? folder : `${folder}/`;
  if (dir === '') return !target.startsWith('/') && !/^[A-Za-z]:\//.test(target) && target !== '..' && !target.startsWith('../');
  return target.startsWith(dir);
}

const lexicallyAllowed = (roots: readonly string[]) => (target: string, from: string) =>
  [dirname(from.replace(/\\/g, '/')), ...roots.map((r) => resolveRelative('', r))].some((f) => isInsideFolder(target, f));

function whatIsAllowed(from: string, access: ExtendsAccess): string {
  const folder = dirname(from.replace(/\\/g, '/')) || './';
  const roots = access.roots?.length ? ` or in ${access.roots.map((r) => `"${r}"`).join(', ')}` : '';
  const names = access.builtinNames?.length ? ` (${access.builtinNames.join(', ')})` : '';
  return `extends may name a ${EXTENDS_EXTENSIONS.join(', ').replace(/, (?=[^,]*$)/, ' or ')} file in "${folder}" or below${roots}, ` +
    `or a built-in scenario by name${names}`;
}

export function loadLayers(text: string, file: string, readFile?: ReadFile | ExtendsAccess): Layers {
  const access: ExtendsAccess | undefined = typeof readFile === 'function' ? { readFile } : readFile;
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
    if (typeof ref !== 'string' || ref.trim() === '') return at('must be the path of a scenario file, e.g. "./base.yaml", or a built-in scenario name');
    const name = ref.trim();
    if (!access) return at(`cannot read "${name}": no file reader was given to loadScenario`);
    let target: string;
    if (BUILTIN_NAME.test(name)) {
      const found = access.builtin?.(name);
      if (!found) {
        const known = access.builtinNames?.length ? `built-in scenarios: ${access.builtinNames.join(', ')}` : 'no built-in scenarios are available here';
        return at(`no built-in scenario "${name}" (${known}); to extend a file, write its path with its extension, e.g. "./${name}.yaml"`);
      }
      target = found;
    } else {
      // Checked on the text as written, before anything touches the disk, so a refusal
      // says nothing about what exists at the target.
      if (!EXTENDS_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
        return at(`"${name}" is not a scenario file; ${whatIsAllowed(current.file, access)}`);
      }
      target = resolveRelative(current.file, name);
      const allows = access.allows ?? lexicallyAllowed(access.roots ?? []);
      if (!allows(target, current.file)) {
        return at(`"${name}" is outside the folder of this scenario; ${whatIsAllowed(current.file, access)}; ` +
          'to allow another folder, pass --extends-root DIR');
      }
    }
    if (seen.includes(target)) {
      const names = [...chain.map((c) => c.file), target];
      return at(`extends cycle: ${names.join(' -> ')}`);
    }
    if (chain.length >= LIMITS.extendsDepth) return at(`extends chain is longer than ${LIMITS.extendsDepth} files`);
    let baseText: string;
    try {
      baseText = access.readFile(target);
    } catch (e) {
      return at(`cannot read "${name}" (${target}): ${(e as Error).message}`);
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
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(over)) setOwn(out, k, Object.prototype.hasOwnProperty.call(base, k) ? deepMerge(base[k], v) : v);
  return out;
}

/** `o[k] = v` that stays an own property even for "__proto__" (refused earlier, by
 * yaml-checks.ts; this keeps the merge safe should one ever get through). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
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
