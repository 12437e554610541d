/**
 * From a table of scored performances to the evaluation's input at either level. At the
 * athlete level each method's athlete score is the best of their performances' scores (one
 * extraordinary mark is enough to point at someone), flagged when any performance is; the
 * labels are the sanctioned athletes; exposure is their number of results and era their
 * first and last season. At the performance level the labels are the performances in the
 * seasons of a sanction, and the era is the performance's season.
 */
import { aggregateByAthlete } from './athleteLevel';
import { bestZScores, resultCountScores } from './baselines';
import { consensusOutliers } from './consensus';
import { athleteLabels, performanceLabels, type SanctionPeriod } from './labels';
import type { EvaluationInput, MethodScores } from './methodEvaluation';
import { mapped } from '../stats/mapped';

export interface ScoredPerformances {
  /** The athlete id of each performance (any integers; only athletes with a scored performance count). */
  athleteOf: Int32Array;
  season: Int32Array;
  /** Event-and-sex group per performance, with whether higher is better per group. */
  groupOf: Int32Array;
  higherIsBetter: ArrayLike<number>;
  marks: Float64Array;
  detectors: { id: string; label: string; scores: Float64Array; flagged: Uint8Array }[];
  /** Sanction periods by athlete id. */
  sanctions: ReadonlyMap<number, readonly SanctionPeriod[]>;
}

export function evaluationInput(table: ScoredPerformances, level: 'athlete' | 'performance', consensusMin: number, seed = 1): EvaluationInput {
  const { season } = table;
  // Athletes of the performances given, densely numbered: an athlete without a scored performance is not in the table.
  const codeOf = new Map<number, number>();
  const athleteOf = mapped(Int32Array, table.athleteOf, (id) => {
    if (!codeOf.has(id)) codeOf.set(id, codeOf.size);
    return codeOf.get(id)!;
  });
  const athleteCount = codeOf.size;
  const athleteIds = Int32Array.from(codeOf.keys());
  const sanctions = new Map<number, readonly SanctionPeriod[]>();
  for (const [id, periods] of table.sanctions) if (codeOf.has(id)) sanctions.set(codeOf.get(id)!, periods);
  const methods: MethodScores[] = table.detectors.map((d) => ({ ...d, kind: 'detector' as const }));
  if (table.detectors.length > 0) {
    const k = Math.min(Math.max(1, Math.round(consensusMin)), table.detectors.length);
    const consensus = consensusOutliers(table.detectors, k);
    methods.push({ id: 'consensus', label: `Consensus (≥ ${k} of ${table.detectors.length} methods)`, kind: 'consensus', scores: Float64Array.from(consensus.counts), flagged: consensus.flagged });
  }
  const z = bestZScores({ athleteOf, athleteCount, groupOf: table.groupOf, higherIsBetter: table.higherIsBetter, marks: table.marks });
  const results = resultCountScores(athleteOf, athleteCount);
  if (level === 'athlete') {
    const first = new Float64Array(athleteCount).fill(Infinity), last = new Float64Array(athleteCount).fill(-Infinity);
    for (let i = 0; i < athleteOf.length; i++) {
      first[athleteOf[i]] = Math.min(first[athleteOf[i]], season[i]);
      last[athleteOf[i]] = Math.max(last[athleteOf[i]], season[i]);
    }
    return {
      level, seed, learned: true, athleteIds,
      labels: athleteLabels(athleteCount, sanctions.keys()),
      // Folds by the athletes' own ids, so the same athletes share a fold whatever order the rows came in.
      group: athleteIds,
      results, firstSeason: first, lastSeason: last, bestZ: z.athlete,
      methods: methods.map((m) => {
        const aggregate = aggregateByAthlete(athleteOf, m.scores, m.flagged, athleteCount);
        return { ...m, scores: aggregate.score, flagged: aggregate.flagged };
      }),
    };
  }
  const seasons = Float64Array.from(season);
  return {
    level, seed, learned: false, athleteIds: Int32Array.from(table.athleteOf),
    labels: performanceLabels(athleteOf, season, athleteCount, sanctions),
    group: Int32Array.from(table.athleteOf),
    results: mapped(Float64Array, athleteOf, (a) => results[a]),
    firstSeason: seasons, lastSeason: seasons, bestZ: z.performance, methods,
  };
}
