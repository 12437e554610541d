/**
 * The consensus of the session's runs, in DuckDB: the performances several methods flag, and
 * the athletes with the most such performances (the profile's first sight).
 */
import { consensusSql, mostFlaggedAthletesSql } from './labSql';
import type { RecordedRun } from './detectorRuns';
import type { ResultsDatabase } from './resultsPorts';
import type { ConsensusRow, FlaggedAthlete } from './results.types';

const checkMinMethods = (minMethods: number) => {
  if (!(Number.isInteger(minMethods) && minMethods >= 1)) throw new Error(`invalid minMethods: ${minMethods}`);
};

export async function consensusRows(db: ResultsDatabase, runs: RecordedRun[], minMethods: number, limit: number): Promise<ConsensusRow[]> {
  checkMinMethods(minMethods);
  if (runs.length === 0) return [];
  const rows = await db.rows<{ performance_id: number; athlete_id: number; athlete: string; event: string; sex: string; date: string; mark_text: string; methods: string }>(
    consensusSql(runs.map((r) => r.detectorId), minMethods, limit),
  );
  return rows.map((r) => ({ performanceId: r.performance_id, athleteId: r.athlete_id, athlete: r.athlete, event: r.event, sex: r.sex, date: r.date, mark: r.mark_text, methods: r.methods.split(',') }));
}

export async function mostFlaggedAthletes(db: ResultsDatabase, runs: RecordedRun[], minMethods: number, limit: number): Promise<FlaggedAthlete[]> {
  checkMinMethods(minMethods);
  if (runs.length === 0) return [];
  return db.rows<FlaggedAthlete>(mostFlaggedAthletesSql(runs.map((r) => r.detectorId), minMethods, limit));
}
