// The pure parts of `stroom claims`: verdicts from intervals, the statistics of each
// kind of check on synthetic records whose answer is known, and the claims file checks.
import { describe, expect, it } from 'vitest';
import { evaluateCheck, sampleCheck, windowMean } from '../../sim/experiment/claims/evaluate.js';
import { ClaimsFileError, parseClaimsFile } from '../../sim/experiment/claims/parse.js';
import { evaluateTipping } from '../../sim/experiment/claims/tipping-check.js';
import type { Check, TippingCheck } from '../../sim/experiment/claims/types.js';
import { combine, judge } from '../../sim/experiment/claims/verdict.js';
import type { ReplicationRecord } from '../../sim/experiment/replications.js';
import type { TippingDesign } from '../../sim/experiment/tipping.js';

const ci = (mean: number, half: number, n = 10) => ({ mean, lower: mean - half, upper: mean + half, n });

describe('verdicts', () => {
  it('follow the interval, the side and the threshold', () => {
    expect(judge(ci(-5, 1), 'lower', 1)).toBe('supported');
    // excludes zero, but on the wrong side: contradicted
    expect(judge(ci(5, 1), 'lower', 1)).toBe('contradicted');
    expect(judge(ci(5, 1), 'higher', 1)).toBe('supported');
    expect(judge(ci(-5, 1), 'higher', 1)).toBe('contradicted');
    // significant but below the practical threshold: not supported
    expect(judge(ci(-0.5, 0.1), 'lower', 1)).toBe('not supported');
    // includes zero
    expect(judge(ci(-0.5, 2), 'lower', 0.1)).toBe('not supported');
    // "no rise": supported when a relevant rise is ruled out, contradicted when shown
    expect(judge(ci(0.1, 0.5), 'not-higher', 1)).toBe('supported');
    expect(judge(ci(3, 0.5), 'not-higher', 1)).toBe('contradicted');
    expect(judge(ci(0.8, 0.5), 'not-higher', 1)).toBe('not supported');
    expect(judge(ci(-3, 0.5), 'not-lower', 1)).toBe('contradicted');
    expect(judge(ci(-0.2, 0.5), 'not-lower', 1)).toBe('supported');
    expect(judge({ mean: 1, lower: NaN, upper: NaN, n: 1 }, 'higher', 0)).toBe('cannot be tested');
  });

  it('combine: any contradiction wins, all must be supported, untestable stays untestable', () => {
    const v = (...xs: ('supported' | 'not supported' | 'contradicted' | 'cannot be tested')[]) => combine(xs.map((verdict) => ({ verdict })));
    expect(v('supported', 'supported')).toBe('supported');
    expect(v('supported', 'not supported')).toBe('not supported');
    expect(v('supported', 'contradicted', 'not supported')).toBe('contradicted');
    expect(v('contradicted', 'cannot be tested')).toBe('cannot be tested');
    expect(v()).toBe('cannot be tested');
  });
});

/** Records of designs a and b over 12 weeks: b = a + shift after week `at`, a with noise per replication. */
function records(shift: number, at: number, reps = 8): ReplicationRecord[] {
  const out: ReplicationRecord[] = [];
  for (let r = 0; r < reps; r++) {
    const week = Float64Array.from({ length: 12 }, (_, i) => i + 1);
    const noise = (i: number) => Math.sin(7 * r + i) * 0.3;
    const a = Float64Array.from(week, (w, i) => 10 + noise(i));
    const b = Float64Array.from(week, (w, i) => 10 + noise(i) + (w > at ? shift : 0));
    out.push({ design: 'a', replication: r, seed: 1, metrics: { m: 10 + r * 0.1 }, series: { week, s: a } });
    out.push({ design: 'b', replication: r, seed: 1, metrics: { m: 10 + r * 0.1 + shift }, series: { week, s: b } });
  }
  return out;
}

