/**
 * The whole evaluation at one level (athletes, or performances in their sanction seasons):
 * every unsupervised method and the consensus, the three trivial baselines (the number of
 * results; the best z-score; the era, fitted out of fold), and at the athlete level the
 * learned combination (supervised, out of fold) in a row of its own — each scored by
 * rankingRow within the same strata, with AP ÷ the best trivial baseline, the lift at the
 * top k for the chart, and plain words on what carries information beyond exposure and era.
 */
import { logSpacedKs, precisionsAtK } from './precisionAtK';
import { logisticTerms } from '../stats/logisticRegression';
import { crossFit, eraFeatures, learnedCombination, type CareerCovariates, type LearnedCombination } from './learnedCombination';
import { plainWords } from './plainWords';
import { rankingRow } from './report';
import type { EvaluationReport, MethodKind, MethodRow } from './evaluationReport';

export type { EvaluationReport, LiftCurve, MethodKind, MethodRow } from './evaluationReport';
import { crossStrata, eras, exposureDeciles } from './strata';
import { mapped } from '../stats/mapped';

export interface MethodScores {
  id: string;
  label: string;
  kind: 'detector' | 'consensus';
  scores: Float64Array;
  flagged: Uint8Array;
}

export interface EvaluationInput {
  level: 'athlete' | 'performance';
  labels: Uint8Array;
  /** The athlete of each item (its id), for folds grouped by athlete. */
  group: Int32Array;
  /** The athlete id of each item, for the caller to find an athlete's row. */
  athleteIds: Int32Array;
  /** Exposure: the results of each item's athlete. */
  results: Float64Array;
  /** Era: each item's athlete's first and last season (at the performance level, the season twice). */
  firstSeason: Float64Array;
  lastSeason: Float64Array;
  /** The best-z baseline's score per item. */
  bestZ: Float64Array;
  methods: MethodScores[];
  /** Fit the learned combination (athlete level). */
  learned: boolean;
  seed: number;
}

/** Per item of the learned combination: its out-of-fold probability, rank and terms (the profile's "why"). */
export interface LearnedRanking {
  probability: Float64Array;
  /** 1 = highest probability. */
  rank: Int32Array;
  /** The features' names, and per item (row-major, item × feature) coefficient × standardised value. */
  names: string[];
  terms: Float32Array;
}

/** Why the model ranks an item where it does: its largest terms, largest first. */
export function largestTermsOf(ranking: Pick<LearnedRanking, 'names' | 'terms'>, item: number, count = 4): { name: string; term: number }[] {
  const d = ranking.names.length;
  return ranking.names
    .map((name, j) => ({ name, term: ranking.terms[item * d + j] }))
    .sort((a, b) => Math.abs(b.term) - Math.abs(a.term))
    .slice(0, count);
}

/** Flags the top `share` of scores (ties at the cut included): a baseline's threshold. */
function topShare(scores: Float64Array, share: number): Uint8Array {
  const finite = Array.from(scores).filter(Number.isFinite).sort((a, b) => b - a);
  const cut = finite.length === 0 ? Infinity : finite[Math.max(0, Math.ceil(finite.length * share) - 1)];
  return mapped(Uint8Array, scores, (s) => (s >= cut ? 1 : 0));
}

export function evaluateMethods(input: EvaluationInput): { report: EvaluationReport; learned: LearnedRanking | null } {
  const { labels } = input;
  const n = labels.length;
  const exposure = exposureDeciles(input.results);
  const era = eras(input.lastSeason);
  const strata = { exposure, era, both: crossStrata(exposure, era) };
  const covariates: CareerCovariates = { results: input.results, firstSeason: input.firstSeason, lastSeason: input.lastSeason };
  const scored: { id: string; label: string; kind: MethodKind; scores: Float64Array; flagged: Uint8Array }[] = [...input.methods];
  const eraFit = crossFit(eraFeatures(covariates), labels, input.group, { seed: input.seed });
  const baselines = [
    { id: 'baseline-results', label: 'Baseline: number of results (top 5 %)', kind: 'baseline' as const, scores: input.results, flagged: topShare(input.results, 0.05) },
    { id: 'baseline-best-z', label: 'Baseline: best z-score in the event (≥ 3)', kind: 'baseline' as const, scores: input.bestZ, flagged: mapped(Uint8Array, input.bestZ, (v) => (v >= 3 ? 1 : 0)) },
    { id: 'baseline-era', label: 'Baseline: era, first and last season (fitted out of fold, top 5 %)', kind: 'baseline' as const, scores: eraFit.outOfFold, flagged: topShare(eraFit.outOfFold, 0.05) },
  ];
  scored.push(...baselines);
  let combination: LearnedCombination | null = null;
  const detectors = input.methods.filter((m) => m.kind === 'detector');
  if (input.learned && detectors.length > 0) {
    combination = learnedCombination(detectors, covariates, labels, input.group, { seed: input.seed });
    scored.push({ id: 'learned', label: 'Learned combination (supervised: logistic regression, out of fold, top 5 %)', kind: 'supervised', scores: combination.outOfFold, flagged: topShare(combination.outOfFold, 0.05) });
  }
  const rows: MethodRow[] = scored.map((m) => ({ method: m.id, label: m.label, kind: m.kind, apOverBaseline: NaN, ...rankingRow({ scores: m.scores, flagged: m.flagged }, labels, strata) }));
  const bestBaseline = Math.max(...rows.filter((r) => r.kind === 'baseline').map((r) => r.averagePrecision));
  for (const row of rows) row.apOverBaseline = row.averagePrecision / bestBaseline;
  const ks = logSpacedKs(n);
  const lift = scored.map((m, k) => ({
    method: m.id, label: m.label, kind: m.kind,
    points: precisionsAtK(m.scores, labels, ks).map((p, j) => ({ k: ks[j], lift: p / rows[k].baseRate })),
  }));
  const positives = rows[0]?.positives ?? labels.reduce((s, v) => s + v, 0);
  const report: EvaluationReport = {
    level: input.level, n, positives, baseRate: n > 0 ? positives / n : NaN,
    exposureStrata: exposure.labels, eraStrata: era.labels, rows, lift,
    learned: combination && { coefficients: combination.features.map((f, j) => ({ name: f.name, value: combination!.model.coefficients[j] })), intercept: combination.model.intercept },
    words: [],
  };
  report.words = plainWords(report);
  return { report, learned: combination && ranking(combination) };
}

function ranking(combination: LearnedCombination): LearnedRanking {
  const probability = combination.outOfFold;
  const order = Array.from(probability.keys()).sort((a, b) => probability[b] - probability[a]);
  const rank = new Int32Array(probability.length);
  order.forEach((item, r) => { rank[item] = r + 1; });
  const d = combination.features.length;
  const terms = new Float32Array(probability.length * d);
  const columns = combination.features.map((f) => f.values);
  for (let i = 0; i < probability.length; i++) terms.set(logisticTerms(combination.model, columns, i), i * d);
  return { probability, rank, names: combination.features.map((f) => f.name), terms };
}
