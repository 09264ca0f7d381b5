#!/usr/bin/env node
// `npm run build` (also run before `npm start` and `npm test`): compiles sim/ into
// dist/ only when something it is built from changed. An unchanged tree costs one
// hash of the sources (tens of milliseconds) instead of a TypeScript run of seconds;
// a changed one gets an incremental tsc (dist/.tsbuildinfo) and the build-time
// extras of scripts/build-extras.mjs. `--force` rebuilds regardless.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY, inputHash, readStamp, STAMP } from './build-state.mjs';

/**
 * Builds `root` if its inputs differ from the stamp's. `compile(root)` does the work
 * (tsc and extras in a real build; a stand-in in tests). Returns whether it ran.
 */
export async function build({ root, compile, force = false }) {
  const stamp = join(root, STAMP);
  const startedAt = new Date();
  const hash = inputHash(root);
  if (!force && readStamp(root) === hash && existsSync(join(root, ENTRY))) {
    // Same contents (a file may have been touched): renew the stamp's time so that
    // bin/stroom.js, which compares times only, trusts dist/ again.
    utimesSync(stamp, startedAt, startedAt);
    return { built: false };
  }
  rmSync(stamp, { force: true }); // a failed build must not leave a valid stamp behind
  // tsc trusts its build info: without the files it describes it would emit nothing.
  // --force means a full tsc run as well.
  if (force || !existsSync(join(root, ENTRY))) rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
  await compile(root);
  const tmp = `${stamp}.${process.pid}.tmp`;
  writeFileSync(tmp, `${hash}\n`);
  // Dated to when the inputs were read: a source saved during the build is newer, so
  // bin/stroom.js will not run the build that missed it.
  utimesSync(tmp, startedAt, startedAt);
  renameSync(tmp, stamp);
  return { built: true };
}

/** The real build: incremental tsc, then the generated modules. */
export async function compileAll(root) {
  const pkg = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
  const tsc = join(dirname(pkg), JSON.parse(readFileSync(pkg, 'utf8')).bin.tsc);
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new BuildError(`tsc failed (exit ${r.status ?? r.signal})`);
  const { buildExtras } = await import('./build-extras.mjs');
  await buildExtras(root);
}

export class BuildError extends Error {}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const t0 = performance.now();
  try {
    const { built } = await build({ root, compile: compileAll, force: process.argv.includes('--force') });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(built ? `build: dist/ rebuilt in ${secs} s\n` : 'build: dist/ is up to date\n');
  } catch (e) {
    process.stderr.write(`build: ${e instanceof BuildError ? e.message : (e?.stack ?? e)}\n`);
    process.exitCode = 1;
  }
}
