// The built-in ecosystem case runs from the command line, deterministically across
// worker counts, and a bad value in one of its new fields exits 2 with the path.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS_DIR } from '../../sim/node/scenario-files.js';
import { stroom, tempDir } from './helpers.js';

describe('stroom compare ecosystem', () => {
  it('runs island, usm and transition with supplier, kind and strain metrics, the same on 1 and 2 workers', async () => {
    const dir = tempDir();
    const outs: string[] = [];
    for (const workers of [1, 2]) {
      const out = join(dir, `e${workers}.csv`);
      const r = await stroom(['compare', 'ecosystem', '--reps', '2', '--horizon', '6', '--warmup', '2', '--workers', String(workers), '-f', 'csv', '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      outs.push(readFileSync(out, 'utf8'));
    }
    expect(outs[1]).toBe(outs[0]);
    const csv = outs[0]!;
    for (const d of ['island', 'usm', 'transition']) expect(csv).toContain(`\n${d},0,`);
    for (const m of ['lead_time_recover', 'supplier_utilisation', 'contract_questions_per_100', 'strain_operator']) expect(csv).toContain(`,${m},`);
    // Both designs keep the contract path; behind USM's shared interface the agreements answer part first.
    const value = (design: string, metric: string) =>
      csv.split('\n').filter((l) => l.startsWith(`${design},`) && l.includes(`,,,${metric},`)).map((l) => Number(l.split(',')[6]));
    expect(value('island', 'contract_questions_per_100').every((x) => x > 0)).toBe(true);
    const island = value('island', 'contract_questions_per_100');
    const usm = value('usm', 'contract_questions_per_100');
    expect(usm.every((x) => x > 0)).toBe(true);
    expect(usm.every((x, i) => x < island[i]!)).toBe(true);
  });

  it('a bad supplierInterface exits 2 naming the file, path and choices', async () => {
    const dir = tempDir();
    const file = join(dir, 'eco.yaml');
    const text = readFileSync(`${BUILTIN_SCENARIOS_DIR}ecosystem.yaml`, 'utf8').replace('policies: { supplierInterface: shared }', 'policies: { supplierInterface: api }');
    writeFileSync(file, text);
    const r = await stroom(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('eco.yaml');
    expect(r.stderr).toContain('designs.usm.policies.supplierInterface');
    expect(r.stderr).toContain('contract, shared');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
