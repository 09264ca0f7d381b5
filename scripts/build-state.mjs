// Whether dist/ holds a build of the current sources. Shared by the build script
// (scripts/build.mjs), which compares content hashes, and bin/stroom.js, which only
// compares modification times so that a CLI start costs a directory walk, not a read
// of every source.
//
// The inputs of a build: every .ts file under sim/, the two tsconfig files, the build
// scripts themselves, and the versions of the packages whose code the build compiles
// into dist/ (ajv for the scenario validator, mathjs and its helpers for the unit
// parser, TypeBox for the schema, yaml for the scenario reader). The stamp, dist/.build-stamp, holds the hash of those inputs and is written
// last, after a build succeeded.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const STAMP = join('dist', '.build-stamp');
export const ENTRY = join('dist', 'sim', 'cli', 'entry.js');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];
const SCRIPTS = ['build.mjs', 'build-state.mjs', 'build-extras.mjs'];
const BUNDLED_PACKAGES = ['ajv', 'mathjs', 'typed-function', '@sinclair/typebox', 'yaml', 'esbuild'];

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every input file of a build that exists, sorted, as absolute paths. */
export function inputFiles(root) {
  const files = walk(join(root, 'sim'), []);
  for (const c of CONFIGS) files.push(join(root, c));
  for (const s of SCRIPTS) files.push(join(root, 'scripts', s));
  return files.filter((f) => existsSync(f)).sort();
}

function packageVersions(root) {
  return BUNDLED_PACKAGES.map((name) => {
    try {
      return `${name}@${JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version}`;
    } catch {
      return `${name}@missing`;
    }
  }).join(' ');
}

/** A hash of the inputs' names and contents and of the bundled packages' versions. */
export function inputHash(root) {
  const h = createHash('sha256');
  for (const f of inputFiles(root)) {
    h.update(relative(root, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  h.update(packageVersions(root));
  return h.digest('hex');
}

export function readStamp(root) {
  try {
    return readFileSync(join(root, STAMP), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Cheap check for the CLI: dist/ has been built (stamp and entry point exist) and no
 * input was modified after the stamp was written. A file touched without a change
 * makes this false until the next build, which then only renews the stamp's time.
 */
export function distLooksFresh(root) {
  let stampTime;
  try {
    stampTime = statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return false;
  }
  if (!existsSync(join(root, ENTRY))) return false;
  for (const f of inputFiles(root)) {
    if (statSync(f).mtimeMs > stampTime) return false;
  }
  return true;
}
