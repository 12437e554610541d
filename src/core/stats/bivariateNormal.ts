/**
 * Upper orthant probability of the standard bivariate normal, P(X > h, Y > k) with
 * correlation r: Alan Genz's BVNU (Drezner–Wesolowsky with Gauss–Legendre quadrature,
 * about 1e-15 absolute), the algorithm behind scipy's multivariate normal CDF in 2-D.
 */
import { normalCdf } from './normal';

const W6 = [0.1713244923791705, 0.3607615730481384, 0.4679139345726904];
const X6 = [0.9324695142031522, 0.6612093864662647, 0.238619186083197];
const W12 = [0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659, 0.2334925365383547, 0.2491470458134029];
const X12 = [0.9815606342467191, 0.904117256370475, 0.769902674194305, 0.5873179542866171, 0.3678314989981802, 0.1252334085114692];
const W20 = [0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475, 0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821, 0.1491729864726037, 0.1527533871307259];
const X20 = [0.9931285991850949, 0.9639719272779138, 0.9122344282513259, 0.8391169718222188, 0.7463319064601508, 0.636053680726515, 0.5108670019508271, 0.3737060887154196, 0.2277858511416451, 0.07652652113349733];
const TWO_PI = 2 * Math.PI;

/** Each rule's nodes on [0, 2] (1 − x and 1 + x) with their weights, made once, not per call. */
const rule = (halfW: number[], halfX: number[]) => ({
  nodes: Float64Array.from(halfX.map((x) => 1 - x).concat(halfX.map((x) => 1 + x))),
  weights: Float64Array.from(halfW.concat(halfW)),
});
const RULE6 = rule(W6, X6), RULE12 = rule(W12, X12), RULE20 = rule(W20, X20);

export function bivariateNormalUpperTail(h: number, k: number, r: number): number {
  return bivariateNormalUpperTails(r)(h, k);
}

/**
 * P(X > h, Y > k) for one correlation r and many (h, k): what depends on r alone (the
 * quadrature's sines, square roots and squares) is computed once, and each call does the
 * rest with the same operations in the same order, so each value is the one-off call's.
 */
export function bivariateNormalUpperTails(r: number): (h: number, k: number) => number {
  if (!(r >= -1 && r <= 1)) throw new Error(`invalid correlation: ${r}`);
  const absR = Math.abs(r);
  const { nodes, weights } = absR < 0.3 ? RULE6 : absR < 0.75 ? RULE12 : RULE20;
  const count = nodes.length;
  // |r| < 0.925: sin(asin(r)/2 · node) and 1 − its square per node.
  const asr = Math.asin(r) / 2;
  const sine = nodes.map((node) => Math.sin(asr * node)), cosine2 = sine.map((sn) => 1 - sn * sn);
  // |r| ≥ 0.925: with a = √(1 − r²)/2, (a · node)², √(1 − that) and (1 + √…)² per node.
  const as = 1 - r * r, halfA = Math.sqrt(as) / 2;
  const xs = nodes.map((node) => (halfA * node) ** 2), rs = xs.map((x) => Math.sqrt(1 - x)), rs1 = rs.map((v) => (1 + v) ** 2);
  return (h, k) => {
    if (h === Infinity || k === Infinity) return 0;
    if (h === -Infinity) return k === -Infinity ? 1 : normalCdf(-k);
    if (k === -Infinity) return normalCdf(-h);
    if (r === 0) return normalCdf(-h) * normalCdf(-k);
    let hk = h * k;
    let bvn = 0;
    if (absR < 0.925) {
      const hs = (h * h + k * k) / 2;
      for (let i = 0; i < count; i++) bvn += weights[i] * Math.exp((sine[i] * hk - hs) / cosine2[i]);
      bvn = (bvn * asr) / TWO_PI + normalCdf(-h) * normalCdf(-k);
      return clampProbability(bvn);
    }
    let kk = k;
    if (r < 0) {
      kk = -k;
      hk = -hk;
    }
    if (absR < 1) {
      const a = Math.sqrt(as);
      const bs = (h - kk) ** 2;
      const c = (4 - hk) / 8;
      const d = (12 - hk) / 80;
      let exponent = -(bs / as + hk) / 2;
      if (exponent > -100) bvn = a * Math.exp(exponent) * (1 - (c * (bs - as) * (1 - d * bs)) / 3 + c * d * as * as);
      if (hk > -100) {
        const b = Math.sqrt(bs);
        const sp = Math.sqrt(TWO_PI) * normalCdf(-b / a);
        bvn -= Math.exp(-hk / 2) * sp * b * (1 - (c * bs * (1 - d * bs)) / 3);
      }
      let sum = 0;
      for (let i = 0; i < count; i++) {
        exponent = -(bs / xs[i] + hk) / 2;
        if (exponent <= -100) continue;
        const sp = 1 + c * xs[i] * (1 + 5 * d * xs[i]);
        const ep = Math.exp((-(hk / 2) * xs[i]) / rs1[i]) / rs[i];
        sum += weights[i] * Math.exp(exponent) * (sp - ep);
      }
      bvn = (halfA * sum - bvn) / TWO_PI;
    }
    if (r > 0) bvn += normalCdf(-Math.max(h, kk));
    else if (h >= kk) bvn = -bvn;
    else {
      const between = h < 0 ? normalCdf(kk) - normalCdf(h) : normalCdf(-h) - normalCdf(-kk);
      bvn = between - bvn;
    }
    return clampProbability(bvn);
  };
}

function clampProbability(p: number): number {
  return Math.max(0, Math.min(1, p));
}
