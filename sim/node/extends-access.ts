// Which files `extends` may read on this machine. The scenario loader already refuses
// paths that leave the referring file's folder as written; here symbolic links are
// followed too (a link inside the folder may point anywhere), and the folders the user
// allowed with --extends-root are added. The answer never depends on whether a file
// outside the allowed folders exists, so a refusal reveals nothing about the machine.

import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

let roots: readonly string[] = [];

/**
 * Lets every `extends` in this process also reach these folders (the CLI's
 * --extends-root). Process-wide because scenarios are loaded from many places (run,
 * compare, sweep points, trace, validate) that all take just a file name; the CLI sets
 * it once, before loading anything. Throws an Error naming a folder that is not one.
 */
export function setExtendsRoots(dirs: readonly string[]): void {
  roots = dirs.map((d) => {
    const abs = resolve(d);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // reported below, the same way as a file
    }
    if (!isDir) throw new Error(`"${d}" is not a folder; give a folder that scenarios may extend files from`);
    return abs;
  });
}

export function extendsRoots(): readonly string[] {
  return roots;
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** The real path `abs` would open: its deepest existing ancestor with links followed,
 * plus the missing rest. Undefined for a dangling or looping link, which is refused. */
function realTarget(abs: string): string | undefined {
  const tail: string[] = [];
  let p = abs;
  for (;;) {
    const real = realOrUndefined(p);
    if (real !== undefined) return join(real, ...tail);
    try {
      lstatSync(p);
      return undefined; // p exists, yet cannot be resolved: a link to nowhere
    } catch {
      // p does not exist; whether its parent lies inside decides
    }
    const up = dirname(p);
    if (up === p) return undefined;
    tail.unshift(basename(p));
    p = up;
  }
}

/** True when `target` (named by the file `from`) really lies in from's folder tree or
 * under an --extends-root, after following symbolic links. */
export function allowsExtends(target: string, from: string): boolean {
  const real = realTarget(resolve(target));
  if (real === undefined) return false;
  return [dirname(resolve(from)), ...roots].some((folder) => {
    const f = realOrUndefined(folder);
    if (f === undefined) return false;
    return real.startsWith(f.endsWith(sep) ? f : f + sep);
  });
}
