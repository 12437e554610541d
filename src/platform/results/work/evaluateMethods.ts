/**
 * Runs in a compute worker: every detector, the consensus and the two baselines scored
 * against the sanction labels with the same functions (evaluateMethod), at the athlete or
 * the performance level, over all events or one, with precision–recall curves.
 */
import { consensusOutliers } from '../../../core/evaluation/consensus';
import { aggregateByAthlete } from '../../../core/evaluation/athleteLevel';
import { precisionRecallCurve } from '../../../core/evaluation/averagePrecision';
import { bestZScores, resultCountScores } from '../../../core/evaluation/baselines';
import { athleteLabels, performanceLabels, type SanctionPeriod } from '../../../core/evaluation/labels';
import { evaluateMethod, type EvaluationRow } from '../../../core/evaluation/report';
import { integersOf, numbersOf, readIpc, textsOf } from '../arrowReading';

export interface EvaluateInput {
  /** performance_id, athlete_id, season, event, sex, direction, mark, then s0, f0, s1, f1… per detector. */
  ipc: Uint8Array;
  detectors: { id: string; label: string }[];
  sanctioned: { athleteIds: Int32Array; from: Float64Array; to: Float64Array };
  level: 'athlete' | 'performance';
  event: string | null;
  consensusMin: number;
  curvePoints: number;
}

export interface MethodRow extends EvaluationRow {
  method: string;
  label: string;
  kind: 'detector' | 'consensus' | 'baseline';
}

export interface EvaluateResult {
  baseRate: number;
  rows: MethodRow[];
  curves: { method: string; label: string; precision: number[]; recall: number[] }[];
}

interface Method { id: string; label: string; kind: MethodRow['kind']; scores: Float64Array; flagged: Uint8Array }

/** Flags the top `share` of scores (ties at the cut included): a baseline's threshold. */
function topShare(scores: Float64Array, share: number): Uint8Array {
  const finite = Array.from(scores).filter(Number.isFinite).sort((a, b) => b - a);
  const cut = finite.length === 0 ? Infinity : finite[Math.max(0, Math.ceil(finite.length * share) - 1)];
  return Uint8Array.from(scores, (s) => (s >= cut ? 1 : 0));
}

export function evaluateMethods(input: EvaluateInput): EvaluateResult {
  const table = readIpc(input.ipc);
  const events = textsOf(table, 'event');
  const sexes = textsOf(table, 'sex');
  const keep: number[] = [];
  for (let i = 0; i < events.length; i++) if (input.event === null || events[i] === input.event) keep.push(i);
  const pick = (values: Float64Array): Float64Array => Float64Array.from(keep, (i) => values[i]);
  const pickIntegers = (values: Int32Array): Int32Array => Int32Array.from(keep, (i) => values[i]);
  const athleteId = pickIntegers(integersOf(table, 'athlete_id'));
  const season = pickIntegers(integersOf(table, 'season'));
  const marks = pick(numbersOf(table, 'mark'));
  const directions = textsOf(table, 'direction');
  const groupNames: string[] = [];
  const groupCode = new Map<string, number>();
  const higher: number[] = [];
  const groupOf = Int32Array.from(keep, (i) => {
    const key = `${events[i]}|${sexes[i]}`;
    if (!groupCode.has(key)) {
      groupCode.set(key, groupNames.length);
      groupNames.push(key);
      higher.push(directions[i] === 'higher' ? 1 : 0);
    }
    return groupCode.get(key)!;
  });
  // Athletes of the rows kept, densely numbered, so an event's table counts only its athletes.
  const compact = new Map<number, number>();
  const athleteOf = Int32Array.from(athleteId, (a) => {
    if (!compact.has(a)) compact.set(a, compact.size);
    return compact.get(a)!;
  });
  const athleteCount = compact.size;
  const periods = new Map<number, SanctionPeriod[]>();
  input.sanctioned.athleteIds.forEach((a, k) => {
    const code = compact.get(a);
    if (code === undefined) return;
    periods.set(code, [...(periods.get(code) ?? []), { from: input.sanctioned.from[k], to: input.sanctioned.to[k] }]);
  });

  const methods: Method[] = [];
  input.detectors.forEach((detector, d) => {
    const scores = pick(numbersOf(table, `s${d}`));
    const flagNumbers = pick(numbersOf(table, `f${d}`));
    const flagged = Uint8Array.from(flagNumbers, (f) => (f > 0 ? 1 : 0));
    methods.push({ id: detector.id, label: detector.label, kind: 'detector', scores, flagged });
  });
  if (input.detectors.length > 0) {
    const k = Math.min(Math.max(1, Math.round(input.consensusMin)), input.detectors.length);
    // The number of methods that flag a performance is the consensus's score.
    const consensus = consensusOutliers(methods, k);
    methods.push({ id: 'consensus', label: `Consensus (≥ ${k} of ${input.detectors.length} methods)`, kind: 'consensus', scores: Float64Array.from(consensus.counts), flagged: consensus.flagged });
  }
  const z = bestZScores({ athleteOf, athleteCount, groupOf, higherIsBetter: higher, marks });
  const resultCount = resultCountScores(athleteOf, athleteCount);

  let labels: Uint8Array;
  const scored: Method[] = [];
  if (input.level === 'athlete') {
    labels = athleteLabels(athleteCount, periods.keys());
    for (const method of methods) {
      const aggregate = aggregateByAthlete(athleteOf, method.scores, method.flagged, athleteCount);
      scored.push({ ...method, scores: aggregate.score, flagged: aggregate.flagged });
    }
    scored.push({ id: 'baseline-results', label: 'Baseline: number of results (top 5 %)', kind: 'baseline', scores: resultCount, flagged: topShare(resultCount, 0.05) });
    scored.push({ id: 'baseline-best-z', label: 'Baseline: best z-score (≥ 3)', kind: 'baseline', scores: z.athlete, flagged: Uint8Array.from(z.athlete, (v) => (v >= 3 ? 1 : 0)) });
  } else {
    labels = performanceLabels(athleteOf, season, athleteCount, periods);
    scored.push(...methods);
    const perPerformance = Float64Array.from(athleteOf, (a) => resultCount[a]);
    const topAthletes = topShare(resultCount, 0.05);
    scored.push({ id: 'baseline-results', label: 'Baseline: number of results (top 5 %)', kind: 'baseline', scores: perPerformance, flagged: Uint8Array.from(athleteOf, (a) => topAthletes[a]) });
    scored.push({ id: 'baseline-best-z', label: 'Baseline: z-score (≥ 3)', kind: 'baseline', scores: z.performance, flagged: Uint8Array.from(z.performance, (v) => (v >= 3 ? 1 : 0)) });
  }
  const rows = scored.map((m) => ({ method: m.id, label: m.label, kind: m.kind, ...evaluateMethod({ scores: m.scores, flagged: m.flagged }, labels) }));
  const positives = labels.reduce((s, v) => s + v, 0);
  const curves = input.curvePoints >= 2 && positives > 0
    ? scored.map((m) => {
        const curve = precisionRecallCurve(m.scores, labels, { maxPoints: input.curvePoints });
        return { method: m.id, label: m.label, precision: Array.from(curve.precision), recall: Array.from(curve.recall) };
      })
    : [];
  return { baseRate: labels.length === 0 ? NaN : positives / labels.length, rows, curves };
}
