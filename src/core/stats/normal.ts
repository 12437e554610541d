/**
 * The standard normal distribution: density, cumulative distribution, its logarithm in the
 * far tail (where tail probabilities underflow), and the inverse (quantile).
 * CDF: Hart (1968) double-precision rational approximation as given by West (2005),
 * computed on the tail side so that small probabilities keep their relative accuracy
 * (about 1e-14 within 7 sd; the continued fraction beyond is good to about 1e-8 relative).
 * Inverse: Acklam's rational approximation refined by one Halley step (≈1e-15).
 */
const SQRT_2PI = 2.5066282746310002;

export function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/** ln P(Z > |z|) without underflow, valid for every finite z. */
function logTailOfAbs(z: number): number {
  const x = Math.abs(z);
  const logExponential = -0.5 * x * x;
  if (x < 7.07106781186547) {
    let numerator = 3.52624965998911e-2 * x + 0.700383064443688;
    numerator = numerator * x + 6.37396220353165;
    numerator = numerator * x + 33.912866078383;
    numerator = numerator * x + 112.079291497871;
    numerator = numerator * x + 221.213596169931;
    numerator = numerator * x + 220.206867912376;
    let denominator = 8.83883476483184e-2 * x + 1.75566716318264;
    denominator = denominator * x + 16.064177579207;
    denominator = denominator * x + 86.7807322029461;
    denominator = denominator * x + 296.564248779674;
    denominator = denominator * x + 637.333633378831;
    denominator = denominator * x + 793.826512519948;
    denominator = denominator * x + 440.413735824752;
    return logExponential + Math.log(numerator / denominator);
  }
  let fraction = x + 0.65;
  fraction = x + 4 / fraction;
  fraction = x + 3 / fraction;
  fraction = x + 2 / fraction;
  fraction = x + 1 / fraction;
  return logExponential - Math.log(fraction * SQRT_2PI);
}

/** P(Z ≤ z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  const tail = Math.exp(logTailOfAbs(z));
  return z > 0 ? 1 - tail : tail;
}

/** P(Z > z), accurate for large z where 1 − normalCdf(z) would round to 0. */
export function normalUpperTail(z: number): number {
  return normalCdf(-z);
}

/** ln P(Z > z); finite even at z = 60 where the probability itself underflows. */
export function normalLogUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return -Infinity;
  if (z === -Infinity) return 0;
  if (z > 0) return logTailOfAbs(z);
  return Math.log1p(-Math.exp(logTailOfAbs(z)));
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** z such that P(Z ≤ z) = p; ±Infinity at p = 0 or 1; throws outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid probability: ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const value =
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    x = p < P_LOW ? value : -value;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // One Halley step on the accurate CDF, from the side where the probability is small.
  const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
  const u = error * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
