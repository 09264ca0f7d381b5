// Student's t distribution: CDF through the regularized incomplete beta
// function, and its inverse by safeguarded Newton iteration.

import { logBeta, logBetaIncompleteSmallSide } from './special-functions.js';
import { normalCdf, normalQuantile } from './normal.js';

/**
 * Where (1 + t²)/df is below this, the Cornish-Fisher expansion in 1/df is used
 * instead of the incomplete beta. The beta continued fraction starts with
 * 1 - (a+½)x/(a+1), which cancels to ~(1+t²)/df there and would lose a factor
 * df/(1+t²) of precision; meanwhile the expansion's first omitted term
 * (~1.5e-4·u^5, u = (1+t²)/df, measured against 40-digit values) is < 1e-17.
 * Above the cutoff the cancellation costs at most ~500x, i.e. ~1e-13 relative.
 */
const EXPANSION_CUTOFF = 2e-3;
const LOG_MAX_VALUE = Math.log(Number.MAX_VALUE);

function checkDf(df: number, fn: string): void {
  if (!(df > 0)) throw new RangeError(`${fn}: degrees of freedom must be positive, got ${df}`);
}

/** ln(1 + r²) without overflow for huge r. */
function log1pSquare(r: number): number {
  return r > 1e8 ? 2 * Math.log(r) + 1 / (r * r) : Math.log1p(r * r);
}

/**
 * ln P(T > t) for t ≥ 0. With x = df/(df+t²): P(T > t) = ½·I_x(df/2, ½), and
 * near the centre ½ - ½·I_{1-x}(½, df/2). Logs of x and 1-x are formed from
 * r = t/√df directly, so far tails neither cancel nor underflow.
 */
function logUpperTail(t: number, df: number): number {
  if (t === 0) return Math.log(0.5);
  if (nearNormal(t, df)) return Math.log(normalCdf(-zFromT(t, df)));
  const a = 0.5 * df;
  const r = t / Math.sqrt(df);
  const r2 = r * r;
  const l1p = log1pSquare(r);
  const logX = -l1p;
  const logY = 2 * Math.log(r) - l1p;
  const x = 1 / (1 + r2);
  if (x < (a + 1) / (a + 2.5)) return Math.log(0.5) + logBetaIncompleteSmallSide(a, 0.5, x, logX, logY);
  const y = r2 / (1 + r2);
  const inner = Math.exp(logBetaIncompleteSmallSide(0.5, a, y, logY, logX));
  return Math.log(0.5) + Math.log1p(-inner);
}

/** ln of the t density. */
function logPdf(t: number, df: number): number {
  const r = Math.abs(t) / Math.sqrt(df);
  return -logBeta(0.5 * df, 0.5) - 0.5 * Math.log(df) - 0.5 * (df + 1) * log1pSquare(r);
}

function nearNormal(x: number, df: number): boolean {
  return 1 + x * x < EXPANSION_CUTOFF * df;
}

/** Cornish-Fisher expansion of the t quantile in powers of 1/df (Abramowitz & Stegun 26.7.5). */
function tFromZ(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / df;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

/** Inverse of tFromZ by fixed-point iteration; each pass gains a factor ~z²/df, tiny wherever nearNormal holds. */
function zFromT(t: number, df: number): number {
  let z = t;
  for (let i = 0; i < 8; i++) {
    const next = z - (tFromZ(z, df) - t);
    if (next === z) break;
    z = next;
  }
  return z;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (real df allowed). */
export function tCdf(t: number, df: number): number {
  checkDf(df, 'tCdf');
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = Math.exp(logUpperTail(Math.abs(t), df));
  return t < 0 ? tail : 1 - tail;
}

/**
 * Starting point for the positive root of P(T > t) = q: the better (by tail
 * error) of the Cornish-Fisher guess, good for moderate df and q, and the
 * power-law tail P(T > t) ≈ df^(df/2-1) t^-df / B(df/2, ½), good for small df or tiny q.
 */
function initialGuess(q: number, logQ: number, df: number): number {
  const candidates: number[] = [];
  const cf = tFromZ(-normalQuantile(q), df);
  if (cf > 0 && Number.isFinite(cf)) candidates.push(cf);
  const logTail = (-logBeta(0.5 * df, 0.5) + (0.5 * df - 1) * Math.log(df) - logQ) / df;
  // The power law underestimates t, so if even it overflows the quantile is not representable.
  if (logTail > LOG_MAX_VALUE) return Infinity;
  const tail = Math.exp(logTail);
  if (tail > 0) candidates.push(tail);
  let best = 1;
  let bestErr = Infinity;
  for (const c of candidates) {
    const err = Math.abs(logUpperTail(c, df) - logQ);
    if (err < bestErr) {
      bestErr = err;
      best = c;
    }
  }
  return best;
}

/**
 * Solves P(T > t) = q for t > 0, q in (0, ½). Newton on ln P(T > t), whose
 * tails are nearly linear in ln t so the steps stay well-scaled from the centre
 * out to 1e-300; every iterate also narrows a bracket and any step that leaves
 * it is replaced by bisection (geometric when the bracket spans decades).
 */
function invertUpperTail(q: number, df: number): number {
  const logQ = Math.log(q);
  let lo = 0;
  let hi = Infinity;
  let t = initialGuess(q, logQ, df);
  if (t === Infinity) return t;
  for (let iter = 0; iter < 400; iter++) {
    const logS = logUpperTail(t, df);
    const h = logS - logQ;
    if (h === 0) return t;
    if (h > 0) lo = t;
    else hi = t;
    // t - h/h' with h' = -pdf/S.
    let next = t + h * Math.exp(logS - logPdf(t, df));
    if (iter > 100 || !(next > lo && next < hi)) {
      if (hi === Infinity) next = t > 2 ? t * t : 4 * t;
      else if (lo > 0 && hi > 4 * lo) next = Math.sqrt(lo * hi);
      else next = 0.5 * (lo + hi);
    }
    if (Math.abs(next - t) <= 1e-15 * next || (hi < Infinity && hi - lo <= 1e-15 * hi)) return next;
    t = next;
  }
  return t;
}

/**
 * Inverse CDF of Student's t: the t with P(T ≤ t) = p, for real df > 0 (tested
 * against tables for df ≥ 1 to ~1e-10 relative). p = 0 and 1 give ∓Infinity;
 * df = Infinity gives the normal quantile.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: probability must be in [0, 1], got ${p}`);
  checkDf(df, 'tQuantile');
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Work with the smaller tail; 1-p is exact for p ≥ ½.
  const q = p < 0.5 ? p : 1 - p;
  const z = -normalQuantile(q);
  const t = nearNormal(z, df) ? tFromZ(z, df) : invertUpperTail(q, df);
  return p < 0.5 ? -t : t;
}
