/**
 * Percentile rank against the athlete's own history: the share of their earlier results
 * this performance beats (ties count half). The score is −log10 of the chance that a
 * result ranks this high among m + 1 exchangeable results, p = (1 + #earlier at least as
 * good)/(m + 1), so a best-ever mark after 40 results weighs more than one after 5.
 */
import { perEvent } from '../memo';
import { formatMark } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, scoreProbability, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, DetectorParameters, EventColumns } from '../types';

function judgeEvent(columns: EventColumns, params: DetectorParameters) {
  const { goodness, career } = performanceContext(columns);
  const { order, careerStart, pastEnd } = career;
  const n = goodness.length;
  const scores = new Float64Array(n), percentile = new Float64Array(n).fill(NaN), history = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const row = order[t];
    const count = pastEnd[t] - careerStart[t];
    history[row] = count;
    if (count < params.minResults) continue;
    let worse = 0, ties = 0;
    for (let s = careerStart[t]; s < pastEnd[t]; s++) {
      const earlier = goodness[order[s]];
      if (earlier < goodness[row]) worse++;
      else if (earlier === goodness[row]) ties++;
    }
    percentile[row] = (100 * (worse + 0.5 * ties)) / count;
    scores[row] = -Math.log10((1 + count - worse) / (count + 1));
  }
  return { scores, percentile, history };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'history-percentile',
  label: "Percentile rank in the athlete's own history",
  family: 'statistical',
  pattern: "A mark that ranks higher among the athlete's own earlier results than chance would let it.",
  parameters: {
    significance: significanceParameter(0.05, 'Flag when the chance of ranking this high is at most'),
    minResults: { default: 5, min: 1, max: 100, step: 1, label: 'Fewest earlier results to judge' },
  },
  detect(columns, params) {
    return { scores: judge(columns, params).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index, result, params) {
    const { percentile, history } = judge(columns, params);
    const mark = formatMark(columns, columns.mark[index]);
    if (history[index] < params.minResults) {
      return `${mark} is not judged: this athlete has ${history[index]} earlier results, fewer than ${params.minResults}.`;
    }
    const chance = scoreProbability(result.scores[index]);
    return `${mark} beats ${percentile[index].toFixed(0)} % of this athlete's ${history[index]} earlier results (percentile rank ${percentile[index].toFixed(1)}; a chance of ${formatChance(chance)} to rank this high).`;
  },
};
