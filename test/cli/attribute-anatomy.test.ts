// `stroom attribute` and `stroom anatomy` as a user runs them, on the small fixture: the
// documented CSV columns, JSON that parses, parts that add up to the measured mean lead
// time within 1% per design, fates against problems, and --help with examples.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAD_TIME_PART_IDS, FATES } from '../../sim/model/index.js';
import { ROOT, stroom } from './helpers.js';

const SMALL = join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml');
const SHORT = ['--reps', '3', '--horizon', '12', '--warmup', '4', '--workers', '2'];

const csvRows = (text: string) => {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  return { cols, rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v]))) };
};

describe('stroom attribute', () => {
  it('splits the mean lead time into parts that add up to it within 1% per design (table, csv, json)', async () => {
    const [tbl, csv, json] = await Promise.all([
      stroom(['attribute', SMALL, ...SHORT]),
      stroom(['attribute', SMALL, ...SHORT, '-f', 'csv']),
      stroom(['attribute', SMALL, ...SHORT, '-f', 'json']),
    ]);
    for (const r of [tbl, csv, json]) expect(r.code, r.stderr).toBe(0);
    expect(tbl.stdout).toMatch(/^part of the mean lead time \[h\] +island +usm +usm − island +usm vs island \[%\]$/m);
    for (const p of LEAD_TIME_PART_IDS) expect(tbl.stdout).toMatch(new RegExp(`^${p}: `, 'm'));
    expect(tbl.stdout).toMatch(/^check: the parts add up to the measured mean within 1%: yes; /m);

    const { cols, rows } = csvRows(csv.stdout);
    expect(cols).toEqual(['design', 'replication', 'seed', 'part', 'hours', 'share']);
    expect(rows).toHaveLength(2 * 3 * LEAD_TIME_PART_IDS.length);
    const doc = JSON.parse(json.stdout);
    for (const d of ['island', 'usm']) {
      const parts = LEAD_TIME_PART_IDS.reduce((a, p) => a + doc.summary[d][p].mean, 0);
      const measured = doc.summary[d].lead_time_mean.mean;
      expect(Math.abs(parts - measured) / measured).toBeLessThan(0.01);
      expect(doc.check[d].ok).toBe(true);
      // The CSV's shares of each replication add up to one.
      for (const rep of [0, 1, 2]) {
        const share = rows.filter((r) => r['design'] === d && r['replication'] === String(rep)).reduce((a, r) => a + Number(r['share']), 0);
        expect(share).toBeCloseTo(1, 9);
      }
    }
    expect(Object.keys(doc.differences)).toEqual(['usm-island']);
    expect(doc.differences['usm-island'].queue.n).toBe(3);
  }, 180_000);

  it('--help explains the parts and gives worked examples', async () => {
    const r = await stroom(['attribute', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stroom attribute dpv --designs island,usm');
    expect(r.stdout).toContain('design,replication,seed,part,hours,share');
    expect(r.stdout).toContain('--relevant');
    expect(r.stdout).toMatch(/"html"/);
  });
});

describe('stroom anatomy', () => {
  it('gives each fate per 100 requests, at least as many fates as problems (table, tidy csv, json)', async () => {
    const [tbl, csv, json] = await Promise.all([
      stroom(['anatomy', SMALL, ...SHORT]),
      stroom(['anatomy', SMALL, ...SHORT, '-f', 'csv']),
      stroom(['anatomy', SMALL, ...SHORT, '-f', 'json']),
    ]);
    for (const r of [tbl, csv, json]) expect(r.code, r.stderr).toBe(0);
    for (const f of FATES) expect(tbl.stdout).toMatch(new RegExp(`^ {2}${f}: .*\\[per 100\\]`, 'm'));
    expect(tbl.stdout).toContain('led to design work that changed coverage [-]');
    expect(tbl.stdout).toMatch(/^check: fates against problems, per 100 requests: island [\d.]+ in fates, [\d.]+ problems \(carried over from the warm-up/m);

    const { cols, rows } = csvRows(csv.stdout);
    expect(cols).toEqual(['design', 'replication', 'seed', 'fate', 'value', 'unit']);
    expect(rows).toHaveLength(2 * 3 * (FATES.length + 4));
    const doc = JSON.parse(json.stdout);
    for (const d of ['island', 'usm']) {
      for (const rep of ['0', '1', '2']) {
        const mine = rows.filter((r) => r['design'] === d && r['replication'] === rep);
        const fates = mine.filter((r) => (FATES as readonly string[]).includes(r['fate']!)).reduce((a, r) => a + Number(r['value']), 0);
        const problems = Number(mine.find((r) => r['fate'] === 'problems_per_100')!['value']);
        // Fates of escalations raised in the warm-up are counted in the window, their problems not.
        expect(fates).toBeGreaterThanOrEqual(problems - 1e-9);
        expect(fates - problems).toBeLessThan(0.25 * problems);
      }
      expect(doc.summary[d].problems_per_100.n).toBe(3);
      expect(doc.summary[d].designed_share.mean).toBeLessThanOrEqual(doc.summary[d].visible_share.mean + 1e-12);
    }
    expect(doc.differences['usm-island'].improvised).toBeDefined();
  }, 180_000);
});

describe('compare carries the parts and the anatomy', () => {
  it('json has the threshold, the marked differences, the lead time parts and the anatomy; the table states the threshold', async () => {
    const [json, tbl] = await Promise.all([
      stroom(['compare', SMALL, ...SHORT, '--no-streams', '--relevant', '5%', '-f', 'json']),
      stroom(['compare', SMALL, ...SHORT, '--no-streams', '--relevant', '5%', '--anatomy']),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.relevant).toBeCloseTo(0.05, 12);
    const marked: string[] = doc.relevant_differences['usm-island'];
    expect(marked).toContain('collisions_per_100');
    for (const m of marked) {
      const d = doc.differences['usm-island'][m];
      const base = Math.abs(doc.summary.island[m].mean);
      expect(d.lower > 0 || d.upper < 0).toBe(true);
      expect(Math.abs(d.mean)).toBeGreaterThan(0.05 * base);
    }
    expect(Object.keys(doc.lead_time_parts.summary.island)).toEqual([...LEAD_TIME_PART_IDS, 'lead_time_mean']);
    expect(doc.anatomy.summary.usm.problems_per_100.n).toBe(3);
    expect(tbl.code, tbl.stderr).toBe(0);
    expect(tbl.stdout).toContain("exceeds 5% of island's mean (--relevant 0.05)");
    expect(tbl.stdout).toMatch(/^where the lead time goes:$/m);
    expect(tbl.stdout).toMatch(/^what became of the problems:$/m);
    expect(tbl.stdout).toMatch(/^(diagnostics: no problems found|warning: |note: )/m);
  }, 180_000);
});
