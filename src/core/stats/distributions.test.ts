/** Normal, chi-square and bivariate normal against published table values and quadrature. */
import { describe, expect, it } from 'vitest';
import { bivariateNormalUpperTail } from './bivariateNormal';
import { chiSquareQuantile } from './chiSquare';
import { normalCdf, normalLogUpperTail, normalQuantile } from './normal';

describe('normal distribution', () => {
  it('matches table values of Φ', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 7); // the far-tail fraction is good to ~1e-8 relative
  });
  it('keeps the far tail in log space', () => {
    // ln P(Z > 40) ≈ −800 − ln(40·√(2π)) − ln(1 + 1/1600 − …) = −804.608442
    expect(normalLogUpperTail(40)).toBeCloseTo(-804.60844, 4);
    expect(normalLogUpperTail(-40)).toBeCloseTo(0, 15);
  });
  it('inverts Φ to near double precision', () => {
    for (const p of [1e-12, 0.001, 0.02, 0.3, 0.5, 0.9, 0.999999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(() => normalQuantile(-0.1)).toThrow('invalid probability: -0.1');
  });
});

describe('chi-square quantile (Wilson–Hilferty)', () => {
  it('is within 0.5 % of the exact table values in the body and 1.5 % at p = 0.999', () => {
    expect(chiSquareQuantile(0.5, 5) / 4.35146).toBeCloseTo(1, 2);
    expect(chiSquareQuantile(0.975, 5) / 12.8325).toBeCloseTo(1, 2);
    expect(Math.abs(chiSquareQuantile(0.999, 4) / 18.4668 - 1)).toBeLessThan(0.015);
  });
});

describe('bivariate normal upper tail', () => {
  it('equals 1/4 + asin(r)/(2π) at the origin for every branch of r', () => {
    for (const r of [-0.95, -0.5, 0, 0.2, 0.5, 0.8, 0.95]) expect(bivariateNormalUpperTail(0, 0, r)).toBeCloseTo(0.25 + Math.asin(r) / (2 * Math.PI), 12);
  });
  it('agrees with a direct quadrature away from the origin', () => {
    // P(X > h, Y > k) = ∫_h^∞ φ(x) P(Y > k | x) dx with Y | x ~ N(rx, 1 − r²), by Simpson's rule.
    const direct = (h: number, k: number, r: number): number => {
      const steps = 4000, top = 12, width = (top - h) / steps;
      let sum = 0;
      for (let i = 0; i <= steps; i++) {
        const x = h + i * width;
        const f = (Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)) * (1 - normalCdf((k - r * x) / Math.sqrt(1 - r * r)));
        sum += f * (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2);
      }
      return (sum * width) / 3;
    };
    for (const [h, k, r] of [[1, 2, 0.3], [2.5, 1.5, 0.6], [3, 3.5, 0.9], [-1, 0.5, -0.4], [1, -1, -0.95], [2, 2, 0.97]]) {
      expect(bivariateNormalUpperTail(h, k, r)).toBeCloseTo(direct(h, k, r), 9);
    }
  });
});
