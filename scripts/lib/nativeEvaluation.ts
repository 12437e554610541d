/**
 * The Results analysis on native DuckDB for the real-data checks (check:real, e2e-real) and
 * the benchmarks: every detector over every group into one table of scored performances, and
 * a sanctions list matched to the athletes — the same core functions the app's engine runs.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { athletesSql } from '../../src/core/athletics/resultsSql';
import { readSanctionList } from '../../src/core/athletics/sanctions';
import { matchSanctions } from '../../src/core/athletics/sanctionMatching';
import { performanceContext } from '../../src/core/detectors/performanceContext';
import { listDetectors, runDetector } from '../../src/core/detectors/registry';
import type { EventColumns } from '../../src/core/detectors/types';
import type { ScoredPerformances } from '../../src/core/evaluation/evaluationInput';
import { sanctionPeriod, type SanctionPeriod } from '../../src/core/evaluation/labels';
import { eventColumns, eventGroups } from './nativeResults';

const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;

export interface NativeRun {
  table: Omit<ScoredPerformances, 'sanctions'>;
  /** Seconds of each detector over all groups, one thread, the shared context apart. */
  seconds: Map<string, number>;
  /** Seconds of the context the detectors share (performanceContext.ts), once per group. */
  contextSeconds: number;
  /** "detector failed on event sex: why" for every group a detector could not judge. */
  failures: string[];
}

/** Every detector over every group, into one table of scored performances; `onGroup` sees each group's columns. */
export async function runDetectors(connection: DuckDBConnection, rows: number, onGroup?: (index: number, columns: EventColumns) => void): Promise<NativeRun> {
  const failures: string[] = [];
  const detectors = listDetectors();
  const groups = await eventGroups(connection);
  const scores = detectors.map(() => new Float64Array(rows).fill(NaN)), flagged = detectors.map(() => new Uint8Array(rows));
  const athleteOf = new Int32Array(rows), season = new Int32Array(rows), groupOf = new Int32Array(rows), marks = new Float64Array(rows);
  const seconds = new Map(detectors.map((d) => [d.id, 0]));
  let at = 0, contextSeconds = 0;
  for (const [g, group] of groups.entries()) {
    const { columns } = await eventColumns(connection, group);
    const n = columns.mark.length;
    const contextStarted = performance.now();
    try {
      performanceContext(columns);
    } catch {
      // Each detector says below why it cannot judge the group.
    }
    contextSeconds += (performance.now() - contextStarted) / 1000;
    athleteOf.set(columns.athlete, at); season.set(columns.season, at); marks.set(columns.mark, at);
    groupOf.fill(g, at, at + n);
    detectors.forEach((detector, d) => {
      const started = performance.now();
      try {
        const run = runDetector(detector.id, columns, {}, 1);
        scores[d].set(run.scores, at);
        flagged[d].set(run.flagged, at);
      } catch (error) {
        failures.push(`${detector.id} failed on ${group.event} ${group.sex}: ${(error as Error).message}`);
      }
      seconds.set(detector.id, seconds.get(detector.id)! + (performance.now() - started) / 1000);
    });
    onGroup?.(g, columns);
    at += n;
  }
  const take = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => a.subarray(0, at) as T;
  return {
    failures,
    table: {
      athleteOf: take(athleteOf), season: take(season), groupOf: take(groupOf), marks: take(marks),
      higherIsBetter: groups.map((g) => (g.direction === 'higher' ? 1 : 0)),
      detectors: detectors.map((d, k) => ({ id: d.id, label: d.label, scores: take(scores[k]), flagged: take(flagged[k]) })),
    },
    seconds,
    contextSeconds,
  };
}

/** The sanctions list matched to the file's athletes: sanction periods by athlete id. */
export interface MatchedList {
  periods: Map<number, SanctionPeriod[]>;
  records: number;
  dated: number;
  dateColumn: string | null;
  otherSports: number | null;
  statuses: { matched: number; ambiguous: number; unmatched: number };
}

/** A sanctions list read and matched to the loaded athletes (athletics only by default): sanction periods by athlete id. */
export async function matchSanctionList(connection: DuckDBConnection, path: string): Promise<MatchedList> {
  const reader = /\.parquet$/i.test(path) ? `read_parquet(${quoted(path)})` : `read_csv(${quoted(path)}, header = true, all_varchar = true)`;
  const rows = (await connection.runAndReadAll(`SELECT * FROM ${reader}`)).getRowObjectsJson() as Record<string, string | null>[];
  const list = readSanctionList(rows);
  const athletes = (await connection.runAndReadAll(athletesSql)).getRowObjectsJson();
  const matches = matchSanctions(list.records, athletes.map((a) => ({
    id: String(a.athlete_id), name: String(a.name), dob: (a.dob as string | null) ?? null,
    nationality: a.nationality ? String(a.nationality).split(',') : null, firstSeason: Number(a.first_season), lastSeason: Number(a.last_season),
  })));
  const periods = new Map<number, SanctionPeriod[]>();
  const statuses = { matched: 0, ambiguous: 0, unmatched: 0 };
  for (const match of matches) {
    statuses[match.status]++;
    if (match.status !== 'matched') continue;
    const period = sanctionPeriod(list.records[match.sanctionIndex]);
    for (const candidate of match.athletes) periods.set(Number(candidate.athleteId), [...(periods.get(Number(candidate.athleteId)) ?? []), period]);
  }
  return {
    periods, records: list.records.length, dated: list.records.filter((r) => r.violationYears.length > 0).length,
    dateColumn: list.columns.date ?? null, otherSports: list.otherSports?.rows ?? null, statuses,
  };
}
