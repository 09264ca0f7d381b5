/**
 * PRIM-style peeling (Friedman & Fisher, "Bump hunting in high-dimensional
 * data", 1999): find a box of parameter ranges in which a binary outcome
 * (here: "the sign of a paired difference flipped") is concentrated.
 * Pure: no Node imports, so the sensitivity command and tests share it.
 */

/** One point: parameter values plus whether the outcome of interest holds. */
export interface PrimPoint {
  values: Record<string, number>;
  hit: boolean;
}

export interface PrimBox {
  /** Inclusive [lo, hi] per parameter; unrestricted parameters keep the data's range. */
  ranges: Record<string, [number, number]>;
  /** Share of all hits that fall inside the box. */
  coverage: number;
  /** Share of points inside the box that are hits. */
  density: number;
  /** Share of all points inside the box. */
  support: number;
  /** Points inside the box. */
  count: number;
}

export interface PrimOptions {
  /** Fraction of the box's points peeled per step; 0.05-0.1 is Friedman & Fisher's advice. */
  alpha?: number;
  /** Stop when the box would hold fewer than this share of all points. */
  minSupport?: number;
}

/** A missing value reads as NaN, which no box contains. */
function value(p: PrimPoint, k: string): number {
  return p.values[k] ?? Number.NaN;
}

function inside(p: PrimPoint, ranges: Record<string, [number, number]>): boolean {
  for (const [k, [lo, hi]] of Object.entries(ranges)) {
    const v = value(p, k);
    if (Number.isNaN(v) || v < lo || v > hi) return false;
  }
  return true;
}

function describe(points: PrimPoint[], ranges: Record<string, [number, number]>): PrimBox {
  const inBox = points.filter((p) => inside(p, ranges));
  const hits = inBox.filter((p) => p.hit).length;
  const totalHits = points.filter((p) => p.hit).length;
  return {
    ranges: Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, [r[0], r[1]]])),
    coverage: totalHits === 0 ? 0 : hits / totalHits,
    density: inBox.length === 0 ? 0 : hits / inBox.length,
    support: points.length === 0 ? 0 : inBox.length / points.length,
    count: inBox.length,
  };
}

/**
 * Greedy top-down peeling: at each step try cutting alpha of the box's points
 * off the low or high end of each parameter, keep the cut that raises the
 * density most, and stop when no cut raises it or support would drop below
 * minSupport. Returns null when there are no hits at all.
 */
export function primPeel(points: PrimPoint[], params: string[], options: PrimOptions = {}): PrimBox | null {
  const alpha = options.alpha ?? 0.1;
  const minSupport = options.minSupport ?? 0.1;
  if (points.length === 0 || !points.some((p) => p.hit)) return null;
  const ranges: Record<string, [number, number]> = {};
  for (const k of params) {
    const vs = points.map((p) => value(p, k));
    ranges[k] = [Math.min(...vs), Math.max(...vs)];
  }
  const minCount = Math.max(1, Math.ceil(minSupport * points.length));
  let current = describe(points, ranges);
  for (;;) {
    const inBox = points.filter((p) => inside(p, ranges));
    // Peel at least one point so small designs still make progress.
    const peel = Math.max(1, Math.floor(alpha * inBox.length));
    let best: { key: string; range: [number, number]; box: PrimBox } | null = null;
    for (const k of params) {
      const sorted = inBox.map((p) => value(p, k)).sort((a, b) => a - b);
      const range0 = ranges[k];
      if (sorted.length <= peel || !range0) continue;
      const first = sorted[0] ?? 0;
      const last = sorted[sorted.length - 1] ?? 0;
      // Cut strictly between distinct values so ties never split unevenly.
      const candidates: Array<[number, number]> = [];
      const lowCut = sorted[peel] ?? first;
      if (lowCut > first) candidates.push([lowCut, range0[1]]);
      const highCut = sorted[sorted.length - 1 - peel] ?? last;
      if (highCut < last) candidates.push([range0[0], highCut]);
      for (const range of candidates) {
        const trial = { ...ranges, [k]: range };
        const box = describe(points, trial);
        if (box.count < minCount) continue;
        if (!best || box.density > best.box.density) best = { key: k, range, box };
      }
    }
    if (!best || best.box.density <= current.density) break;
    ranges[best.key] = best.range;
    current = best.box;
    if (current.density >= 1) break;
  }
  return current;
}
