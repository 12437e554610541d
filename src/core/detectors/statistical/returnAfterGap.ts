/**
 * Return after a gap: back after two or more seasons without a result in the event, at a
 * level (for the age and the season) above the athlete's level before the gap, when
 * athletes coming back from a gap typically come back lower. The gap may be an injury, a
 * season out of the lists or a ban served; the level is what is judged.
 */
import { perEvent } from '../memo';
import { cellUpperTail } from '../../stats/cellTail';
import { formatMark } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, probabilityScore, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, DetectorParameters, EventColumns } from '../types';
import { mapped } from '../../stats/mapped';

const minCell = 30;

function judgeEvent(columns: EventColumns, params: DetectorParameters) {
  const context = performanceContext(columns);
  const n = columns.mark.length;
  const values = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const missed = columns.season[i] - context.previousSeason[i] - 1;
    if (missed >= params.gapSeasons) values[i] = context.level[i] - context.previousSeasonLevel[i];
  }
  const tail = cellUpperTail({ values, key: new Int32Array(n), minCell });
  const scores = mapped(Float64Array, tail.probability, (p) => (Number.isNaN(p) ? 0 : probabilityScore(p)));
  return { context, tail, scores, values };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'return-after-gap',
  label: 'Return after a gap above the level before it',
  family: 'statistical',
  pattern: 'A return after two or more seasons without a result, above the level for age and season the athlete had before the gap, when returns typically come back lower.',
  parameters: {
    significance: significanceParameter(0.001),
    gapSeasons: { default: 2, min: 1, max: 10, step: 1, label: 'Seasons without a result that make a gap' },
  },
  detect(columns, params) {
    return { scores: judge(columns, params).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index, _result, params) {
    const { context, tail, values } = judge(columns, params);
    const mark = formatMark(columns, columns.mark[index]);
    const previous = context.previousSeason[index];
    if (Number.isNaN(tail.probability[index])) {
      return Number.isNaN(previous)
        ? `${mark} is not judged: this athlete has no earlier season in this event.`
        : `${mark} is not judged: the athlete's last season before was ${previous}, a gap of ${columns.season[index] - previous - 1} seasons, fewer than ${params.gapSeasons}.`;
    }
    const gap = columns.season[index] - previous - 1;
    const change = values[index];
    return `Back after ${gap} seasons without a result (last in ${previous}), ${mark} is ${Math.abs(change).toFixed(1)} sd ${change >= 0 ? 'above' : 'below'} the athlete's best level before the gap, for age and season; among ${tail.referenceSize[index].toLocaleString('en')} returns after a gap in this event, ${(100 * tail.share[index]).toFixed(1)} % came back as strong (robust z ${tail.z[index].toFixed(1)}, chance ${formatChance(tail.probability[index])}).`;
  },
};
