/**
 * Gaussian copula of level and improvement: both are turned into normal scores through
 * their ranks (u = rank/(m + 1)), their correlation ρ estimated from those scores, and a
 * performance scored by −log10 of the joint upper-tail probability P(level ≥ its, improvement
 * ≥ its) under the copula — a top mark that is also a big jump is rarer than either.
 * Performances without an improvement (no previous season) are not judged (score 0).
 */
import { bivariateNormalUpperTail } from '../../stats/bivariateNormal';
import { normalCdf, normalQuantile } from '../../stats/normal';
import { averageRanks } from '../../stats/ranks';
import { formatMargin, formatMark, goodnessOf } from '../goodness';
import type { Detector, EventColumns } from '../types';

function judge(columns: EventColumns) {
  const goodness = goodnessOf(columns);
  const n = goodness.length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(columns.improvement[i])) rows.push(i);
  const m = rows.length;
  const levelRanks = averageRanks(rows.map((i) => goodness[i]));
  const jumpRanks = averageRanks(rows.map((i) => columns.improvement[i]));
  const level = new Float64Array(n).fill(NaN), jump = new Float64Array(n).fill(NaN);
  let sxy = 0, sxx = 0, syy = 0;
  rows.forEach((row, t) => {
    const x = normalQuantile(levelRanks[t] / (m + 1)), y = normalQuantile(jumpRanks[t] / (m + 1));
    level[row] = x; jump[row] = y;
    sxy += x * y; sxx += x * x; syy += y * y;
  });
  const rho = m > 2 && sxx > 0 && syy > 0 ? Math.max(-0.999, Math.min(0.999, sxy / Math.sqrt(sxx * syy))) : 0;
  const scores = new Float64Array(n);
  for (const row of rows) scores[row] = -Math.log10(Math.max(bivariateNormalUpperTail(level[row], jump[row], rho), 1e-300));
  return { scores, level, jump, rho, judged: m };
}

export const detector: Detector = {
  id: 'gaussian-copula',
  label: 'Gaussian copula of level and improvement',
  family: 'advanced',
  parameters: {
    significance: { default: 0.001, min: 1e-9, max: 0.1, label: 'Flag when the joint tail probability is at most' },
  },
  detect(columns, params) {
    return { scores: judge(columns).scores, threshold: -Math.log10(params.significance) };
  },
  explain(columns, index, result) {
    const mark = formatMark(columns, columns.mark[index]);
    if (!Number.isFinite(columns.improvement[index])) return `${mark} is not judged: this athlete has no previous season best to improve on.`;
    const { level, jump, rho, judged } = judge(columns);
    const pct = (z: number) => (100 * normalCdf(z)).toFixed(1);
    return `${mark} is better than ${pct(level[index])} % of the ${judged} judged performances and its improvement (${formatMargin(columns, columns.improvement[index])}) larger than ${pct(jump[index])} %; with rank correlation ${rho.toFixed(2)} both together have probability ${Math.pow(10, -result.scores[index]).toExponential(1)}.`;
  },
};
