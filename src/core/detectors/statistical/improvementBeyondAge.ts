/**
 * Improvement beyond age: a mark that betters the athlete's best of earlier seasons by more
 * than athletes of the same age and level typically improve in this event. A 17-year-old
 * taking a second off their best is ordinary; a 29-year-old at world level doing it is not,
 * and the event's own results say how rare each is (the results of athletes that age, in
 * the same third by their earlier best, cellTail.ts).
 */
import { perEvent } from '../memo';
import { cellUpperTail } from '../../stats/cellTail';
import { ageKey } from '../ageCurve';
import { formatMargin, formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, probabilityScore, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, DetectorParameters, EventColumns } from '../types';
import { mapped } from '../../stats/mapped';

const minCell = 50;
const thirds = ['lowest', 'middle', 'highest'];

/** Terciles of the judged rows' earlier best level: 0, 1, 2. */
function levelThirds(values: Float64Array, judged: (i: number) => boolean): Int32Array {
  let m = 0;
  const known = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (judged(i)) known[m++] = values[i];
  known.subarray(0, m).sort();
  const cut1 = m > 0 ? known[Math.floor(m / 3)] : 0, cut2 = m > 0 ? known[Math.floor((2 * m) / 3)] : 0;
  return mapped(Int32Array, values, (v) => (v < cut1 ? 0 : v < cut2 ? 1 : 2));
}

function judgeEvent(columns: EventColumns, params: DetectorParameters) {
  const context = performanceContext(columns);
  const n = columns.mark.length;
  const judged = (i: number) => context.priorCount[i] >= params.minResults && Number.isFinite(context.bestBefore[i]);
  const gain = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) if (judged(i)) gain[i] = (context.goodness[i] - context.bestBefore[i]) / context.scale;
  const stratum = levelThirds(context.bestBeforeLevel, judged);
  const tail = cellUpperTail({ values: gain, key: mapped(Int32Array, columns.age, ageKey), stratum, minCell });
  const scores = mapped(Float64Array, tail.probability, (p) => (Number.isNaN(p) ? 0 : probabilityScore(p)));
  return { context, tail, stratum, scores };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'improvement-beyond-age',
  label: 'Improvement beyond what is typical at that age and level',
  family: 'statistical',
  pattern: "A mark that improves on the athlete's best of earlier seasons by more than athletes of the same age and level typically improve in this event.",
  parameters: {
    significance: significanceParameter(0.001),
    minResults: { default: 1, min: 1, max: 50, step: 1, label: 'Fewest earlier results to judge' },
  },
  detect(columns, params) {
    return { scores: judge(columns, params).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index, result, params) {
    const { context, tail, stratum } = judge(columns, params);
    const mark = formatMark(columns, columns.mark[index]);
    if (Number.isNaN(tail.probability[index])) {
      return Number.isFinite(context.bestBefore[index])
        ? `${mark} is not judged: this athlete has ${context.priorCount[index]} earlier results, fewer than ${params.minResults}.`
        : `${mark} is not judged: it is in this athlete's first season in the event, with no earlier best to improve on.`;
    }
    const best = formatMark(columns, markFromGoodness(columns, context.bestBefore[index]));
    const margin = context.goodness[index] - context.bestBefore[index];
    const ages = tail.keyFrom[index] < 0 ? 'athletes of unknown age' : tail.keyFrom[index] === tail.keyTo[index] ? `athletes aged ${tail.keyFrom[index]}` : `athletes aged ${tail.keyFrom[index]}–${tail.keyTo[index]}`;
    return `${mark} is ${formatMargin(columns, margin)} than this athlete's best of earlier seasons, ${best}; among ${tail.referenceSize[index].toLocaleString('en')} results of ${ages} in the ${thirds[stratum[index]]} third by earlier best, ${(100 * tail.share[index]).toFixed(1)} % improved as much (robust z ${tail.z[index].toFixed(1)}, chance ${formatChance(tail.probability[index])}).`;
  },
};
