// --extends-root DIR: a folder whose scenario files any `extends` may also read. Without
// it, `extends` stays in the folder tree of the scenario that names it (see
// sim/node/extends-access.ts). Global, so every command that loads a scenario has it;
// applied before the command runs, so every load in this process sees it.

import type { Options } from 'yargs';
import { setExtendsRoots } from '../node/extends-access.js';
import { UsageError } from './errors.js';

export const EXTENDS_ROOT_OPTION: Options = {
  type: 'string',
  global: true,
  requiresArg: true,
  describe: 'a folder that `extends` in scenarios may also read from (default: only the scenario\'s own folder tree and built-in scenarios)',
};

export function applyExtendsRoot(argv: Record<string, unknown>): void {
  const v = argv['extends-root'];
  if (v === undefined) return;
  if (Array.isArray(v)) throw new UsageError(`--extends-root given ${v.length} times; give one folder`);
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError('--extends-root: give a folder, e.g. --extends-root ../shared');
  try {
    setExtendsRoots([v]);
  } catch (e) {
    throw new UsageError(`--extends-root: ${(e as Error).message}`);
  }
}
