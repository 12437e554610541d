/**
 * The event's age curve: expected goodness as a quadratic in age (least squares on the
 * rows whose age is known, age centred for conditioning). Rows of unknown age get the mean
 * goodness of such rows. Too few ages (under 10) or no spread in age gives a flat curve.
 */
export function ageCurve(age: Float64Array, goodness: Float64Array): Float64Array {
  const n = goodness.length;
  let known = 0, ageSum = 0, unknownSum = 0, knownSum = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(age[i])) { known++; ageSum += age[i]; knownSum += goodness[i]; } else unknownSum += goodness[i];
  }
  const expected = new Float64Array(n);
  const unknownMean = n - known > 0 ? unknownSum / (n - known) : 0;
  const flat = known > 0 ? knownSum / known : unknownMean;
  const centre = known > 0 ? ageSum / known : 0;
  // Normal equations of g = b0 + b1·a + b2·a² with a = age − centre.
  const s = new Float64Array(5), t = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(age[i])) continue;
    const a = age[i] - centre;
    let power = 1;
    for (let k = 0; k < 5; k++) { s[k] += power; if (k < 3) t[k] += power * goodness[i]; power *= a; }
  }
  const coefficients = known >= 10 ? solve3([s[0], s[1], s[2], s[1], s[2], s[3], s[2], s[3], s[4]], t) : null;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(age[i])) { expected[i] = unknownMean; continue; }
    const a = age[i] - centre;
    expected[i] = coefficients ? coefficients[0] + coefficients[1] * a + coefficients[2] * a * a : flat;
  }
  return expected;
}

/** Cramer's rule for a 3 × 3 system; null when (nearly) singular. */
function solve3(m: number[], b: Float64Array): number[] | null {
  const det = (a: number[]) => a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const d = det(m);
  const scale = Math.abs(m[0] * m[4] * m[8]) || 1;
  if (!(Math.abs(d) > 1e-12 * scale)) return null;
  return [0, 1, 2].map((column) => {
    const replaced = m.slice();
    for (let row = 0; row < 3; row++) replaced[row * 3 + column] = b[row];
    return det(replaced) / d;
  });
}
