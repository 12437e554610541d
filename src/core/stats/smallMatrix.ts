/**
 * Dense linear algebra for the handful of features of a detector (p ≤ ~10): mean and
 * covariance of a subset of rows, Cholesky factor, log-determinant and squared
 * Mahalanobis distance. Matrices are row-major Float64Arrays of p × p.
 */

/** Mean vector and covariance (divided by m, as sklearn's empirical_covariance) of `rows[0..m)`. */
export function subsetMoments(points: Float64Array, p: number, rows: Int32Array, m: number): { location: Float64Array; covariance: Float64Array } {
  const location = new Float64Array(p);
  const covariance = new Float64Array(p * p);
  for (let t = 0; t < m; t++) for (let a = 0, b = rows[t] * p; a < p; a++) location[a] += points[b + a];
  for (let a = 0; a < p; a++) location[a] /= m;
  for (let t = 0; t < m; t++) {
    const b = rows[t] * p;
    for (let a = 0; a < p; a++) {
      const da = points[b + a] - location[a];
      for (let c = 0; c <= a; c++) covariance[a * p + c] += da * (points[b + c] - location[c]);
    }
  }
  for (let a = 0; a < p; a++) for (let c = 0; c <= a; c++) {
    covariance[a * p + c] /= m;
    covariance[c * p + a] = covariance[a * p + c];
  }
  return { location, covariance };
}

/** Lower-triangular L with L·Lᵀ = matrix, or null when the matrix is not positive definite. */
export function cholesky(matrix: Float64Array, p: number): Float64Array | null {
  const factor = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * p + j];
      for (let k = 0; k < j; k++) sum -= factor[i * p + k] * factor[j * p + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        factor[i * p + i] = Math.sqrt(sum);
      } else factor[i * p + j] = sum / factor[j * p + j];
    }
  }
  return factor;
}

export function logDeterminantFromCholesky(factor: Float64Array, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i++) sum += 2 * Math.log(factor[i * p + i]);
  return sum;
}

/**
 * Squared Mahalanobis distance of every row: solve L·y = x − location, distance = |y|².
 * `out` is filled and returned so C-steps can reuse one buffer.
 */
export function mahalanobisSquared(points: Float64Array, p: number, location: Float64Array, factor: Float64Array, out: Float64Array): Float64Array {
  const n = points.length / p;
  const y = new Float64Array(p);
  for (let row = 0; row < n; row++) {
    let d2 = 0;
    for (let i = 0, b = row * p; i < p; i++) {
      let value = points[b + i] - location[i];
      for (let k = 0; k < i; k++) value -= factor[i * p + k] * y[k];
      y[i] = value / factor[i * p + i];
      d2 += y[i] * y[i];
    }
    out[row] = d2;
  }
  return out;
}
