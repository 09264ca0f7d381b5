// A tipping check: each design's tipping load on a fixed grid of arrival scales
// (experiment/tipping.ts decides per load whether a design has tipped), and the
// difference of the two. The brackets are the intervals: b − a lies between
// (b's lowest tipped-or-not bound − a's highest) and the reverse. A design that never
// tips inside the grid is only known to tip above its highest load; one tipped at the
// lowest load only below it: the interval is then open on that side, and the verdict
// says so in words instead of inventing a bound.

import type { ReplicationRecord } from '../replications.js';
import { assessLevel, bracket, gridLoads, type TippingDesign } from '../tipping.js';
import type { CheckResult, TippingCheck } from './types.js';
import { formatNumber } from './verdict.js';

/** The grid of loads of a check. */
export function checkLoads(c: TippingCheck): number[] {
  return gridLoads(c.loads[0], c.loads[1], c.loads[2]);
}

/** Each design's bracket from its records per load (`loads` ascending, as run). */
export function tippingBrackets(c: TippingCheck, loads: readonly number[], perLoad: readonly ReplicationRecord[][], warmupWeeks: number): TippingDesign[] {
  return c.designs.map((design) => {
    const recs = perLoad.map((rs) => rs.filter((r) => r.design === design));
    const reference = { load: loads[0]!, records: recs[0]! };
    const levels = loads.map((load, i) => assessLevel(design, load, recs[i]!, reference, { warmupWeeks }));
    return { design, levels, ...bracket(levels) };
  });
}

/** Bounds of a design's tipping load; open ends are infinite. */
function bounds(d: TippingDesign): [number, number] {
  if (d.status === 'tipped') return [d.lower!, d.upper!];
  if (d.status === 'below') return [0, d.upper!];
  return [d.lower!, Infinity];
}

function describe(d: TippingDesign): string {
  if (d.status === 'tipped') return `${d.design} tips between ×${formatNumber(d.lower!)} and ×${formatNumber(d.upper!)}`;
  if (d.status === 'below') return `${d.design} has tipped already at ×${formatNumber(d.upper!)}`;
  return `${d.design} does not tip up to ×${formatNumber(d.lower!)}`;
}

export function evaluateTipping(c: TippingCheck, brackets: TippingDesign[], replications: number): CheckResult {
  const [a, b] = brackets as [TippingDesign, TippingDesign];
  const [aLo, aHi] = bounds(a);
  const [bLo, bHi] = bounds(b);
  const lower = bLo - aHi;
  const upper = bHi - aLo;
  const words = `${describe(a)}; ${describe(b)} (arrival scale, ${replications} replications per load)`;
  const mid = (lo: number, hi: number) => (Number.isFinite(hi) ? (lo + hi) / 2 : lo);
  const mean = mid(bLo, bHi) - mid(aLo, aHi);
  let verdict: CheckResult['verdict'];
  const predicted = c.expect === 'higher' ? lower > 0 : upper < 0;
  const opposite = c.expect === 'higher' ? upper < 0 : lower > 0;
  if (a.status === 'above' && b.status === 'above') verdict = 'not supported';
  else if (predicted) verdict = 'supported';
  else if (opposite) verdict = 'contradicted';
  else verdict = 'not supported';
  return { label: c.label, kind: 'tipping', verdict, mean, lower, upper, n: replications, threshold: 0, reference: mid(aLo, aHi), expect: c.expect, why: words };
}

/** Robustness: whether b's bracket midpoint lies on the predicted side of a's (few replications). */
export function tippingHolds(c: TippingCheck, brackets: TippingDesign[]): boolean {
  const [a, b] = brackets as [TippingDesign, TippingDesign];
  const point = (d: TippingDesign) => (d.status === 'tipped' ? d.point! : d.status === 'below' ? d.upper! / 2 : d.lower! * 1.5);
  const diff = point(b) - point(a);
  return c.expect === 'higher' ? diff > 0 : diff < 0;
}
