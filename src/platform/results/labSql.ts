/**
 * The engine's own SQL around the core's (src/core/athletics/resultsSql.ts): moving a
 * loaded file's rows into `performances`, the anomalies table the detectors' scores land
 * in, the dataset fingerprint, and the queries behind the evaluation, consensus and profile.
 */
import type { FixedValues } from '../../core/athletics/columns';
import type { ColumnInfo } from '../duckdb/duckdb.api';
import type { ColumnMapping } from './results.types';
import { quoteIdentifier as id, quoteLiteral as text } from '../intake/fileFormat';

export { id, text };

const numericTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/;

/** A file's column as a date: text and timestamps cast; numbers read as Excel serial days; or the file's one date. */
function dateOf(column: string | undefined, columns: ColumnInfo[], fixed?: string): string {
  if (!column && fixed !== undefined) return `TRY_CAST(${text(fixed)} AS DATE)`;
  if (!column) return 'NULL::DATE';
  const type = columns.find((c) => c.name === column)?.type ?? 'VARCHAR';
  const ref = `r.${id(column)}`;
  return numericTypes.test(type) ? `(DATE '1899-12-30' + TRY_CAST(${ref} AS INTEGER))` : `TRY_CAST(${ref} AS DATE)`;
}

/** A file's column as trimmed text (NULL when blank), or the one value the analyst gave for the whole file. */
const textOf = (column: string | undefined, fixed?: string): string =>
  column ? `NULLIF(trim(r.${id(column)}::VARCHAR), '')` : fixed !== undefined ? `NULLIF(trim(${text(fixed)}), '')` : 'NULL::VARCHAR';

/**
 * One chunk of a raw file's text columns for the parser (normaliseResultColumns), by DuckDB
 * row id: the sex travels with the event, since the event's implement depends on it.
 */
export function rawTextChunkSql(table: string, mapping: ColumnMapping, from: number, to: number, fixed: FixedValues = {}): string {
  return `SELECT rowid::INTEGER AS source_row, ${textOf(mapping.athlete)} AS athlete, ${textOf(mapping.event, fixed.event)} AS event,
    ${textOf(mapping.mark)} AS mark, ${textOf(mapping.wind)} AS wind, ${textOf(mapping.sex, fixed.sex)} AS sex
  FROM ${id(table)} r WHERE rowid >= ${from} AND rowid < ${to} ORDER BY rowid`;
}

/** The raw file joined with its parsed columns (sex and event read by the parser), into `performances` (ids after `idOffset`). */
export function insertPerformancesSql(raw: string, parsed: string, fileId: number, idOffset: number, mapping: ColumnMapping, columns: ColumnInfo[], fixed: FixedValues = {}): string {
  const date = dateOf(mapping.date, columns, fixed.date);
  const season = mapping.season ? `coalesce(TRY_CAST(r.${id(mapping.season)} AS INTEGER), year(${date}))` : `year(${date})`;
  return `INSERT INTO performances
  SELECT (${idOffset} + q.source_row + 1)::INTEGER, ${fileId}, (q.source_row + 1)::INTEGER,
    ${textOf(mapping.athlete)}, q.athlete_key, ${dateOf(mapping.dob, columns)}, upper(${textOf(mapping.nationality, fixed.nationality)}),
    q.event, q.sex, q.direction, q.mark, ${textOf(mapping.mark)}, q.mark_flags,
    ${date}, ${season}, q.wind, ${textOf(mapping.venue, fixed.venue)}, ${textOf(mapping.competition, fixed.competition)}, ${textOf(mapping.position)}, NULL
  FROM ${id(raw)} r JOIN ${id(parsed)} q ON r.rowid = q.source_row`;
}

export const createAnomaliesSql = `CREATE TABLE IF NOT EXISTS anomalies (
  detector VARCHAR, performance_id INTEGER, score DOUBLE, flagged INTEGER, threshold DOUBLE)`;

/** An empty table shaped as `anomalies`, where a run's flags wait until it is done. */
export function createStagingSql(staging: string): string {
  return `CREATE OR REPLACE TABLE ${id(staging)} AS SELECT * FROM anomalies LIMIT 0`;
}

/**
 * The detectors' flagged performances from `staging` (detector, performance_id, score,
 * flagged, threshold) replace those detectors' earlier ones. Only flagged performances are
 * stored: the consensus, the profiles and the export ask for nothing else, and every score
 * stays in the engine's memory for the evaluation (scoredGroups.ts).
 */
export function storeAnomaliesSql(detectors: string[], staging: string): string[] {
  return [
    `DELETE FROM anomalies WHERE detector IN (${detectors.map(text).join(', ') || 'NULL'})`,
    `INSERT INTO anomalies SELECT detector, performance_id, score, flagged, threshold FROM ${id(staging)}`,
  ];
}

export const createSanctionPeriodsSql = `CREATE OR REPLACE TABLE sanction_periods (
  athlete_id INTEGER, from_season DOUBLE, to_season DOUBLE, sanction VARCHAR)`;

/** Changes whenever any analysed value of any row changes: part of every cache key. */
export const fingerprintSql = `SELECT count(*)::INTEGER AS n,
  coalesce(bit_xor(hash(performance_id, athlete_key, dob, event, sex, mark, mark_flags, date, season, wind)), 0)::VARCHAR AS h
FROM performances`;

/** Performances flagged by at least `minMethods` of the given detectors. */
export function consensusSql(detectors: string[], minMethods: number, limit: number): string {
  const list = detectors.map(text).join(', ') || 'NULL';
  return `SELECT p.performance_id, p.athlete_id, p.athlete, p.event, p.sex, p.date::VARCHAR AS date, p.mark_text,
    string_agg(a.detector, ',' ORDER BY a.detector) AS methods, count(*)::INTEGER AS n
  FROM anomalies a JOIN performances p USING (performance_id)
  WHERE a.flagged = 1 AND a.detector IN (${list})
  GROUP BY p.performance_id, p.athlete_id, p.athlete, p.event, p.sex, p.date, p.mark_text
  HAVING count(*) >= ${minMethods}
  ORDER BY n DESC, p.performance_id LIMIT ${limit}`;
}

/**
 * Athletes by their number of consensus performances (flagged by at least `minMethods` of
 * the detectors), then by their flags in all; the profile opens the first on first sight.
 */
export function mostFlaggedAthletesSql(detectors: string[], minMethods: number, limit: number): string {
  const list = detectors.map(text).join(', ') || 'NULL';
  return `WITH consensus AS (
    SELECT performance_id, count(*) AS methods FROM anomalies
    WHERE flagged = 1 AND detector IN (${list}) GROUP BY performance_id HAVING count(*) >= ${minMethods})
  SELECT p.athlete_id AS "athleteId", min(p.athlete) AS name, count(*)::INTEGER AS "consensusFlags", sum(c.methods)::INTEGER AS flags
  FROM consensus c JOIN performances p USING (performance_id)
  GROUP BY p.athlete_id
  ORDER BY "consensusFlags" DESC, flags DESC, p.athlete_id LIMIT ${limit}`;
}
