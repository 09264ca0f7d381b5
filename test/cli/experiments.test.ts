// The experiment commands of issue 14 from the outside: `sweep --scale`, `tipping` and
// `sensitivity` refuse bad flags with exit 2 before any work, give the same bytes with
// 1 and 2 worker threads, and write the formats they promise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, stroom, tempDir } from './helpers.js';

const MMC = join(ROOT, 'test', 'cli', 'fixtures', 'mmc.yaml');
const SMALL = join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml');
const QUICK = ['--reps', '2', '--horizon', '6', '--warmup', '1'];

const BAD: { args: string[]; message: RegExp }[] = [
  { args: ['sweep', SMALL, '--scale', 'speed=1:2', '--samples', '2'], message: /--scale "speed=1:2": unknown factor "speed"; valid: arrivals, service, questions, external/ },
  { args: ['sweep', SMALL, '--scale', 'arrivals=1.3:0.8', '--samples', '2'], message: /--scale .*min < max/ },
  { args: ['sweep', SMALL, '--scale', 'arrivals=0.8:1.3'], message: /--scale name=min:max needs --samples/ },
  { args: ['tipping', MMC, '--factor', 'speed'], message: /--factor "speed": unknown factor; valid: arrivals, service, questions, external/ },
  { args: ['tipping', MMC, '--range', '2:1'], message: /--range "2:1": need min < max/ },
  { args: ['tipping', MMC, '--range', 'abc'], message: /--range "abc": expected min:max/ },
  { args: ['tipping', MMC, '--grid', '1'], message: /--grid: expected a whole number from 2 to 50/ },
  { args: ['tipping', MMC, '--hysteresis', '--factor', 'service'], message: /--hysteresis ramps the arrivals/ },
  { args: ['tipping', MMC, '--reps', '5000', '--grid', '10'], message: /runs, more than the 20000 allowed/ },
  { args: ['sensitivity', SMALL, '--designs', 'island'], message: /--designs: name two different designs/ },
  { args: ['sensitivity', SMALL, '--designs', 'island,usm', '--params', 'nope'], message: /--params: unknown behaviour parameter "nope"; valid: .*improviseTendency/ },
  { args: ['sensitivity', SMALL, '--designs', 'island,usm', '--points', '5000', '--reps', '50'], message: /more than the 20000 allowed; lower --points or --reps/ },
  { args: ['sensitivity', SMALL, '--method', 'sobol'], message: /method/ },
];

describe('bad flags of the experiment commands', () => {
  for (const c of BAD) {
    it(`${c.args.slice(0, 1).concat(c.args.slice(2)).join(' ')}: exit 2 with a clear message`, async () => {
      const r = await stroom(c.args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    });
  }
});

describe('determinism and formats', () => {
  it('tipping: identical JSON with 1 and 2 workers; brackets utilisation 1; html holds the charts', async () => {
    const dir = tempDir();
    const args = ['tipping', MMC, '--range', '1:1.6', '--grid', '3', '--refine', '1', '--reps', '2', '--horizon', '10', '--warmup', '4'];
    const outs: string[] = [];
    for (const w of [1, 2]) {
      const out = join(dir, `w${w}.json`);
      const r = await stroom([...args, '--workers', String(w), '-f', 'json', '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      outs.push(readFileSync(out, 'utf8'));
    }
    expect(outs[1]).toBe(outs[0]);
    const j = JSON.parse(outs[0]!) as { designs: { status: string; lower: number; upper: number }[] };
    expect(j.designs[0]!.status).toBe('tipped');
    expect(j.designs[0]!.lower).toBeLessThan(4 / 3);
    expect(j.designs[0]!.upper).toBeGreaterThanOrEqual(4 / 3);
    const html = await stroom([...args, '--workers', '2', '-f', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(html.stdout).toContain('tips');
  }, 180_000);

  it('sensitivity: identical CSV with 1 and 2 workers', async () => {
    const args = ['sensitivity', SMALL, '--designs', 'island,usm', '--params', 'improviseTendency,compensationPropensity', '--points', '4', ...QUICK, '-f', 'csv'];
    const a = await stroom([...args, '--workers', '1']);
    const b = await stroom([...args, '--workers', '2']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout.split('\n')[0]).toBe('point,improviseTendency [-],compensationPropensity [-],metric,difference (usm - island),sign_holds');
    expect(a.stdout.trim().split('\n')).toHaveLength(1 + 4 * 4);
  }, 120_000);

  it('sweep --scale: CSV column scale_arrivals [x] with the factor as a number', async () => {
    const r = await stroom(['sweep', SMALL, '--scale', 'arrivals=0.9,110%', '--designs', 'island', ...QUICK, '--workers', '1', '-f', 'csv', '--no-streams']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.startsWith('scale_arrivals [x],design,')).toBe(true);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['0.9', '1.1']));
  }, 120_000);
});
