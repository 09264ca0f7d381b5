// `stroom ablate` as a user runs it, on a small scenario that extends the loader's
// fixture with two designs differing in exactly two policy fields.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, stroom, tempDir } from './helpers.js';

// extends must stay in the scenario's folder: the fixture is copied beside it.
const dir = tempDir('stroom-ablate-');
copyFileSync(join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml'), join(dir, 'small.yaml'));
const scenario = join(dir, 'ablate.yaml');
writeFileSync(
  scenario,
  [
    'stroom: 1',
    'extends: ./small.yaml',
    'name: Small ablation',
    'designs:',
    '  plain: { preset: island, assumption: "test" }',
    '  tuned: { preset: island, policies: { mtAgenda: design-first, protectedDesignShare: 0.2 }, assumption: "test" }',
    'experiment: { baseline: plain, assumption: "test" }',
    '',
  ].join('\n'),
);
const quick = ['--reps', '3', '--horizon', '6', '--warmup', '1'];
const CSV_HEADER = 'metric,field,direction,from_value,to_value,mean,half_width,lower,upper,n,significant';

// Every test starts the CLI as a process; on a loaded machine that alone can take tens of seconds.
describe('stroom ablate', { timeout: 240_000 }, () => {
  it('varies exactly the differing policies and writes one tidy row per metric, field and direction', async () => {
    const r = await stroom(['ablate', scenario, '--from', 'plain', '--to', 'tuned', ...quick, '--workers', '1', '-m', 'lead_time_mean,arrivals', '-f', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    const rows = lines.slice(1).map((l) => l.split(','));
    // 2 metrics x (2 fields x 2 directions + the total)
    expect(rows).toHaveLength(2 * 5);
    expect(rows.map((c) => `${c[0]}:${c[1]}:${c[2]}`)).toEqual([
      'lead_time_mean:protectedDesignShare:add', 'lead_time_mean:protectedDesignShare:remove',
      'lead_time_mean:mtAgenda:add', 'lead_time_mean:mtAgenda:remove', 'lead_time_mean:(all):total',
      'arrivals:protectedDesignShare:add', 'arrivals:protectedDesignShare:remove',
      'arrivals:mtAgenda:add', 'arrivals:mtAgenda:remove', 'arrivals:(all):total',
    ]);
    expect(rows[0]!.slice(3, 5)).toEqual(['0', '0.2']);
    expect(rows[2]!.slice(3, 5)).toEqual(['incident-first', 'design-first']);
    for (const c of rows) expect(c[9]).toBe('3');
    // Arrivals draw from their own streams: on common random numbers no policy can move them.
    for (const c of rows.filter((x) => x[0] === 'arrivals')) expect([c[5], c[6], c[7], c[8], c[10]]).toEqual(['0', '0', '0', '0', 'false']);
  });

  it('JSON lists the fields, the 2k + 2 variants and the effects', async () => {
    const r = await stroom(['ablate', scenario, '--from', 'plain', '--to', 'tuned', ...quick, '--workers', '1', '-m', 'arrivals', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & { fields: { field: string }[]; variants: { label: string }[]; effects: Record<string, unknown>[] };
    expect(j['from']).toBe('plain');
    expect(j['to']).toBe('tuned');
    expect(j.fields).toEqual([
      { field: 'protectedDesignShare', from_value: 0, to_value: 0.2 },
      { field: 'mtAgenda', from_value: 'incident-first', to_value: 'design-first' },
    ]);
    expect(j.variants.map((v) => v.label)).toEqual(['plain', 'tuned', 'plain+protectedDesignShare', 'tuned-protectedDesignShare', 'plain+mtAgenda', 'tuned-mtAgenda']);
    expect(j['notes']).toEqual([]);
    expect(Object.keys(j.effects[0]!)).toEqual(CSV_HEADER.split(','));
    expect(j.effects[0]).toMatchObject({ metric: 'arrivals', direction: 'add', mean: 0, half_width: 0, n: 3, significant: false });
  });

  it('prints one grouped table with both directions, the total and notes on what it does not ablate', async () => {
    const r = await stroom(['ablate', join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml'), '--from', 'island', '--to', 'usm', '--reps', '2', '--horizon', '2', '--warmup', '1', '--workers', '1', '-m', 'escalations_per_100']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const k = Number(/(\d+) policy fields \((\d+) variants\)/.exec(r.stdout)![1]);
    expect(r.stdout).toContain(`policy fields (${2 * k + 2} variants)`);
    expect(k).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toMatch(/metric \/ field +island +usm +added to island +removed from usm/);
    expect(r.stdout).toContain('  dominance ');
    expect(r.stdout).toContain('  all fields: usm − island');
    // The fixture's usm adds a person and a meeting and has a timeline.
    expect(r.stdout).toMatch(/note: island and usm also differ in .*persons \(usm has coord\)/);
    expect(r.stdout).toContain('meetings (usm has chain-reports)');
  });

  it('writes byte-identical output with 1 and 2 workers', async () => {
    const outs: string[] = [];
    for (const w of ['1', '2']) {
      const out = join(dir, `w${w}.csv`);
      const r = await stroom(['ablate', scenario, '--to', 'tuned', ...quick, '--workers', w, '-m', 'all', '-f', 'csv', '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      outs.push(readFileSync(out, 'utf8'));
    }
    expect(outs[0]!.startsWith(`${CSV_HEADER}\n`)).toBe(true);
    expect(outs[1]).toBe(outs[0]);
  });

  it('rejects an unknown design, naming the flag and the designs', async () => {
    const r = await stroom(['ablate', scenario, '--from', 'plain', '--to', 'nope', ...quick]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--to: "nope" is not a design of .*; designs: island, usm, plain, tuned/);
  });

  it('names --from when that design is unknown', async () => {
    const f = await stroom(['ablate', scenario, '--from', 'nope', '--to', 'plain', ...quick]);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--from: "nope"');
  });

  it('rejects --from equal to --to, and an unknown metric', async () => {
    const r = await stroom(['ablate', scenario, '--from', 'plain', '--to', 'plain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from and --to: both name "plain"/);
    const m = await stroom(['ablate', scenario, '-m', 'lead_time_mean,nope']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('--metrics: unknown "nope"');
  });

  it('explains itself in --help with worked examples', async () => {
    const r = await stroom(['ablate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stroom ablate dpv --from island --to usm');
    expect(r.stdout).toMatch(/--from/);
    expect(r.stdout).toMatch(/starting policies/);
  });
});
