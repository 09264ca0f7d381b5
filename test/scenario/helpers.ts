// Shared test helpers: the small fixture as text and as data, mutations of it, and an
// in-memory file reader for `extends` (what a browser worker would pass).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { ScenarioError } from '../../sim/scenario/index.js';

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const SMALL = readFileSync(fixture('small.yaml'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

/** The small fixture, changed by `f`, as YAML text. */
export function mutated(f: (d: Doc) => void): string {
  const d = parse(SMALL) as Doc;
  f(d);
  return stringify(d);
}

export function memoryReader(files: Record<string, string>) {
  return (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error('no such file');
    return text;
  };
}

/** Runs `f`, expecting a ScenarioError; returns it. */
export function scenarioErrorOf(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw new Error(`expected a ScenarioError, got ${String(e)}`);
  }
  throw new Error('expected a ScenarioError, but loading succeeded');
}
