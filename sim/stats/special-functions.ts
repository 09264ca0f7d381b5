// Special functions behind the normal and Student-t distributions: log-gamma,
// log-beta, and the regularized incomplete beta and gamma functions.

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = 1e-16;
// Keeps Lentz's recurrences away from division by zero.
const TINY = 1e-300;

/**
 * ln Γ(z) - [(z-½)ln z - z + ½ln 2π] for z ≥ 10: the Stirling series truncated
 * after the z^-13 term, whose neglected remainder is below 1e-17 there.
 */
function stirlingCorrection(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

/** ln Γ(z) for z > 0, absolute error around 1e-15. */
export function logGamma(z: number): number {
  if (!(z > 0)) throw new RangeError(`logGamma: argument must be positive, got ${z}`);
  if (z >= 10) return (z - 0.5) * Math.log(z) - z + LN_SQRT_2PI + stirlingCorrection(z);
  // Shift up into the Stirling range with Γ(z) = Γ(z+k) / (z(z+1)...(z+k-1)).
  let prod = 1;
  let w = z;
  while (w < 10) {
    prod *= w;
    w += 1;
  }
  return logGamma(w) - Math.log(prod);
}

/**
 * ln B(a, b). When an argument is large the three log-gamma values are huge and
 * nearly cancel, so those cases are rearranged to cancel analytically first;
 * this is what keeps the t distribution accurate at large degrees of freedom.
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`logBeta: arguments must be positive, got ${a}, ${b}`);
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 10) return logGamma(small) + logGamma(large) - logGamma(small + large);
  const sum = small + large;
  const corr = stirlingCorrection(large) - stirlingCorrection(sum);
  if (small < 10) {
    // ln Γ(L) - ln Γ(L+s) = -(L-½)ln(1+s/L) - s ln(L+s) + s + corrections
    return logGamma(small) - (large - 0.5) * Math.log1p(small / large) - small * Math.log(sum) + small + corr;
  }
  return (
    -0.5 * Math.log(sum) +
    LN_SQRT_2PI +
    (small - 0.5) * Math.log(small / sum) +
    (large - 0.5) * Math.log1p(-small / sum) +
    stirlingCorrection(small) +
    corr
  );
}

/**
 * Continued fraction for I_x(a,b) (the classic even/odd-term expansion,
 * evaluated with modified Lentz). It converges quickly only for
 * x < (a+1)/(a+b+2); callers flip to 1 - I_{1-x}(b,a) beyond that.
 * The number of terms grows like sqrt(max(a,b)), hence the generous cap.
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const maxIter = 1000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIter; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta continued fraction did not converge (a=${a}, b=${b}, x=${x})`);
}

/**
 * ln I_x(a,b) by direct continued fraction, for x on the fast-converging side
 * (x < (a+1)/(a+b+2)). ln x and ln(1-x) are passed in so callers can supply
 * them without the rounding of forming 1-x, or when x itself underflows.
 */
export function logBetaIncompleteSmallSide(a: number, b: number, x: number, logX: number, logY: number): number {
  return a * logX + b * logY - logBeta(a, b) - Math.log(a) + Math.log(betaContinuedFraction(a, b, x));
}

/** Regularized incomplete beta I_x(a, b) = P(Beta(a,b) ≤ x). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedBeta: a and b must be positive, got ${a}, ${b}`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const y = 1 - x;
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logBetaIncompleteSmallSide(a, b, x, Math.log(x), Math.log1p(-x)));
  return 1 - Math.exp(logBetaIncompleteSmallSide(b, a, y, Math.log(y), Math.log(x)));
}

/** Power series for P(a, x), converging fast for x < a+1. */
function gammaPSeries(a: number, x: number, logPrefix: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(logPrefix);
}

/** Lentz continued fraction for Q(a, x), converging fast for x > a+1. */
function gammaQContinuedFraction(a: number, x: number, logPrefix: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(logPrefix) * h;
}

function checkGammaArgs(a: number, fn: string): void {
  if (!(a > 0)) throw new RangeError(`${fn}: a must be positive, got ${a}`);
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a,x)/Γ(a). Each of P and Q is
 * computed directly on its own side of x = a+1 (series below, continued
 * fraction above) and only obtained as 1 - other where it is the larger one,
 * so both keep full relative precision when small. Used for erf/erfc (a = ½).
 */
export function regularizedGammaP(a: number, x: number): number {
  checkGammaArgs(a, 'regularizedGammaP');
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  return x < a + 1 ? gammaPSeries(a, x, logPrefix) : 1 - gammaQContinuedFraction(a, x, logPrefix);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x); see regularizedGammaP. */
export function regularizedGammaQ(a: number, x: number): number {
  checkGammaArgs(a, 'regularizedGammaQ');
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  return x < a + 1 ? 1 - gammaPSeries(a, x, logPrefix) : gammaQContinuedFraction(a, x, logPrefix);
}
