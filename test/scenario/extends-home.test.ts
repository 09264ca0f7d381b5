// `extends` stays home, on a real disk: symbolic links are followed before the folder
// check, a refusal reads nothing and says the same whether or not the target exists,
// built-in scenarios are reachable by name, and --extends-root widens the folders.
// The last block runs the CLI the way a user does and checks exit code 2, the message
// and that nothing of the refused file reaches the output.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setExtendsRoots } from '../../sim/node/extends-access.js';
import { scenarioFor } from '../../sim/node/run-model.js';
import { loadScenarioFile } from '../../sim/node/scenario-files.js';
import { ScenarioError } from '../../sim/scenario/index.js';
import { stroom, tempDir } from '../cli/helpers.js';
import { fixture, scenarioErrorOf } from './helpers.js';

const BASE = readFileSync(fixture('base.yaml'), 'utf8');
const SECRET = 'stroom: 1\nsecretKeyName: "top secret value"\n';
const child = (ref: string) => `stroom: 1\nname: Child\nextends: ${ref}\n`;
const ALLOWED = 'extends may name a .yaml, .yml or .json file in';

/** root/outside holds files the scenario in root/proj must not reach. */
function layout() {
  const root = tempDir('stroom-extends-');
  const proj = join(root, 'proj');
  const outside = join(root, 'outside');
  mkdirSync(join(proj, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.yaml'), SECRET);
  writeFileSync(join(outside, 'base.yaml'), BASE);
  writeFileSync(join(proj, 'base.yaml'), BASE);
  writeFileSync(join(proj, 'notes.txt'), SECRET);
  symlinkSync(join(outside, 'secret.yaml'), join(proj, 'link-out.yaml'));
  symlinkSync('/etc/passwd', join(proj, 'passwd.yaml'));
  symlinkSync(join(outside, 'missing.yaml'), join(proj, 'dangling.yaml'));
  symlinkSync(outside, join(proj, 'linkdir'));
  symlinkSync(proj, join(root, 'proj-link'));
  return { root, proj, outside };
}

/** Writes proj/<name> extending `ref` and loads it; returns the ScenarioError. */
function refused(dir: string, ref: string, name = 'scenario.yaml'): ScenarioError {
  const file = join(dir, name);
  writeFileSync(file, child(ref));
  return scenarioErrorOf(() => loadScenarioFile(file));
}

function expectNothingLeaked(text: string): void {
  expect(text).not.toContain('secretKeyName');
  expect(text).not.toContain('top secret');
  expect(text).not.toMatch(/root:/);
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m); // no stack frames
}

const posix = process.platform !== 'win32';

describe.runIf(posix)('extends on disk', () => {
  const { root, proj, outside } = layout();
  afterEach(() => setExtendsRoots([]));

  it('refuses a symlink inside the folder that points outside, naming the referring file', () => {
    const err = refused(proj, './link-out.yaml');
    expect(err.message).toContain(`${join(proj, 'scenario.yaml')}:3:1: extends: "./link-out.yaml" is outside the folder of this scenario; ${ALLOWED} "${proj}/" or below`);
    expect(err.message).toContain('--extends-root DIR');
    expectNothingLeaked(err.message);
  });

  it('refuses a .yaml symlink to /etc/passwd without reading it', () => {
    const err = refused(proj, 'passwd.yaml');
    expect(err.message).toContain('extends: "passwd.yaml" is outside the folder of this scenario');
    expectNothingLeaked(err.message);
  });

  it('refuses a folder symlink that leads outside', () => {
    const err = refused(proj, 'linkdir/secret.yaml');
    expect(err.message).toContain('extends: "linkdir/secret.yaml" is outside the folder of this scenario');
    expectNothingLeaked(err.message);
  });

  it('says the same for a missing, a dangling and an existing file outside', () => {
    const say = (ref: string) => refused(proj, ref).message.replace(ref, 'REF');
    const existing = say('../outside/secret.yaml');
    expect(existing).toContain('is outside the folder of this scenario');
    expect(say('../outside/missing.yaml')).toBe(existing);
    expect(say('../nowhere/at/all.yaml')).toBe(existing);
    expect(say('./dangling.yaml')).toBe(existing);
    expect(say('linkdir/missing.yaml')).toBe(existing);
  });

  it('refuses /etc/passwd and a .txt file by what they are, before the disk is touched', () => {
    expectNothingLeaked(refused(proj, '/etc/passwd').message);
    expect(refused(proj, '/etc/passwd').message).toContain(`extends: "/etc/passwd" is not a scenario file; ${ALLOWED}`);
    expect(refused(proj, '../../../../../../../etc/passwd').message).toContain('is not a scenario file');
    const txt = refused(proj, './notes.txt');
    expect(txt.message).toContain('"./notes.txt" is not a scenario file');
    expectNothingLeaked(txt.message);
  });

  it('names the file of the chain that holds the refused extends', () => {
    writeFileSync(join(proj, 'sub', 'mid.yaml'), child('../../outside/secret.yaml'));
    const err = refused(proj, './sub/mid.yaml');
    expect(err.file).toBe(join(proj, 'scenario.yaml'));
    expect(err.message).toMatch(new RegExp(`^${join(proj, 'sub', 'mid.yaml')}:3:1: extends: "\\.\\./\\.\\./outside/secret\\.yaml" is outside`, 'm'));
    expect(err.message).toContain(`file in "${join(proj, 'sub')}/" or below`);
  });

  it('still says "no such file" inside the folder, where the user may know', () => {
    expect(refused(proj, './gone.yaml').message).toMatch(/extends: cannot read "\.\/gone\.yaml" \(.*gone\.yaml\): no such file/);
  });

  it('loads .yaml and .json files inside the folder, also through a symlinked folder', () => {
    writeFileSync(join(proj, 'ok.yaml'), child('./base.yaml'));
    expect(loadScenarioFile(join(proj, 'ok.yaml')).name).toBe('Child');
    expect(loadScenarioFile(join(root, 'proj-link', 'ok.yaml')).name).toBe('Child');
    writeFileSync(join(proj, 'sub', 'base.json'), JSON.stringify(parse(BASE)));
    writeFileSync(join(proj, 'on-json.yaml'), child('./sub/base.json'));
    expect(loadScenarioFile(join(proj, 'on-json.yaml')).designOrder).toContain('island');
  });

  it('extends built-in scenarios by name, and built-ins that extend each other still load', () => {
    writeFileSync(join(proj, 'on-dpv.yaml'), child('dpv'));
    const s = loadScenarioFile(join(proj, 'on-dpv.yaml'));
    expect(s.name).toBe('Child');
    expect(s.designOrder).toContain('usm');
    writeFileSync(join(proj, 'on-flow.yaml'), child('flow-teams'));
    expect(loadScenarioFile(join(proj, 'on-flow.yaml')).designOrder.length).toBeGreaterThan(0);
    expect(refused(proj, 'nosuchbuiltin').message).toMatch(/no built-in scenario "nosuchbuiltin" \(built-in scenarios: .*dpv.*\); to extend a file, write its path with its extension, e\.g\. "\.\/nosuchbuiltin\.yaml"/);
  });

  it('--extends-root allows another folder, symlinks into it included', () => {
    writeFileSync(join(proj, 'shared.yaml'), child('../outside/base.yaml'));
    expect(() => loadScenarioFile(join(proj, 'shared.yaml'))).toThrow(ScenarioError);
    setExtendsRoots([outside]);
    expect(loadScenarioFile(join(proj, 'shared.yaml')).name).toBe('Child');
    const viaLink = refused(proj, './link-out.yaml'); // now allowed: only the secret's own content fails
    expect(viaLink.message).not.toContain('is outside the folder');
    expect(refused(proj, '/etc/passwd.yaml').message).toContain(`or in "${outside}"`);
    expect(() => setExtendsRoots([join(root, 'nope')])).toThrow(/is not a folder/);
  });

  it('refuses a design point that reaches a prototype', () => {
    const err = scenarioErrorOf(() => scenarioFor(join(proj, 'base.yaml'), { '__proto__.polluted': 1 }));
    expect(err.message).toMatch(/"__proto__".*not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.runIf(posix)('extends and YAML limits at the command line', () => {
  const { proj, outside } = layout();
  const TIMEOUT = 120_000;
  // A cold start from sources (tsx, when dist/ is older than a source) can take 10-20 s
  // on a busy 2-core machine; the refusal itself is immediate.
  const quick = async (args: string[]) => {
    const t0 = Date.now();
    const r = await stroom(args, { cwd: proj });
    return { ...r, seconds: (Date.now() - t0) / 1000 };
  };

  it('validate: extends /etc/passwd exits 2, names the file, echoes nothing of it', async () => {
    writeFileSync(join(proj, 'bad.yaml'), child('/etc/passwd'));
    const r = await quick(['validate', 'bad.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:3:1: extends: "/etc/passwd" is not a scenario file');
    expect(r.stderr).toContain(ALLOWED);
    expectNothingLeaked(r.stdout + r.stderr);
    expect(r.seconds).toBeLessThan(45);
  }, TIMEOUT);

  it('run: a .yaml symlink to /etc/passwd exits 2 with nothing of it in the output', async () => {
    writeFileSync(join(proj, 'bad2.yaml'), child('./passwd.yaml'));
    const r = await quick(['run', 'bad2.yaml', '--reps', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad2.yaml:3:1: extends: "./passwd.yaml" is outside the folder of this scenario');
    expectNothingLeaked(r.stdout + r.stderr);
  }, TIMEOUT);

  it('validate --extends-root allows an outside folder; a missing root is a usage error', async () => {
    writeFileSync(join(proj, 'shared.yaml'), child('../outside/base.yaml'));
    const [refusedRun, allowed, missing] = await Promise.all([
      quick(['validate', 'shared.yaml']),
      quick(['validate', 'shared.yaml', '--extends-root', outside]),
      quick(['validate', 'shared.yaml', '--extends-root', '../no-such-folder']),
    ]);
    expect(refusedRun.code).toBe(2);
    expect(refusedRun.stderr).toContain('pass --extends-root DIR');
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('ok: shared.yaml: "Child"');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--extends-root: "../no-such-folder" is not a folder');
  }, TIMEOUT);

  it('validate: 10,000 levels of nesting exit 2 with the limit, not a stack overflow', async () => {
    writeFileSync(join(proj, 'deep.yaml'), `stroom: 1\nname: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    writeFileSync(join(proj, 'deep-block.yaml'), `stroom: 1\nname:\n  ${'- '.repeat(10_000)}x\n`);
    const r = await quick(['validate', 'deep.yaml', 'deep-block.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.yaml:2:\d+: YAML nesting is deeper than 50 levels/);
    expect(r.stderr).toMatch(/deep-block\.yaml:3:\d+: YAML nesting is deeper than 50 levels/);
    expect(r.stderr).not.toContain('Maximum call stack');
    expectNothingLeaked(r.stderr);
  }, TIMEOUT);

  it('validate: tags, duplicate keys and __proto__ exit 2 with path and fix', async () => {
    writeFileSync(join(proj, 'tags.yaml'), 'stroom: 1\nname: !!js/function "f"\ndescription: !!str x\n');
    writeFileSync(join(proj, 'dup.yaml'), 'stroom: 1\nname: a\nname: b\n__proto__: { x: 1 }\n');
    const r = await quick(['validate', 'tags.yaml', 'dup.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tags.yaml:2:');
    expect(r.stderr).toContain('name: YAML tag "!!js/function" is not allowed in scenarios');
    expect(r.stderr).toContain('description: YAML tag "!!str" is not allowed in scenarios');
    expect(r.stderr).toContain('dup.yaml:3:1: name: duplicate key "name" (first at line 2)');
    expect(r.stderr).toContain('dup.yaml:4:1: __proto__: unknown key "__proto__"');
    expectNothingLeaked(r.stderr);
  }, TIMEOUT);
});
