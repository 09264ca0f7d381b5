// Atomic output: write to a temporary file beside the target, then rename over it, so
// a reader never sees a half-written file and a failed run leaves nothing behind.
// Missing folders on the way are created. Every failure names the path the user gave,
// never the temporary file, and removes the temporary file (a full disk included).
//
// `checkWritable` runs the same checks before any work, so that `-o` onto a folder or
// into a read-only place is refused at once instead of after every replication.

import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Writing an output failed: the message names the user's path and the reason. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'no such folder',
  ENAMETOOLONG: 'the name is too long',
  EFBIG: 'the file is too large for this file system',
  EIO: 'input/output error',
};

/** A file-system error as a short reason: "no space left on the device (ENOSPC)". */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

function fail(path: string, e: unknown): never {
  if (e instanceof OutputError) throw e;
  throw new OutputError(`cannot write ${path}: ${reasonOf(e)}`, path, (e as NodeJS.ErrnoException | undefined)?.code);
}

/** Writes the chunks `produce` hands to `write` to `path`, atomically. */
export function writeAtomic(path: string, produce: (write: (chunk: string | Uint8Array) => void) => void): void {
  const dir = dirname(resolve(path));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(path, e);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // A new file gets the usual mode (0666 less the umask); a file written over keeps its
    // own, so a report made private (0600) stays private when it is written again.
    fd = openSync(tmp, 'wx', 0o666);
    const previous = statOrUndefined(path);
    if (previous?.isFile()) fchmodSync(fd, previous.mode & 0o7777);
    const f = fd;
    produce((chunk) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      // writeSync may write less than asked (a signal, a pipe): go on until done.
      for (let off = 0; off < buf.length; ) off += writeSync(f, buf, off, buf.length - off);
    });
    // Some file systems report a full disk only when the data reaches it.
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the temporary file goes next
      }
    }
    rmSync(tmp, { force: true });
    fail(path, e);
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeAtomic(path, (write) => write(data));
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The nearest folder on the way up from `dir` that exists, and whether it is a folder. */
function nearestExisting(dir: string): { path: string; isDir: boolean } {
  let p = resolve(dir);
  for (;;) {
    let st;
    try {
      st = statOrUndefined(p);
    } catch (e) {
      // ENOTDIR: a file on the way; report it as "not a folder" below.
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
    }
    if (st) return { path: p, isDir: st.isDirectory() };
    const up = dirname(p);
    if (up === p) return { path: p, isDir: true };
    p = up;
  }
}

/** Can files be created in folder `dir` (or in the folders that would be made for it)? A reason if not. */
function folderProblem(dir: string): string | undefined {
  const near = nearestExisting(dir);
  if (!near.isDir) return `${near.path} is a file, not a folder`;
  // Permission bits do not bind root, and a read-only mount is not in them: try it.
  const probe = join(near.path, `.stroom-probe-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (e) {
    rmSync(probe, { force: true });
    return `cannot create files in ${near.path}: ${reasonOf(e)}`;
  }
  return undefined;
}

/** Why `path` cannot be written as an output file, or undefined if it can. Creates nothing. */
export function outputFileProblem(path: string): string | undefined {
  if (path.trim() === '') return 'an empty file name';
  let st;
  try {
    st = statOrUndefined(resolve(path));
  } catch (e) {
    return reasonOf(e);
  }
  if (st?.isDirectory()) return 'is a folder; give a file name inside it';
  if (st && !st.isFile()) return 'is not a regular file (a device, pipe or socket); outputs are written as files, atomically (leave out -o for stdout)';
  if (st) {
    try {
      accessSync(resolve(path), constants.W_OK);
    } catch (e) {
      return `the file is not writable: ${reasonOf(e)}`;
    }
  }
  return folderProblem(dirname(resolve(path)));
}

/** Why `dir` cannot be used as an output folder, or undefined if it can. Creates nothing. */
export function outputFolderProblem(dir: string): string | undefined {
  if (dir.trim() === '') return 'an empty folder name';
  let st;
  try {
    st = statOrUndefined(resolve(dir));
  } catch (e) {
    return reasonOf(e);
  }
  if (st && !st.isDirectory()) return 'is a file, not a folder';
  return folderProblem(resolve(dir));
}
