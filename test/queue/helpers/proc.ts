// Long-running stroom processes for the queue tests (workers, sweeps to interrupt):
// collects their output and lets a test wait for a line or for the exit.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../cli/helpers.js';

export interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first stderr line matching `re` (lines seen before count too). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Calls `f` for every stderr line, past and future. */
  onLine(f: (line: string) => void): void;
}

export function spawnStroom(args: string[]): Proc {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'stroom.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let partial = '';
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    partial += d;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const f of listeners) f(line);
    }
  });
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  const onLine = (f: (line: string) => void) => {
    for (const line of lines) f(line);
    listeners.push(f);
  };
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    onLine,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
          settled = true;
          reject(new Error(`no line matching ${re} within ${timeoutMs} ms; stderr so far:\n${err}`));
        }, timeoutMs);
        void exited.then((code) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(new Error(`exited (${code}) before a line matching ${re}; stderr:\n${err}`));
        });
        onLine((line) => {
          if (settled || !re.test(line)) return;
          settled = true;
          clearTimeout(timer);
          resolve(line);
        });
      });
    },
  };
}
