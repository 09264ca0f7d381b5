// The compiled model, as the CLI, `npm start` and the thread pool run it. The bench runs
// its own files through tsx, but TypeScript transpiled on the fly by tsx is not the code
// users run: a DPV year ran 5-8% slower from the sources through tsx than from dist/ in
// paired runs (2026-12-06). (The compiled model ran at the same rate inside a tsx
// process as in a plain one; the in-process executor did not: reps-plain.mjs.) Cases that time
// the model therefore load it from dist/, after making sure dist/ is current (the
// build's up-to-date check, ~0.1 s when nothing changed; not timed).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');
let built = false;

/** Builds dist/ if a source changed (once per process). */
export function ensureDist(): void {
  if (built) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`build failed: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  built = true;
}

/** URL of a compiled module: `distUrl('sim/model/index.js')`. */
export function distUrl(path: string): string {
  ensureDist();
  return pathToFileURL(join(ROOT, 'dist', path)).href;
}

/** Imports a compiled module, typed as its source module. */
export async function importDist<T>(path: string): Promise<T> {
  return (await import(distUrl(path))) as T;
}
