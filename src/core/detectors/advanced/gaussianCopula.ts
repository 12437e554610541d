/**
 * Gaussian copula of level and improvement: a mark's level (for age and season,
 * performanceContext.ts) and its improvement on the athlete's best of earlier seasons are turned into
 * normal scores through their ranks (u = rank/(m + 1)), their correlation ρ estimated from
 * those scores, and a performance scored by −log10 of the joint upper-tail probability
 * P(level ≥ its, improvement ≥ its) under the copula — a top mark that is also a big jump is
 * rarer than either. Performances in an athlete's first season are not judged (score 0).
 */
import { perEvent } from '../memo';
import { bivariateNormalUpperTails } from '../../stats/bivariateNormal';
import { normalCdf, normalQuantile } from '../../stats/normal';
import { averageRanks } from '../../stats/ranks';
import { formatMargin, formatMark } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, scoreProbability, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, EventColumns } from '../types';

function judgeEvent(columns: EventColumns) {
  const context = performanceContext(columns);
  const n = columns.mark.length;
  let m = 0;
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) if (Number.isFinite(context.bestBefore[i])) rows[m++] = i;
  const levels = new Float64Array(m), jumps = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    levels[t] = context.level[rows[t]];
    jumps[t] = context.goodness[rows[t]] - context.bestBefore[rows[t]];
  }
  const levelRanks = averageRanks(levels), jumpRanks = averageRanks(jumps);
  const level = new Float64Array(n).fill(NaN), jump = new Float64Array(n).fill(NaN);
  // Ranks are whole or half numbers in 1..m, the same for both columns: each normal score once.
  const scoreOfRank = new Float64Array(2 * m + 2).fill(NaN);
  const normalScore = (rank: number) => {
    const at = 2 * rank;
    if (Number.isNaN(scoreOfRank[at])) scoreOfRank[at] = normalQuantile(rank / (m + 1));
    return scoreOfRank[at];
  };
  let sxy = 0, sxx = 0, syy = 0;
  for (let t = 0; t < m; t++) {
    const x = normalScore(levelRanks[t]), y = normalScore(jumpRanks[t]);
    level[rows[t]] = x; jump[rows[t]] = y;
    sxy += x * y; sxx += x * x; syy += y * y;
  }
  const rho = m > 2 && sxx > 0 && syy > 0 ? Math.max(-0.999, Math.min(0.999, sxy / Math.sqrt(sxx * syy))) : 0;
  const upperTail = bivariateNormalUpperTails(rho);
  const scores = new Float64Array(n);
  for (let t = 0; t < m; t++) scores[rows[t]] = -Math.log10(Math.max(upperTail(level[rows[t]], jump[rows[t]]), 1e-300));
  return { scores, level, jump, rho, judged: m, context };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'gaussian-copula',
  label: 'Gaussian copula of level and improvement',
  family: 'advanced',
  pattern: "A mark that is both high for its age and season and a big step up on the athlete's best of earlier seasons, rarer together than either alone.",
  parameters: {
    significance: significanceParameter(0.001, 'Flag when the joint tail chance is at most'),
  },
  detect(columns, params) {
    return { scores: judge(columns).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index, result) {
    const mark = formatMark(columns, columns.mark[index]);
    const { level, jump, rho, judged, context } = judge(columns);
    if (!Number.isFinite(context.bestBefore[index])) return `${mark} is not judged: it is in this athlete's first season in the event, with no earlier best to improve on.`;
    const pct = (z: number) => (100 * normalCdf(z)).toFixed(1);
    return `${mark} is higher for its age and season than ${pct(level[index])} % of the ${judged.toLocaleString('en')} judged performances and ${formatMargin(columns, context.goodness[index] - context.bestBefore[index])} than the athlete's best of earlier seasons, more than ${pct(jump[index])} %; with rank correlation ${rho.toFixed(2)} both together have chance ${formatChance(scoreProbability(result.scores[index]))}.`;
  },
};
