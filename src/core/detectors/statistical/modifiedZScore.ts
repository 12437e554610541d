/**
 * Modified z-score (Iglewicz & Hoaglin: 0.6745·(x − median)/MAD) of a performance against
 * the same athlete's results of the previous seasons — a sudden step up from one's own
 * recent level, robust to the odd bad race in that history.
 */
import { modifiedZScore } from '../../stats/robust';
import { pastValues, type CareerOrder } from '../careerHistory';
import { formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import type { Detector, DetectorParameters, EventColumns } from '../types';

/** Goodness of the athlete's earlier results in seasons [season − seasons, season − 1]. */
function recentPast(columns: EventColumns, career: CareerOrder, position: number, goodness: Float64Array, seasons: number): Float64Array {
  const season = columns.season[career.order[position]];
  return pastValues(career, career.careerStart[position], career.pastEnd[position], goodness, (row) => {
    const s = columns.season[row];
    return s < season && s >= season - seasons;
  });
}

function judge(columns: EventColumns, params: DetectorParameters, indexOnly?: number) {
  const { goodness, career } = performanceContext(columns);
  const scores = new Float64Array(goodness.length);
  let detail = { median: NaN, count: 0 };
  for (let t = 0; t < career.order.length; t++) {
    const row = career.order[t];
    if (indexOnly !== undefined && row !== indexOnly) continue;
    const past = recentPast(columns, career, t, goodness, params.seasons);
    if (row === indexOnly) detail = { median: NaN, count: past.length };
    if (past.length < params.minResults) continue;
    const robust = modifiedZScore(goodness[row], past);
    scores[row] = robust.z;
    if (row === indexOnly) detail = { median: robust.median, count: past.length };
  }
  return { scores, detail };
}

export const detector: Detector = {
  id: 'modified-z-score',
  label: "Modified z-score against the athlete's previous seasons",
  family: 'statistical',
  pattern: "A sudden step up from the athlete's own level of the previous seasons, robust to the odd bad race in that history.",
  parameters: {
    threshold: { default: 3.5, min: 1, max: 20, step: 0.1, label: 'Flag at robust z of at least' },
    seasons: { default: 2, min: 1, max: 10, step: 1, label: 'Previous seasons to compare with' },
    minResults: { default: 3, min: 2, max: 50, step: 1, label: 'Fewest previous results to judge' },
  },
  detect(columns, params) {
    return { scores: judge(columns, params).scores, threshold: params.threshold };
  },
  explain(columns, index, result, params) {
    const { detail } = judge(columns, params, index);
    const mark = formatMark(columns, columns.mark[index]);
    const window = params.seasons === 1 ? 'previous season' : `previous ${params.seasons} seasons`;
    if (detail.count < params.minResults) {
      return `${mark} is not judged: this athlete has ${detail.count} results in the ${window}, fewer than ${params.minResults}.`;
    }
    const z = result.scores[index];
    const median = formatMark(columns, markFromGoodness(columns, detail.median));
    return `${mark} is ${Math.abs(z).toFixed(1)} robust z ${z >= 0 ? 'better' : 'worse'} than this athlete's ${median} median of the ${window} (${detail.count} results).`;
  },
};
