#!/usr/bin/env node
// The `stroom` executable. Runs the compiled JavaScript in dist/ (built by `npm run
// build`, which `npm install`, `npm start` and `npm test` run first) because it starts
// many times faster; falls back to the TypeScript sources through tsx when dist/ is
// missing or any source is newer than the last build (dist/.build-stamp, see
// scripts/build-state.mjs), so a fresh edit is never run stale.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distLooksFresh } from '../scripts/build-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (distLooksFresh(root)) {
  await import('../dist/sim/cli/entry.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../sim/cli/entry.ts');
}
