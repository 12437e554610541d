/**
 * A learned combination of the detectors, and the era baseline — both supervised, so both
 * scored only out of fold: a logistic regression (L2, C = 1, no tuning) is fitted on four
 * folds of athletes and scores the fifth, five times (folds grouped by athlete, stratified by
 * label). Its features: each detector's athlete score as a normal score of its rank (robust to
 * the detectors' different scales), the career covariates an analyst controls for — exposure
 * as log(1 + results) and era as the decades of the first and last season — and nothing else.
 * The coefficients shown are the fit on all athletes, per sd of each feature.
 */
import { fitLogistic, predictLogistic, type LogisticModel } from '../stats/logisticRegression';
import { normalQuantile } from '../stats/normal';
import { averageRanks } from '../stats/ranks';
import { groupedFolds } from './folds';
import { mapped } from '../stats/mapped';

export interface Feature {
  name: string;
  values: Float64Array;
}

export interface CareerCovariates {
  /** Results per athlete (exposure). */
  results: ArrayLike<number>;
  firstSeason: ArrayLike<number>;
  lastSeason: ArrayLike<number>;
}

/** Scores as normal scores of their ranks (NaN ranks lowest): every detector on one scale. */
export function rankNormalScores(scores: ArrayLike<number>): Float64Array {
  const ranks = averageRanks(mapped(Float64Array, scores as ArrayLike<number>, (s) => (Number.isNaN(s) ? -Infinity : s)));
  return mapped(Float64Array, ranks, (r) => normalQuantile(r / (ranks.length + 1)));
}

/** Era as decades of the first and the last season, each against its most common decade. */
export function eraFeatures(covariates: CareerCovariates): Feature[] {
  const out: Feature[] = [];
  for (const [which, seasons] of [['first', covariates.firstSeason], ['last', covariates.lastSeason]] as const) {
    const decade = mapped(Float64Array, seasons as ArrayLike<number>, (s) => Math.max(1960, Math.floor(s / 10) * 10));
    const counts = new Map<number, number>();
    decade.forEach((d) => counts.set(d, (counts.get(d) ?? 0) + 1));
    const reference = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    for (const d of [...counts.keys()].sort((a, b) => a - b)) {
      if (d === reference) continue;
      out.push({ name: `${which} season in the ${d === 1960 ? '1960s or before' : `${d}s`}`, values: mapped(Float64Array, decade, (v) => (v === d ? 1 : 0)) });
    }
  }
  return out;
}

export function exposureFeature(covariates: CareerCovariates): Feature {
  return { name: 'number of results (log)', values: mapped(Float64Array, covariates.results as ArrayLike<number>, (n) => Math.log1p(n)) };
}

export interface CrossFitted {
  /** Each athlete's probability from the model that did not see them. */
  outOfFold: Float64Array;
  /** The fit on all athletes (coefficients per sd). */
  model: LogisticModel;
}

export function crossFit(features: Feature[], labels: ArrayLike<number>, groups: ArrayLike<number>, options: { folds?: number; seed?: number; c?: number } = {}): CrossFitted {
  const folds = options.folds ?? 5, seed = options.seed ?? 1;
  const names = features.map((f) => f.name), columns = features.map((f) => f.values);
  const fold = groupedFolds(groups, labels, folds, seed);
  const outOfFold = new Float64Array(labels.length);
  const all = Array.from({ length: labels.length }, (_, i) => i);
  const model = fitLogistic(names, columns, labels, all, { c: options.c });
  for (let k = 0; k < folds; k++) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < fold.length; i++) (fold[i] === k ? test : train).push(i);
    if (test.length === 0) continue;
    const foldModel = fitLogistic(names, columns, labels, train, { c: options.c });
    predictLogistic(foldModel, columns, test).forEach((p, t) => { outOfFold[test[t]] = p; });
  }
  return { outOfFold, model };
}

export interface LearnedCombination extends CrossFitted {
  features: Feature[];
}

/** The detectors' athlete scores plus exposure and era, cross-fitted. */
export function learnedCombination(detectors: { label: string; scores: ArrayLike<number> }[], covariates: CareerCovariates, labels: ArrayLike<number>, groups: ArrayLike<number>, options: { folds?: number; seed?: number } = {}): LearnedCombination {
  const features: Feature[] = [
    ...detectors.map((d) => ({ name: d.label, values: rankNormalScores(d.scores) })),
    exposureFeature(covariates),
    ...eraFeatures(covariates),
  ];
  return { ...crossFit(features, labels, groups, options), features };
}
