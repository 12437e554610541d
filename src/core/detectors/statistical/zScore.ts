/**
 * z-score within the event, sex and season: how many standard deviations (population sd)
 * a performance is better than that season's mean, in still air (performanceContext.ts).
 * One-sided: only unusually good marks score high, since an unusually bad day is not what
 * an anomaly lab looks for.
 */
import { perEvent } from '../memo';
import { mean, standardDeviation } from '../../stats/descriptive';
import { formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import { groupByKey, groupOfRow, groupValues } from '../groups';
import type { Detector, EventColumns } from '../types';

function seasonMomentsEvent(columns: EventColumns) {
  const { goodness } = performanceContext(columns);
  const seasons = groupByKey(columns.season);
  const groups = seasons.keys.length;
  const centre = new Float64Array(groups), spread = new Float64Array(groups), size = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    const values = groupValues(seasons, g, goodness);
    centre[g] = mean(values);
    spread[g] = standardDeviation(values, 0);
    size[g] = values.length;
  }
  return { goodness, seasons, groupOf: groupOfRow(seasons), centre, spread, size };
}

const seasonMoments = perEvent(seasonMomentsEvent);

export const detector: Detector = {
  id: 'z-score',
  label: 'z-score within season',
  family: 'statistical',
  pattern: "A mark far better than the mean of the season's other marks in the event, in standard deviations.",
  parameters: {
    threshold: { default: 3, min: 1, max: 10, step: 0.1, label: 'Flag at z of at least' },
    minSeasonResults: { default: 5, min: 2, max: 1000, step: 1, label: 'Fewest results in a season to judge it' },
  },
  detect(columns, params) {
    const { goodness, groupOf, centre, spread, size } = seasonMoments(columns);
    const scores = new Float64Array(goodness.length);
    for (let i = 0; i < scores.length; i++) {
      const g = groupOf[i];
      if (size[g] >= params.minSeasonResults && spread[g] > 0) scores[i] = (goodness[i] - centre[g]) / spread[g];
    }
    return { scores, threshold: params.threshold };
  },
  explain(columns, index, result, params) {
    const { seasons, groupOf, centre, spread, size } = seasonMoments(columns);
    const g = groupOf[index];
    const mark = formatMark(columns, columns.mark[index]);
    if (size[g] < params.minSeasonResults || !(spread[g] > 0)) {
      return `${mark} is not judged: the ${seasons.keys[g]} season has ${size[g]} results, fewer than ${params.minSeasonResults} or without spread.`;
    }
    const z = result.scores[index];
    return `${mark} is ${Math.abs(z).toFixed(1)} sd ${z >= 0 ? 'better' : 'worse'} than the ${seasons.keys[g]} season's mean of ${formatMark(columns, markFromGoodness(columns, centre[g]))} (sd ${spread[g].toFixed(2)}, ${size[g]} results).`;
  },
};
