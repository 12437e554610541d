/**
 * Bayesian hierarchical career model (empirical Bayes, normal–normal): a mark's residual
 * against the event's season level and age curve (performanceContext.ts) is the athlete's
 * level u ~ N(0, τ²) plus noise N(0, σ²), with σ² pooled within athletes and τ² between them
 * (method of moments). A performance is judged only by the athlete's PAST results: after m
 * earlier residuals with mean r̄, u has posterior N(mτ²r̄/(mτ² + σ²), τ²σ²/(mτ² + σ²)); the
 * score is −log10 of the posterior predictive chance of doing at least this well.
 */
import { perEvent } from '../memo';
import { normalLogUpperTail } from '../../stats/normal';
import { formatMargin, formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, scoreProbability, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, DetectorParameters, EventColumns } from '../types';

function judgeEvent(columns: EventColumns, params: DetectorParameters) {
  const context = performanceContext(columns);
  const { residual, goodness } = context;
  const n = goodness.length;
  const { order, careerStart, pastEnd } = context.career;
  // Variance components from whole careers (population hyperparameters, not a row's future).
  let within = 0, withinDf = 0, athletes = 0, meanOfMeans = 0, meanSq = 0, noiseShare = 0;
  const prefix = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) prefix[t + 1] = prefix[t] + residual[order[t]];
  for (let t = 0; t < n; ) {
    let end = t + 1;
    while (end < n && careerStart[end] === t) end++;
    const count = end - t, athleteMean = (prefix[end] - prefix[t]) / count;
    for (let s = t; s < end; s++) within += (residual[order[s]] - athleteMean) ** 2;
    withinDf += count - 1; athletes++;
    meanOfMeans += athleteMean; meanSq += athleteMean * athleteMean; noiseShare += 1 / count;
    t = end;
  }
  const sigma2 = withinDf > 0 && within > 0 ? within / withinDf : 1e-6;
  const betweenMeans = athletes > 0 ? meanSq / athletes - (meanOfMeans / athletes) ** 2 : 0;
  const tau2 = Math.max(betweenMeans - (athletes > 0 ? (sigma2 * noiseShare) / athletes : 0), 0.01 * sigma2);
  const scores = new Float64Array(n), predicted = new Float64Array(n).fill(NaN), spread = new Float64Array(n), history = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const row = order[t], m = pastEnd[t] - careerStart[t];
    history[row] = m;
    if (m < params.minResults) continue;
    const pastSum = prefix[pastEnd[t]] - prefix[careerStart[t]];
    const shrunk = (tau2 * pastSum) / (m * tau2 + sigma2);
    const posteriorVariance = (tau2 * sigma2) / (m * tau2 + sigma2);
    spread[row] = Math.sqrt(sigma2 + posteriorVariance);
    predicted[row] = goodness[row] - residual[row] + shrunk;
    scores[row] = -normalLogUpperTail((residual[row] - shrunk) / spread[row]) / Math.LN10;
  }
  return { scores, predicted, spread, history, context };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'career-model',
  label: 'Bayesian career model (age curve with athlete effects)',
  family: 'advanced',
  pattern: "A mark far better than the athlete's earlier results predict, once the event's age curve and the season's level are allowed for.",
  parameters: {
    significance: significanceParameter(0.001, 'Flag when the posterior predictive chance is at most'),
    minResults: { default: 3, min: 1, max: 50, step: 1, label: 'Fewest earlier results to judge' },
  },
  detect(columns, params) {
    return { scores: judge(columns, params).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index, result, params) {
    const { predicted, spread, history, context } = judge(columns, params);
    const mark = formatMark(columns, columns.mark[index]);
    if (history[index] < params.minResults) return `${mark} is not judged: this athlete has ${history[index]} earlier results, fewer than ${params.minResults}.`;
    const margin = context.goodness[index] - predicted[index];
    const age = Number.isFinite(columns.age[index]) ? ` at age ${Math.floor(columns.age[index])}` : '';
    return `${mark} is ${formatMargin(columns, margin)} than the ${formatMark(columns, markFromGoodness(columns, predicted[index]))} this athlete's ${history[index]} earlier results predict${age} in ${columns.season[index]} (predictive sd ${spread[index].toFixed(2)}, chance ${formatChance(scoreProbability(result.scores[index]))}).`;
  },
};
