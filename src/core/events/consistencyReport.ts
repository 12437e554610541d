/**
 * Do the live numbers agree with the careful recomputation? Compares two score maps keyed
 * by player-game (`gameId:personId`), the streaming totals against the batch SQL:
 * - mean and max absolute error over every key either side has (a missing side counts 0);
 * - Spearman and Kendall tau-b over the top-N players — the union of each side's top N,
 *   so a player only one side ranks high still counts;
 * - KS statistic and PSI of the two score distributions (batch as the reference);
 * (ranks and distributions use values rounded to 1e-9, so float noise does not count);
 * and flags each measure that crosses its threshold.
 */
import { kendallTau, spearman } from '../stats/rankCorrelation.ts';
import { ksStatistic, populationStabilityIndex } from '../stats/distributionDrift.ts';

export interface ConsistencyThresholds {
  maxMeanAbsoluteError: number;
  minSpearman: number;
  minKendallTau: number;
  maxKs: number;
  maxPsi: number;
}

export const defaultConsistencyThresholds: Readonly<ConsistencyThresholds> = Object.freeze({
  maxMeanAbsoluteError: 0.05,
  minSpearman: 0.95,
  minKendallTau: 0.9,
  maxKs: 0.1,
  maxPsi: 0.1,
});

export interface ConsistencyOptions {
  topN?: number;
  thresholds?: Partial<ConsistencyThresholds>;
}

export interface ConsistencyReport {
  players: number;
  onlyInStreaming: number;
  onlyInBatch: number;
  meanAbsoluteError: number;
  maxAbsoluteError: number;
  topN: number;
  /** Items compared by rank: the union of both top-N lists. */
  rankedPlayers: number;
  spearman: number;
  kendallTau: number;
  ks: number;
  psi: number;
  /** One sentence per measure past its threshold; empty when consistent. */
  flags: string[];
  drift: boolean;
}

export function absoluteErrors(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): { mean: number; max: number; count: number } {
  const keys = new Set([...a.keys(), ...b.keys()]);
  let sum = 0;
  let max = 0;
  for (const key of keys) {
    const error = Math.abs((a.get(key) ?? 0) - (b.get(key) ?? 0));
    sum += error;
    max = Math.max(max, error);
  }
  return { mean: keys.size === 0 ? 0 : sum / keys.size, max, count: keys.size };
}

/** Differences below 1e-9 are float noise (sums in another order), not a different order. */
const tidy = (value: number): number => Math.round(value * 1e9) / 1e9;

function topKeys(scores: ReadonlyMap<string, number>, n: number): string[] {
  return [...scores].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n).map(([key]) => key);
}

export function consistencyReport(
  streaming: ReadonlyMap<string, number>,
  batch: ReadonlyMap<string, number>,
  options: ConsistencyOptions = {},
): ConsistencyReport {
  const topN = options.topN ?? 20;
  if (!Number.isInteger(topN) || topN < 2) throw new Error(`invalid topN: ${topN}`);
  const limits: ConsistencyThresholds = { ...defaultConsistencyThresholds, ...options.thresholds };
  for (const [name, value] of Object.entries(limits)) if (!Number.isFinite(value)) throw new Error(`invalid threshold ${name}: ${value}`);
  if (streaming.size === 0 || batch.size === 0) throw new Error(`consistency needs scores on both sides, got ${streaming.size} streaming and ${batch.size} batch`);
  const errors = absoluteErrors(streaming, batch);
  const ranked = [...new Set([...topKeys(batch, topN), ...topKeys(streaming, topN)])];
  const live = ranked.map((key) => tidy(streaming.get(key) ?? 0));
  const recomputed = ranked.map((key) => tidy(batch.get(key) ?? 0));
  const liveAll = [...streaming.values()].map(tidy);
  const recomputedAll = [...batch.values()].map(tidy);
  const report: ConsistencyReport = {
    players: errors.count,
    onlyInStreaming: [...streaming.keys()].filter((key) => !batch.has(key)).length,
    onlyInBatch: [...batch.keys()].filter((key) => !streaming.has(key)).length,
    meanAbsoluteError: errors.mean,
    maxAbsoluteError: errors.max,
    topN,
    rankedPlayers: ranked.length,
    spearman: spearman(live, recomputed),
    kendallTau: kendallTau(live, recomputed),
    ks: ksStatistic(recomputedAll, liveAll),
    psi: populationStabilityIndex(recomputedAll, liveAll),
    flags: [],
    drift: false,
  };
  const fmt = (value: number): string => (Number.isNaN(value) ? 'undefined' : value.toFixed(3));
  if (report.meanAbsoluteError > limits.maxMeanAbsoluteError) report.flags.push(`mean absolute error ${fmt(report.meanAbsoluteError)} is above ${limits.maxMeanAbsoluteError}`);
  if (!(report.spearman >= limits.minSpearman)) report.flags.push(`Spearman ${fmt(report.spearman)} of the top ${topN} is below ${limits.minSpearman}`);
  if (!(report.kendallTau >= limits.minKendallTau)) report.flags.push(`Kendall tau ${fmt(report.kendallTau)} of the top ${topN} is below ${limits.minKendallTau}`);
  if (report.ks > limits.maxKs) report.flags.push(`KS statistic ${fmt(report.ks)} is above ${limits.maxKs}`);
  if (report.psi > limits.maxPsi) report.flags.push(`PSI ${fmt(report.psi)} is above ${limits.maxPsi}`);
  report.drift = report.flags.length > 0;
  return report;
}

/** The same report for each game, from keys `gameId:personId`. */
export function consistencyByGame(
  streaming: ReadonlyMap<string, number>,
  batch: ReadonlyMap<string, number>,
  options: ConsistencyOptions = {},
): Map<string, ConsistencyReport> {
  const gameOf = (key: string): string => key.slice(0, key.lastIndexOf(':'));
  const games = new Set([...streaming.keys(), ...batch.keys()].map(gameOf));
  const reports = new Map<string, ConsistencyReport>();
  for (const game of [...games].sort()) {
    const pick = (scores: ReadonlyMap<string, number>): Map<string, number> => new Map([...scores].filter(([key]) => gameOf(key) === game));
    const live = pick(streaming);
    const recomputed = pick(batch);
    if (live.size > 0 && recomputed.size > 0) reports.set(game, consistencyReport(live, recomputed, options));
  }
  return reports;
}
