#!/usr/bin/env node
// The `stroom` executable. Runs the compiled JavaScript in dist/ (built by `npm run
// build`, which `npm install`, `npm start` and `npm test` run first) because it starts
// several times faster; falls back to the TypeScript sources through tsx when dist/ is
// missing or older than the sources, so a fresh edit is never run stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'sim', 'cli', 'entry.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(join(root, 'sim'))) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../sim/cli/entry.ts');
}
