// Content hashes for result caching: FNV-1a 64 reference values, key-order
// independence, and sensitivity to any parameter change.
import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64, loadScenario, scenarioHash } from '../../sim/scenario/index.js';
import { mutated, SMALL } from './helpers.js';

describe('scenarioHash', () => {
  it('implements FNV-1a 64 (reference vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: -0 }], u: undefined })).toBe('{"a":[2,{"c":0,"d":null}],"b":1}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it('is stable across loads and differs between designs', () => {
    const a = loadScenario(SMALL, 'a.yaml');
    const b = loadScenario(SMALL, 'elsewhere/b.yaml');
    expect(scenarioHash(a.designs.island!)).toBe(scenarioHash(b.designs.island!));
    expect(scenarioHash(a.designs.island!)).not.toBe(scenarioHash(a.designs.usm!));
    expect(scenarioHash(a.designs.island!)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores how a value was written but not what it is', () => {
    const base = scenarioHash(loadScenario(SMALL, 'a.yaml').designs.island!);
    const sameValue = loadScenario(mutated((d) => (d.organisation.streams[0].dueIn = '80 h')), 'a.yaml');
    expect(scenarioHash(sameValue.designs.island!)).toBe(base);
    const changed = loadScenario(mutated((d) => (d.organisation.streams[0].dueIn = '81 h')), 'a.yaml');
    expect(scenarioHash(changed.designs.island!)).not.toBe(base);
  });
});
