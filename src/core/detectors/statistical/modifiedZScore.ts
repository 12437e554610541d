/**
 * Modified z-score (Iglewicz & Hoaglin: 0.6745·(x − median)/MAD) of a performance against
 * the same athlete's results of the previous seasons — a sudden step up from one's own
 * recent level, robust to the odd bad race in that history.
 */
import { modifiedZScore, robustSpread, type RobustSpread } from '../../stats/robust';
import { formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import type { Detector, DetectorParameters, EventColumns } from '../types';

/**
 * Each performance's robust z against the athlete's results of seasons [season − seasons,
 * season − 1] on earlier days. The window is the same for most of an athlete's season, so its
 * median and MAD are computed once per distinct window, not once per performance: along a
 * season only the days since the last performance can join it (looked at, not assumed), and
 * a new season's window is compared with the last before it is computed again.
 */
function judge(columns: EventColumns, params: DetectorParameters, indexOnly?: number) {
  const { goodness, career } = performanceContext(columns);
  const { order, careerStart, pastEnd } = career;
  const scores = new Float64Array(goodness.length);
  let detail = { median: NaN, count: 0 };
  const inWindow = (u: number, season: number) => {
    const s = columns.season[order[u]];
    return s < season && s >= season - params.seasons;
  };
  // The current window: positions in career order, for one athlete and season, up to `windowEnd`.
  let window: number[] = [], spread: RobustSpread | null = null, windowStart = -1, windowSeason = NaN, windowEnd = -1;
  // The window's marks go into one growing buffer: thousands of windows, no array each.
  let marks = new Float64Array(64);
  const spreadOf = (positions: number[]) => {
    if (positions.length < params.minResults) return null;
    if (marks.length < positions.length) marks = new Float64Array(2 * positions.length);
    for (let k = 0; k < positions.length; k++) marks[k] = goodness[order[positions[k]]];
    return robustSpread(marks.subarray(0, positions.length));
  };
  for (let t = 0; t < order.length; t++) {
    const row = order[t];
    if (indexOnly !== undefined && row !== indexOnly) continue;
    const season = columns.season[row];
    if (indexOnly === undefined && careerStart[t] === windowStart && season === windowSeason && pastEnd[t] >= windowEnd) {
      const before = window.length;
      for (let u = windowEnd; u < pastEnd[t]; u++) if (inWindow(u, season)) window.push(u);
      windowEnd = pastEnd[t];
      if (window.length !== before) spread = spreadOf(window);
    } else {
      const next: number[] = [];
      for (let u = careerStart[t]; u < pastEnd[t]; u++) if (inWindow(u, season)) next.push(u);
      const same = careerStart[t] === windowStart && next.length === window.length && next.every((u, k) => u === window[k]);
      if (!same) spread = spreadOf(next);
      window = next;
      windowStart = careerStart[t]; windowSeason = season; windowEnd = pastEnd[t];
    }
    if (row === indexOnly) detail = { median: NaN, count: window.length };
    if (!spread) continue;
    const robust = modifiedZScore(goodness[row], spread);
    scores[row] = robust.z;
    if (row === indexOnly) detail = { median: robust.median, count: window.length };
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
