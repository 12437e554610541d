/**
 * The Results pipeline on native DuckDB (Node), for check:real and the benchmarks: the same
 * core functions and the same SQL text as the app, without a browser.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { recogniseColumns } from '../../src/core/athletics/columns';
import { normaliseResultColumns } from '../../src/core/athletics/normaliseResults';
import { assignAthleteIdsSql, createPerformancesSql, eventFeaturesSql, eventGroupsSql } from '../../src/core/athletics/resultsSql';
import { performanceContext } from '../../src/core/detectors/performanceContext';
import { runDetector } from '../../src/core/detectors/registry';
import type { EventColumns } from '../../src/core/detectors/types';

export interface EventGroup {
  event: string;
  sex: string;
  direction: 'lower' | 'higher';
  performances: number;
}

const sqlText = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** Loads a results file into `performances` and returns the open connection. */
export async function loadResults(path: string): Promise<{ connection: DuckDBConnection; milliseconds: number; rows: number }> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const started = performance.now();
  const reader = path.endsWith('.parquet') ? `read_parquet(${sqlText(path)})` : `read_csv(${sqlText(path)}, header = true)`;
  await connection.run(`CREATE TABLE raw AS SELECT row_number() OVER ()::INTEGER AS source_row, * FROM ${reader}`);
  const headers = (await connection.runAndReadAll('SELECT column_name FROM (DESCRIBE raw)')).getRowObjectsJson().map((r) => String(r.column_name));
  const { mapping, missingRequired } = recogniseColumns(headers.filter((h) => h !== 'source_row'));
  if (missingRequired.length > 0) throw new Error(`${path}: no column for ${missingRequired.join(', ')}`);
  const text = (field: keyof typeof mapping) => (mapping[field] ? `"${mapping[field]}"::VARCHAR` : 'NULL::VARCHAR');
  const columns = (await connection.runAndReadAll(`SELECT ${text('athlete')} a, ${text('event')} e, ${text('mark')} m, ${text('wind')} w, ${text('sex')} s FROM raw ORDER BY source_row`)).getColumnsJson();
  const normalised = normaliseResultColumns({ athlete: columns[0] as string[], event: columns[1] as string[], mark: columns[2] as string[], wind: columns[3] as string[], sex: columns[4] as string[] });

  await connection.run('CREATE TABLE parsed (source_row INTEGER, athlete_key VARCHAR, sex VARCHAR, event VARCHAR, direction VARCHAR, mark DOUBLE, mark_flags INTEGER, wind DOUBLE)');
  const appender = await connection.createAppender('parsed');
  for (let i = 0; i < normalised.rows; i++) {
    appender.appendInteger(i + 1);
    appender.appendVarchar(normalised.athleteKey[i]);
    appender.appendVarchar(normalised.sex[i]);
    if (normalised.event[i] === null) appender.appendNull();
    else appender.appendVarchar(normalised.event[i]!);
    if (normalised.direction[i] === null) appender.appendNull();
    else appender.appendVarchar(normalised.direction[i]!);
    if (Number.isNaN(normalised.mark[i])) appender.appendNull();
    else appender.appendDouble(normalised.mark[i]);
    appender.appendInteger(normalised.markFlags[i]);
    if (Number.isNaN(normalised.wind[i])) appender.appendNull();
    else appender.appendDouble(normalised.wind[i]);
    appender.endRow();
  }
  appender.closeSync();
  const column = (field: keyof typeof mapping, cast: string) => (mapping[field] ? `TRY_CAST(raw."${mapping[field]}" AS ${cast})` : `NULL::${cast}`);
  await connection.run(createPerformancesSql);
  await connection.run(`INSERT INTO performances SELECT raw.source_row, 1, raw.source_row, ${column('athlete', 'VARCHAR')}, parsed.athlete_key,
      ${column('dob', 'DATE')}, ${column('nationality', 'VARCHAR')}, parsed.event, parsed.sex, parsed.direction,
      parsed.mark, ${column('mark', 'VARCHAR')}, parsed.mark_flags, ${column('date', 'DATE')},
      coalesce(${column('season', 'INTEGER')}, year(${column('date', 'DATE')})), parsed.wind,
      ${column('venue', 'VARCHAR')}, ${column('competition', 'VARCHAR')}, ${column('position', 'VARCHAR')}, NULL
    FROM raw JOIN parsed USING (source_row)`);
  await connection.run(assignAthleteIdsSql);
  return { connection, milliseconds: performance.now() - started, rows: normalised.rows };
}

export async function eventGroups(connection: DuckDBConnection): Promise<EventGroup[]> {
  return (await connection.runAndReadAll(eventGroupsSql)).getRowObjectsJson().map((row) => ({
    event: String(row.event),
    sex: String(row.sex),
    direction: row.direction === 'higher' ? 'higher' : 'lower',
    performances: Number(row.performances),
  }));
}

/** One event and sex as the detectors' typed columns, plus performance ids to map back. */
export async function eventColumns(connection: DuckDBConnection, group: EventGroup): Promise<{ columns: EventColumns; performanceId: Int32Array }> {
  const rows = (await connection.runAndReadAll(eventFeaturesSql(group.event, group.sex))).getColumnsJson();
  const numbers = (values: unknown[]) => Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
  const [performanceId, athlete, season, dayNumber, age, wind, mark] = rows;
  return {
    performanceId: Int32Array.from(performanceId as number[]),
    columns: {
      event: group.event,
      sex: group.sex,
      direction: group.direction,
      mark: numbers(mark),
      athlete: Int32Array.from(athlete as number[]),
      season: Int32Array.from(season as number[]),
      dayNumber: numbers(dayNumber),
      age: numbers(age),
      wind: numbers(wind),
    },
  };
}

export interface NativeDetectorTimings {
  /** Milliseconds of each detector over all groups (runDetector only, one thread), the shared context apart. */
  milliseconds: Map<string, number>;
  /** Milliseconds of the context the detectors share (performanceContext.ts), once per group as in the app's tasks. */
  contextMilliseconds: number;
  performances: number;
  groups: number;
  /** Groups a detector could not judge, as "detector: event sex: why". */
  problems: string[];
}

/**
 * Every detector over every event and sex on one thread, the reference the browser's pool is
 * measured against; `onGroup` sees each group's columns (the benchmark writes the forest's
 * features from them). Columns are read once per group and not counted in the timings.
 */
export async function timeDetectors(
  connection: DuckDBConnection,
  detectorIds: string[],
  onGroup?: (index: number, columns: EventColumns) => void,
): Promise<NativeDetectorTimings> {
  const groups = await eventGroups(connection);
  const milliseconds = new Map<string, number>(detectorIds.map((id) => [id, 0]));
  const problems: string[] = [];
  let performances = 0, contextMilliseconds = 0;
  for (const [g, group] of groups.entries()) {
    const { columns } = await eventColumns(connection, group);
    performances += columns.mark.length;
    const started = performance.now();
    try {
      performanceContext(columns);
    } catch {
      // Each detector says below why it cannot judge the group.
    }
    contextMilliseconds += performance.now() - started;
    for (const id of detectorIds) {
      const started = performance.now();
      try {
        runDetector(id, columns, {}, 1);
      } catch (error) {
        // As in the app: a group the method cannot judge does not stop the others.
        problems.push(`${id}: ${group.event} ${group.sex}: ${(error as Error).message}`);
      }
      milliseconds.set(id, milliseconds.get(id)! + performance.now() - started);
    }
    onGroup?.(g, columns);
  }
  return { milliseconds, contextMilliseconds, performances, groups: groups.length, problems };
}
