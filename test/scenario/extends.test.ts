// `extends`: deep merge (maps merge, lists replace), paths relative to the referring
// file, cycles reported with their chain, per-file provenance, and the Node adapter.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setExtendsRoots } from '../../sim/node/extends-access.js';
import { loadScenarioFile, readScenarioText, resolveScenarioPath } from '../../sim/node/scenario-files.js';
import { decodeScenarioBytes, loadScenario, resolveRelative, ScenarioError } from '../../sim/scenario/index.js';
import { fixture, memoryReader, scenarioErrorOf } from './helpers.js';

const minimal = (ref: string) => `stroom: 1\nname: X\nextends: ${ref}\n`;

describe('resolveRelative', () => {
  it('joins to the directory of the referring file', () => {
    expect(resolveRelative('a/b/c.yaml', './d.yaml')).toBe('a/b/d.yaml');
    expect(resolveRelative('a/b/c.yaml', '../d.yaml')).toBe('a/d.yaml');
    expect(resolveRelative('c.yaml', 'x/../d.yaml')).toBe('d.yaml');
    expect(resolveRelative('/s/c.yaml', '/abs/d.yaml')).toBe('/abs/d.yaml');
    expect(resolveRelative('/s/c.yaml', '../../d.yaml')).toBe('/d.yaml');
    expect(resolveRelative('a\\b\\c.yaml', '.\\d.yaml')).toBe('a/b/d.yaml');
    expect(resolveRelative('c.yaml', '../d.yaml')).toBe('../d.yaml');
  });
});

describe('extends', () => {
  // nested/child.yaml extends ../base.yaml, outside its own folder: allowed only
  // because the fixtures folder is given as an extends root (--extends-root).
  setExtendsRoots([fixture('')]);
  const child = loadScenarioFile(fixture('nested/child.yaml'));
  setExtendsRoots([]);

  it('merges maps and replaces lists', () => {
    expect(child.name).toBe('Child');
    expect(child.designOrder).toEqual(['island', 'usm']); // base's design first
    const island = child.designs.island!;
    expect(island.persons.map((p) => p.id)).toEqual(['p2', 'ops-1', 'ops-2']); // persons replaced, groups kept
    expect(island.behaviour.improviseTendency).toBe(0.9);
    expect(island.behaviour.informalPassOn).toBe(0.3);
    expect(child.experiment.warmup).toBe('auto');
    expect(child.experiment.horizon).toBe(400);
  });

  it('judges provenance in the file that set the value', () => {
    // The child overrides improviseTendency without a source; the base's behaviour.source does not cover it.
    expect(child.provenance.missing).toEqual(['behaviour.improviseTendency']);
  });

  it('reports a 2-file cycle with its chain', () => {
    const err = scenarioErrorOf(() => loadScenarioFile(fixture('cycle-a.yaml')));
    expect(err.message).toMatch(/extends: extends cycle: .*cycle-a\.yaml -> .*cycle-b\.yaml -> .*cycle-a\.yaml/);
    expect(err.file).toContain('cycle-a.yaml');
  });

  it('reports 1- and 3-file cycles', () => {
    const self = scenarioErrorOf(() => loadScenario(minimal('./a.yaml'), 'a.yaml', memoryReader({})));
    expect(self.message).toContain('extends cycle: a.yaml -> a.yaml');
    const three = scenarioErrorOf(() =>
      loadScenario(minimal('b.yaml'), 'a.yaml', memoryReader({ 'b.yaml': minimal('c.yaml'), 'c.yaml': minimal('a.yaml') })),
    );
    expect(three.message).toContain('extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml');
  });

  it('limits the chain length', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i < 20; i++) files[`f${i}.yaml`] = minimal(`f${i + 1}.yaml`);
    const err = scenarioErrorOf(() => loadScenario(minimal('f1.yaml'), 'f0.yaml', memoryReader(files)));
    expect(err.message).toContain('extends chain is longer than 10 files');
  });

  it('needs a reader to follow extends', () => {
    const err = scenarioErrorOf(() => loadScenario(minimal('b.yaml'), 'a.yaml'));
    expect(err.message).toContain('a.yaml');
    expect(err.message).toContain('no file reader');
  });

  it('reports problems in a base file against that file', () => {
    const base = 'stroom: 1\nname: B\nbogus: 1\n';
    const err = scenarioErrorOf(() => loadScenario(minimal('b.yaml'), 'a.yaml', memoryReader({ 'b.yaml': base })));
    expect(err.file).toBe('a.yaml');
    expect(err.message).toMatch(/^b\.yaml:3:1: bogus: unknown key "bogus"/m);
  });

  it('reports a missing base at the extends key of the referring file', () => {
    const err = scenarioErrorOf(() => loadScenario(minimal('b.yaml'), 'a.yaml', memoryReader({ 'b.yaml': minimal('./gone.yaml') })));
    expect(err.message).toMatch(/^b\.yaml:3:1: extends: cannot read "\.\/gone\.yaml" \(gone\.yaml\): no such file/m);
  });
});

describe('reading files (Node adapter)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stroom-scenario-'));

  it('refuses invalid UTF-8 and binary bytes', () => {
    const bad = Uint8Array.from([0x73, 0x74, 0xc3, 0x28, 0x0a]);
    expect(() => decodeScenarioBytes(bad, 'x.yaml')).toThrow(ScenarioError);
    expect(() => decodeScenarioBytes(bad, 'x.yaml')).toThrow('x.yaml: not valid UTF-8 text');
    expect(() => decodeScenarioBytes(Uint8Array.from([0x61, 0, 0x62]), 'x.yaml')).toThrow('binary file');
    const p = join(dir, 'latin1.yaml');
    writeFileSync(p, Buffer.from('stroom: 1\nname: caf\xe9\n', 'latin1'));
    expect(() => loadScenarioFile(p)).toThrow('not valid UTF-8 text');
  });

  it('refuses files over 2 MB before reading them', () => {
    const p = join(dir, 'big.yaml');
    writeFileSync(p, `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    expect(() => readScenarioText(p)).toThrow(/big\.yaml: file is 3\.0 MB; scenario files may be at most 2 MB/);
  });

  it('reports a missing file by name', () => {
    expect(() => loadScenarioFile(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml: no such file/);
  });

  it('reports an unreadable base file at extends', () => {
    const p = join(dir, 'child.yaml');
    writeFileSync(p, minimal('./latin1.yaml'));
    const err = scenarioErrorOf(() => loadScenarioFile(p));
    expect(err.message).toMatch(/child\.yaml:3:\d+: extends: cannot read "\.\/latin1\.yaml" .*not valid UTF-8/);
  });

  it('finds built-in scenarios by name', () => {
    expect(resolveScenarioPath('dpv')).toMatch(/scenarios[\\/]dpv\.yaml$/);
    expect(resolveScenarioPath(fixture('small.yaml'))).toBe(fixture('small.yaml'));
  });
});
