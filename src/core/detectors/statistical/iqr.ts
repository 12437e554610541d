/**
 * Tukey's fences within the event, sex and season: the score is how many interquartile
 * ranges a performance lies beyond the season's better quartile (quartiles by numpy's
 * linear interpolation), so it flags exactly at the upper fence Q3 + k·IQR of goodness
 * (in still air, performanceContext.ts).
 */
import { perEvent } from '../memo';
import { quantileSorted, sortedCopy } from '../../stats/descriptive';
import { formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import { groupByKey, groupOfRow, groupValues } from '../groups';
import type { Detector, EventColumns } from '../types';

function seasonQuartilesEvent(columns: EventColumns) {
  const { goodness } = performanceContext(columns);
  const seasons = groupByKey(columns.season);
  const groups = seasons.keys.length;
  const upper = new Float64Array(groups), range = new Float64Array(groups), size = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    const sorted = sortedCopy(groupValues(seasons, g, goodness));
    upper[g] = quantileSorted(sorted, 0.75);
    range[g] = upper[g] - quantileSorted(sorted, 0.25);
    size[g] = sorted.length;
  }
  return { goodness, seasons, groupOf: groupOfRow(seasons), upper, range, size };
}

const seasonQuartiles = perEvent(seasonQuartilesEvent);

export const detector: Detector = {
  id: 'iqr',
  label: 'IQR (Tukey fences) within season',
  family: 'statistical',
  pattern: "A mark beyond the season's upper fence (the better quartile plus k interquartile ranges) in the event.",
  parameters: {
    fence: { default: 1.5, min: 0.5, max: 10, step: 0.1, label: 'Fence in IQRs beyond the better quartile' },
    minSeasonResults: { default: 5, min: 4, max: 1000, step: 1, label: 'Fewest results in a season to judge it' },
  },
  detect(columns, params) {
    const { goodness, groupOf, upper, range, size } = seasonQuartiles(columns);
    const scores = new Float64Array(goodness.length);
    for (let i = 0; i < scores.length; i++) {
      const g = groupOf[i];
      if (size[g] >= params.minSeasonResults && range[g] > 0) scores[i] = (goodness[i] - upper[g]) / range[g];
    }
    return { scores, threshold: params.fence };
  },
  explain(columns, index, result, params) {
    const { seasons, groupOf, upper, range, size } = seasonQuartiles(columns);
    const g = groupOf[index];
    const mark = formatMark(columns, columns.mark[index]);
    if (size[g] < params.minSeasonResults || !(range[g] > 0)) {
      return `${mark} is not judged: the ${seasons.keys[g]} season has ${size[g]} results, fewer than ${params.minSeasonResults} or no spread between its quartiles.`;
    }
    const quartile = formatMark(columns, markFromGoodness(columns, upper[g]));
    const score = result.scores[index];
    return `${mark} is ${Math.abs(score).toFixed(2)} IQR ${score >= 0 ? 'beyond' : 'short of'} the ${seasons.keys[g]} season's better quartile of ${quartile} (IQR ${range[g].toFixed(2)}, fence at ${params.fence} IQR).`;
  },
};
