/**
 * Arrival from nowhere: a first season in the event already high in the season's list,
 * higher than newcomers of that age usually arrive. The season's list is the yardstick (so
 * 1975 and 2025 are judged against their own marks), and the newcomers of the same age in
 * the event say how rare such an arrival is.
 */
import { perEvent } from '../memo';
import { cellUpperTail } from '../../stats/cellTail';
import { normalQuantile } from '../../stats/normal';
import { ageKey } from '../ageCurve';
import { formatMark } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, probabilityScore, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, EventColumns } from '../types';
import { mapped } from '../../stats/mapped';

const minCell = 50;

function judgeEvent(columns: EventColumns) {
  const context = performanceContext(columns);
  // The percentile as a normal score, so that the top of a season's list stays apart from the near-top.
  const values = mapped(Float64Array, context.seasonPercentile, (u, i) => (context.firstSeason[i] ? normalQuantile(u) : NaN));
  const tail = cellUpperTail({ values, key: mapped(Int32Array, columns.age, ageKey), minCell });
  const scores = mapped(Float64Array, tail.probability, (p) => (Number.isNaN(p) ? 0 : probabilityScore(p)));
  return { context, tail, scores };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'arrival',
  label: 'Arrival high in the list with no earlier results',
  family: 'statistical',
  pattern: "A first season in the event already high in the season's list, higher than newcomers of that age usually arrive.",
  parameters: {
    significance: significanceParameter(0.001),
  },
  detect(columns, params) {
    return { scores: judge(columns).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index) {
    const { context, tail } = judge(columns);
    const mark = formatMark(columns, columns.mark[index]);
    if (!context.firstSeason[index]) return `${mark} is not judged: this athlete has results in this event from earlier seasons (the last in ${context.previousSeason[index]}), so it is no arrival.`;
    const ages = tail.keyFrom[index] < 0 ? 'newcomers of unknown age' : tail.keyFrom[index] === tail.keyTo[index] ? `newcomers aged ${tail.keyFrom[index]}` : `newcomers aged ${tail.keyFrom[index]}–${tail.keyTo[index]}`;
    return `In this athlete's first season in the event, ${mark} beats ${(100 * context.seasonPercentile[index]).toFixed(0)} % of the ${columns.season[index]} season's marks; among ${tail.referenceSize[index].toLocaleString('en')} first-season results of ${ages}, ${(100 * tail.share[index]).toFixed(1)} % arrived that high (robust z ${tail.z[index].toFixed(1)}, chance ${formatChance(tail.probability[index])}).`;
  },
};
