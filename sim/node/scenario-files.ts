// Node side of scenario loading: reads files (refusing oversized and non-UTF-8 ones
// before decoding), resolves `extends` relative to the referring file, and knows
// where the built-in scenarios live. sim/scenario itself never touches the disk.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../scenario/limits.js';
import { type ExtendsAccess, loadScenario, type Scenario } from '../scenario/load.js';
import { ScenarioError } from '../scenario/errors.js';
import { decodeScenarioBytes } from '../scenario/source-text.js';
import { allowsExtends, extendsRoots } from './extends-access.js';

/** The directory of the scenarios that ship with stroom. */
export const BUILTIN_SCENARIOS_DIR = [new URL('../../scenarios/', import.meta.url), new URL('../../../scenarios/', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../../scenarios/', import.meta.url)); // sources, or compiled in dist/

/** Reads a scenario file as text; throws ScenarioError for what cannot be a scenario. */
export function readScenarioText(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ScenarioError(path, [{ path: '', message: 'not a file' }]);
    size = st.size;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(path, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? (e as Error).message})` }]);
  }
  if (size > LIMITS.fileBytes) {
    throw new ScenarioError(path, [{ path: '', message: `file is ${(size / 1048576).toFixed(1)} MB; scenario files may be at most ${LIMITS.fileBytes / 1048576} MB` }]);
  }
  return decodeScenarioBytes(readFileSync(path), path);
}

/** Reader for `extends`: its errors become issues at the `extends` key. */
function readForExtends(path: string): string {
  try {
    return readScenarioText(path);
  } catch (e) {
    if (e instanceof ScenarioError) throw new Error(e.issues.map((i) => i.message).join('; '));
    throw e;
  }
}

/** What `extends` may read from disk: see extends-access.ts. */
export function extendsAccess(): ExtendsAccess {
  return {
    readFile: readForExtends,
    roots: extendsRoots(),
    allows: allowsExtends,
    builtin: (name) => builtinScenarioFile(name),
    builtinNames: listBuiltinScenarios(),
  };
}

/** Loads a scenario from disk; `extends` paths are relative to the file naming them. */
export function loadScenarioFile(path: string): Scenario {
  return loadScenario(readScenarioText(path), path, extendsAccess());
}

/** Names of the built-in scenarios (file names without .yaml). */
export function listBuiltinScenarios(): string[] {
  if (!existsSync(BUILTIN_SCENARIOS_DIR)) return [];
  return readdirSync(BUILTIN_SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

/** The file of the built-in scenario of this name ("dpv"), if there is one. */
export function builtinScenarioFile(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) return undefined;
  return ['.yaml', '.yml'].map((ext) => join(BUILTIN_SCENARIOS_DIR, name + ext)).find((p) => existsSync(p));
}

/** A path as given if it exists, else the built-in scenario of that name ("dpv"). */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  return builtinScenarioFile(nameOrPath) ?? nameOrPath; // reading it reports "no such file" with the name the user gave
}
