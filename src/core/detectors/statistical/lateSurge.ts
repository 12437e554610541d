/**
 * Late-career surge: two years and more past the event's peak age, a mark better than
 * anything the athlete did in the three seasons before, by more than athletes of that age
 * gain, when at that age marks decline. The peak age is the event's own: the median age at
 * which its athletes made their best marks (performanceContext.ts).
 */
import { perEvent } from '../memo';
import { cellUpperTail } from '../../stats/cellTail';
import { ageKey } from '../ageCurve';
import { formatMargin, formatMark, markFromGoodness } from '../goodness';
import { performanceContext } from '../performanceContext';
import { formatChance, probabilityScore, significanceParameter, significanceThreshold } from '../significance';
import type { Detector, EventColumns } from '../types';
import { mapped } from '../../stats/mapped';

const minCell = 50;

function judgeEvent(columns: EventColumns) {
  const context = performanceContext(columns);
  const peak = Math.round(context.peakAge);
  const n = columns.mark.length;
  const key = mapped(Int32Array, columns.age, ageKey);
  const values = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (key[i] >= peak + 2 && Number.isFinite(context.recentBest[i])) values[i] = (context.goodness[i] - context.recentBest[i]) / context.scale;
  }
  const tail = cellUpperTail({ values, key, minCell });
  const scores = mapped(Float64Array, tail.probability, (p) => (Number.isNaN(p) ? 0 : probabilityScore(p)));
  return { context, tail, scores, peak };
}

const judge = perEvent(judgeEvent);

export const detector: Detector = {
  id: 'late-surge',
  label: 'Late-career surge past the peak age',
  family: 'statistical',
  pattern: "Two years and more past the event's peak age, a mark better than the athlete's best of the three seasons before, when athletes of that age typically decline.",
  parameters: {
    significance: significanceParameter(0.001),
  },
  detect(columns, params) {
    return { scores: judge(columns).scores, threshold: significanceThreshold(params.significance) };
  },
  explain(columns, index) {
    const { context, tail, peak } = judge(columns);
    const mark = formatMark(columns, columns.mark[index]);
    const age = columns.age[index];
    if (!Number.isFinite(age)) return `${mark} is not judged: the athlete's age is not known.`;
    if (!(ageKey(age) >= peak + 2)) return `${mark} is not judged: at ${Math.floor(age)} the athlete is not two years past this event's peak age of ${peak}.`;
    if (Number.isNaN(tail.probability[index])) return `${mark} is not judged: this athlete has no result in the three seasons before.`;
    const recent = formatMark(columns, markFromGoodness(columns, context.recentBest[index]));
    const margin = context.goodness[index] - context.recentBest[index];
    const ages = tail.keyFrom[index] === tail.keyTo[index] ? `athletes aged ${tail.keyFrom[index]}` : `athletes aged ${tail.keyFrom[index]}–${tail.keyTo[index]}`;
    return `At ${Math.floor(age)}, past this event's peak age of ${peak}, ${mark} is ${formatMargin(columns, margin)} than the athlete's best of the three seasons before (${recent}); among ${tail.referenceSize[index].toLocaleString('en')} results of ${ages}, ${(100 * tail.share[index]).toFixed(1)} % gained as much (robust z ${tail.z[index].toFixed(1)}, chance ${formatChance(tail.probability[index])}).`;
  },
};
