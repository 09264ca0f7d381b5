// The build's up-to-date check (scripts/build.mjs, scripts/build-state.mjs) on a small
// stand-in project: a build runs when dist/ is missing or an input changed, and only
// then; bin/stroom.js's cheap check agrees. The compile step is a stand-in that counts
// its calls and writes the entry point, so no TypeScript runs here.

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build scripts, without type declarations
import { build } from '../../scripts/build.mjs';
// @ts-expect-error plain JavaScript build scripts, without type declarations
import { distLooksFresh, inputHash, readStamp } from '../../scripts/build-state.mjs';

let root: string;
let compiles: number;

const compile = async (r: string) => {
  compiles++;
  mkdirSync(join(r, 'dist', 'sim', 'cli'), { recursive: true });
  writeFileSync(join(r, 'dist', 'sim', 'cli', 'entry.js'), '// built\n');
};
/** A build, as if it had happened 30 s ago (so that files saved "now" are newer than it). */
const run = async (force = false): Promise<boolean> => {
  const { built } = (await build({ root, compile, force })) as { built: boolean };
  age(join(root, 'dist', '.build-stamp'), 30);
  return built;
};

/** Sets a file's modification time `secondsAgo` in the past (or future, if negative). */
function age(file: string, secondsAgo: number): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, t, t);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stroom-build-'));
  compiles = 0;
  mkdirSync(join(root, 'sim', 'model'), { recursive: true });
  writeFileSync(join(root, 'sim', 'model', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'sim', 'b.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'tsconfig.build.json'), '{}\n');
  for (const f of [join(root, 'sim', 'model', 'a.ts'), join(root, 'sim', 'b.ts'), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')]) age(f, 60);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build up-to-date check', () => {
  it('builds a fresh tree (no dist/), then not again while nothing changed', async () => {
    expect(distLooksFresh(root)).toBe(false);
    expect(await run()).toBe(true);
    expect(compiles).toBe(1);
    expect(readStamp(root)).toBe(inputHash(root));
    expect(distLooksFresh(root)).toBe(true);
    expect(await run()).toBe(false);
    expect(await run()).toBe(false);
    expect(compiles).toBe(1);
  });

  it('rebuilds when a source changes, and the CLI stops trusting dist/ until then', async () => {
    await run();
    writeFileSync(join(root, 'sim', 'model', 'a.ts'), 'export const a = 3;\n');
    age(join(root, 'sim', 'model', 'a.ts'), 1); // saved a second ago, after the last build (30 s ago)
    expect(distLooksFresh(root)).toBe(false);
    expect((await build({ root, compile })).built).toBe(true);
    expect(compiles).toBe(2);
    expect(distLooksFresh(root)).toBe(true);
  });

  it('rebuilds when a source is added or removed, or a tsconfig changes', async () => {
    await run();
    writeFileSync(join(root, 'sim', 'c.ts'), 'export const c = 1;\n');
    expect(await run()).toBe(true);
    rmSync(join(root, 'sim', 'c.ts'));
    expect(await run()).toBe(true);
    writeFileSync(join(root, 'tsconfig.build.json'), '{ "compilerOptions": {} }\n');
    expect(await run()).toBe(true);
    expect(compiles).toBe(4);
  });

  it('does not rebuild a touched but unchanged source; the renewed stamp makes the CLI trust dist/ again', async () => {
    await run();
    age(join(root, 'sim', 'b.ts'), 1);
    expect(distLooksFresh(root)).toBe(false);
    expect((await build({ root, compile })).built).toBe(false);
    expect(compiles).toBe(1);
    expect(distLooksFresh(root)).toBe(true);
  });

  it('rebuilds when the compiled entry point is gone, or with force', async () => {
    await run();
    rmSync(join(root, 'dist', 'sim'), { recursive: true });
    expect(distLooksFresh(root)).toBe(false);
    expect(await run()).toBe(true);
    expect(await run(true)).toBe(true);
    expect(compiles).toBe(3);
  });

  it('leaves no valid stamp behind when the compile fails', async () => {
    await run();
    writeFileSync(join(root, 'sim', 'b.ts'), 'export const b = ;\n');
    const failing = async () => {
      throw new Error('tsc failed');
    };
    await expect(build({ root, compile: failing })).rejects.toThrow('tsc failed');
    expect(readStamp(root)).toBeUndefined();
    expect(distLooksFresh(root)).toBe(false);
    expect(await run()).toBe(true);
  });
});
