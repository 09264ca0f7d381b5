// The claims tier: `stroom claims --quick` end to end. It does not pin verdicts (they
// are the model's findings); it checks that the report has its structure, that every
// verdict follows from the report's own numbers, that a resumed run reproduces the
// report from the state file, that a bad claims file is refused before any work, and
// that the HTML report draws every chart in Chromium.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, test } from 'vitest';
import type { CheckResult, ClaimResult } from '../../sim/experiment/claims/types.js';
import { judge } from '../../sim/experiment/claims/verdict.js';
import { launch, requireChromium } from '../viewer/helpers/harness.js';
import { stroom, tempDir, type CliResult } from './helpers.js';

interface Report {
  settings: { quick: boolean; replications: number; robustnessPoints: number };
  claims: (Omit<ClaimResult, 'checks'> & { checks: CheckResult[] })[];
  audit: { design: string; policies: Record<string, unknown> }[];
  ablation?: { rows: unknown[] };
}

const VERDICTS = ['supported', 'not supported', 'contradicted', 'cannot be tested'];
const num = (x: unknown) => (typeof x === 'string' ? Number(x) : (x as number));

const HAVE_CHROMIUM = requireChromium('the claims report in a browser', test);

describe('stroom claims --quick', () => {
  const dir = tempDir('stroom-claims-');
  let run: CliResult;
  let report: Report;

  beforeAll(async () => {
    run = await stroom(['claims', '--quick', '--workers', '2', '--out-dir', dir]);
    if (run.code === 0) report = JSON.parse(readFileSync(join(dir, 'claims-report.json'), 'utf8')) as Report;
  }, 900_000);

  it('writes the three reports and lists every claim with its verdict', () => {
    expect(run.code, run.stderr).toBe(0);
    for (const f of ['claims-report.html', 'claims-report.md', 'claims-report.json']) expect(existsSync(join(dir, f))).toBe(true);
    expect(report.settings.quick).toBe(true);
    expect(report.claims.map((c) => c.claim.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    for (const c of report.claims) {
      expect(VERDICTS).toContain(c.verdict);
      expect(c.line.startsWith(c.verdict)).toBe(true);
      expect(run.stdout).toContain(`${c.claim.title}: ${c.line}`);
    }
    const md = readFileSync(join(dir, 'claims-report.md'), 'utf8');
    for (const c of report.claims) expect(md).toContain(`| ${c.claim.number} | ${c.claim.title} | ${c.line} |`);
  });

  it('computes each verdict from its numbers', () => {
    for (const c of report.claims) {
      for (const k of c.checks) {
        if (k.verdict === 'cannot be tested') {
          expect(k.why, `${c.claim.id}: ${k.label}`).toBeTruthy();
          continue;
        }
        const interval = { mean: num(k.mean), lower: num(k.lower), upper: num(k.upper), n: k.n! };
        if (k.kind === 'tipping') {
          // b − a between the brackets: a bound on the predicted side means supported.
          if (k.expect === 'higher' && interval.lower > 0) expect(k.verdict).toBe('supported');
          if (k.expect === 'higher' && interval.upper < 0) expect(k.verdict).toBe('contradicted');
          continue;
        }
        expect(k.verdict, `${c.claim.id}: ${k.label}`).toBe(judge(interval, k.expect!, k.threshold!));
      }
      const verdicts = c.checks.map((k) => k.verdict);
      if (verdicts.includes('cannot be tested')) expect(c.verdict).toBe('cannot be tested');
      else if (verdicts.includes('contradicted')) expect(c.verdict).toBe('contradicted');
      else if (verdicts.every((v) => v === 'supported')) expect(c.verdict).toBe('supported');
      else expect(c.verdict).toBe('not supported');
    }
  });

  it('gives every testable claim a robustness share over the hypercube', () => {
    for (const c of report.claims) {
      if (c.verdict === 'cannot be tested') continue;
      const r = c.robustness!;
      expect(r.points, c.claim.id).toBe(report.settings.robustnessPoints);
      expect(r.share).toBeCloseTo(r.holds / r.points, 12);
      expect(r.params.length).toBeGreaterThan(5);
    }
  });

  it('audits the designs and ablates island → usm', () => {
    const usm = report.audit.find((a) => a.design === 'usm')!;
    expect(usm.policies).toHaveProperty('dominance');
    expect(report.ablation!.rows.length).toBeGreaterThan(0);
  });

  it('resumes from its state file with the same report', async () => {
    const again = await stroom(['claims', '--quick', '--workers', '1', '--resume', '--out-dir', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/(\d+) of \1 replications found/);
    const second = JSON.parse(readFileSync(join(dir, 'claims-report.json'), 'utf8')) as Report;
    expect(second.claims).toEqual(report.claims);
  }, 600_000);

  it.skipIf(!HAVE_CHROMIUM)('claims-report.html draws every chart with data in Chromium, offline, without errors', async () => {
    const browser = await launch({ width: 1280, height: 900 });
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(`file://${join(dir, 'claims-report.html')}`);
      const figures = await page.locator('figure.chart').count();
      // Every weekly series of a change or diff-in-diff check has its chart.
      const expected = new Set(report.claims.flatMap((c) => (c.series ?? []).map((s) => `${c.claim.id}/${s.metric}`))).size;
      expect(figures).toBe(expected);
      expect(figures).toBeGreaterThanOrEqual(4);
      // Each chart's canvas holds drawn (non-blank) pixels.
      const inked = await page.evaluate(() =>
        [...document.querySelectorAll('figure.chart canvas')].map((c) => {
          const canvas = c as HTMLCanvasElement;
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
          return n;
        }),
      );
      expect(inked.length).toBe(figures);
      for (const n of inked) expect(n).toBeGreaterThan(500);
      // The screenshot of the page's first screen has content beyond the background.
      await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
      const shot = await page.screenshot();
      expect(shot.length).toBeGreaterThan(20_000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('stroom claims: a bad claims file', () => {
  it('is refused at once with the file, the path and what is valid, leaving nothing', async () => {
    const dir = tempDir('stroom-claims-bad-');
    const file = join(dir, 'bad-claims.yaml');
    writeFileSync(file, [
      'stroom: claims',
      'settings: { replications: 3, quickReplications: 2, relevant: 0.02, robustnessPoints: 0, robustnessReplications: 1, quickRobustnessPoints: 0, seed: 1 }',
      'claims:',
      '  - { id: x, number: 1, title: t, statement: s, source: "000:L1", scenario: dpv, checks: [ { kind: difference, label: l, designs: [island, nosuch], metric: lead_time_mean, expect: lower } ] }',
    ].join('\n'));
    const out = join(dir, 'out');
    const r = await stroom(['claims', '--claims', file, '--out-dir', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-claims.yaml');
    expect(r.stderr).toContain('claims[0] (x).checks[0]: design "nosuch" is not in dpv');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 120_000);
});