describe('check statistics', () => {
  it('a window mean is the mean of the weekly values inside it', () => {
    const r = records(0, 0)[0]!;
    const s = r.series!['s']!;
    expect(windowMean(r, 's', { from: 3, to: 5 })).toBeCloseTo((s[2]! + s[3]! + s[4]!) / 3, 12);
    expect(windowMean(r, 'missing', { from: 1, to: 2 })).toBeNaN();
  });

  it('difference, change and diff-in-diff find a known shift', () => {
    const recs = records(2, 6);
    const diff: Check = { kind: 'difference', label: 'd', designs: ['a', 'b'], metric: 'm', expect: 'higher' };
    const dr = evaluateCheck(diff, sampleCheck(diff, recs), 0.02);
    expect(dr.mean).toBeCloseTo(2, 9);
    expect(dr.verdict).toBe('supported');
    const change: Check = { kind: 'change', label: 'c', design: 'b', metric: 's', windows: [{ from: 1, to: 6 }, { from: 7, to: 12 }], expect: 'lower' };
    const cr = evaluateCheck(change, sampleCheck(change, recs), 0.02);
    expect(cr.mean).toBeGreaterThan(1.5);
    expect(cr.verdict).toBe('contradicted');
    const dd: Check = { kind: 'diff-in-diff', label: 'dd', designs: ['a', 'b'], metric: 's', windows: [{ from: 1, to: 6 }, { from: 7, to: 12 }], expect: 'higher' };
    const ddr = evaluateCheck(dd, sampleCheck(dd, recs), 0.02);
    expect(ddr.mean).toBeCloseTo(2, 9); // the noise is the same in a and b: it cancels
    expect(ddr.verdict).toBe('supported');
    // No shift: nothing to find.
    const flat = evaluateCheck(dd, sampleCheck(dd, records(0, 6)), 0.02);
    expect(flat.verdict).toBe('not supported');
  });

  it('convergence: the gap shrinks at the low level', () => {
    const normal = records(4, 0);
    const low = records(1, 0);
    const c: Check = { kind: 'convergence', label: 'v', designs: ['a', 'b'], metric: 'm', low: { questions: 0.1 }, expect: 'higher' };
    const r = evaluateCheck(c, sampleCheck(c, normal, low), 0.02);
    expect(r.mean).toBeCloseTo(3, 9);
    expect(r.verdict).toBe('supported');
    // A gap that widens at the low level contradicts.
    expect(evaluateCheck(c, sampleCheck(c, low, normal), 0.02).verdict).toBe('contradicted');
  });

  it('a series the model does not record cannot be tested, and says why', () => {
    const c: Check = { kind: 'change', label: 'c', design: 'a', metric: 'nope', windows: [{ from: 1, to: 2 }, { from: 3, to: 4 }], expect: 'higher' };
    const r = evaluateCheck(c, sampleCheck(c, records(0, 0)), 0.02);
    expect(r.verdict).toBe('cannot be tested');
    expect(r.why).toMatch(/not recorded/);
  });

  it('tipping: disjoint brackets decide, an open bracket counts on its side', () => {
    const check: TippingCheck = { kind: 'tipping', label: 't', designs: ['island', 'usm'], loads: [1, 2, 5], expect: 'higher' };
    const tipped = (design: string, lower: number, upper: number): TippingDesign => ({ design, levels: [], status: 'tipped', lower, upper, point: (lower + upper) / 2 });
    expect(evaluateTipping(check, [tipped('island', 1.25, 1.5), tipped('usm', 1.75, 2)], 5).verdict).toBe('supported');
    expect(evaluateTipping(check, [tipped('island', 1.75, 2), tipped('usm', 1.25, 1.5)], 5).verdict).toBe('contradicted');
    expect(evaluateTipping(check, [tipped('island', 1.25, 1.75), tipped('usm', 1.5, 2)], 5).verdict).toBe('not supported');
    const never: TippingDesign = { design: 'usm', levels: [], status: 'above', lower: 2 };
    const r = evaluateTipping(check, [tipped('island', 1.25, 1.5), never], 5);
    expect(r.verdict).toBe('supported');
    expect(r.why).toMatch(/does not tip up to/);
    expect(evaluateTipping(check, [{ ...never, design: 'island' }, never], 5).verdict).toBe('not supported');
  });
});

describe('claims file', () => {
  const valid = {
    stroom: 'claims',
    settings: { replications: 5, quickReplications: 2, relevant: 0.02, robustnessPoints: 4, robustnessReplications: 1, quickRobustnessPoints: 2, seed: 1 },
    claims: [{ id: 'c1', number: 1, title: 't', statement: 's', source: '000:L1', scenario: 'dpv', checks: [{ kind: 'difference', label: 'l', designs: ['island', 'usm'], metric: 'lead_time_mean', expect: 'lower' }] }],
  };

  it('reads a valid file', () => {
    const f = parseClaimsFile(valid);
    expect(f.claims[0]!.checks[0]).toMatchObject({ kind: 'difference', designs: ['island', 'usm'] });
  });

  it('names the path and the valid choices of every problem', () => {
    const bad = structuredClone(valid) as Record<string, unknown>;
    (bad['settings'] as Record<string, unknown>)['relevant'] = 2;
    const claim = (bad['claims'] as Record<string, unknown>[])[0]!;
    claim['source'] = 'the book';
    claim['checks'] = [
      { kind: 'difference', label: 'l', designs: ['island', 'island'], metric: 'lead_time_mean', expect: 'down' },
      { kind: 'change', label: 'l', design: 'island', metric: 'lead_time_p90', windows: [[5, 2], [1, 2]], expect: 'higher' },
      { kind: 'sideways', label: 'x' },
    ];
    let problems: string[] = [];
    try {
      parseClaimsFile(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(ClaimsFileError);
      problems = (e as ClaimsFileError).problems;
    }
    const text = problems.join('\n');
    expect(text).toContain('settings.relevant: expected a share in [0, 1)');
    expect(text).toContain('claims[0].source: expected source lines');
    expect(text).toContain('claims[0].checks[0].designs: expected two different design names');
    expect(text).toContain('claims[0].checks[0].expect: expected one of higher, lower, not-higher, not-lower');
    expect(text).toContain('claims[0].checks[1].metric: expected a weekly series');
    expect(text).toContain('claims[0].checks[1].windows[0]');
    expect(text).toContain('claims[0].checks[2].kind: expected one of');
  });
});
