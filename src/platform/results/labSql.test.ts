import { describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { assignAthleteIdsSql, createPerformancesSql } from '../../core/athletics/resultsSql';
import { consensusSql, createAnomaliesSql, mostFlaggedAthletesSql, storeAnomaliesSql } from './labSql';

/*
 * The engine's SQL on real (native) DuckDB over six hand-made performances of three athletes
 * and three detectors' scores; every expected value is worked out by hand in the comments.
 */

// id, athlete key, event, mark (null: DNF), date (null: unreadable)
const performances: [number, string, string, number | null, string | null][] = [
  [1, 'ann', '100-metres', 11.0, '2020-05-01'],
  [2, 'ann', '100-metres', 10.5, '2021-05-01'],
  [3, 'bo', 'long-jump', 7.0, '2020-07-01'],
  [4, 'bo', 'long-jump', 8.5, '2021-07-01'],
  [5, 'cy', '100-metres', null, '2021-06-01'],
  [6, 'cy', '100-metres', 11.2, null],
];

type Score = [detector: string, performanceId: number, score: number, flagged: 0 | 1];

/** One run of some detectors: their flagged performances (the engine stores no others; a 0 here shows the SQL keeps what it is given). */
async function store(connection: DuckDBConnection, detectors: string[], scores: Score[]): Promise<void> {
  const values = scores.map(([detector, id, score, flagged]) => `('${detector}', ${id}, ${score}, ${flagged}, 1.5)`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE staging AS SELECT * FROM (VALUES ${values}) t(detector, performance_id, score, flagged, threshold)`);
  for (const statement of storeAnomaliesSql(detectors, 'staging')) await connection.run(statement);
}

async function lab(): Promise<DuckDBConnection> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(createPerformancesSql);
  await connection.run(createAnomaliesSql);
  for (const [id, key, event, mark, date] of performances) {
    const direction = event === 'long-jump' ? 'higher' : 'lower';
    await connection.run(`INSERT INTO performances VALUES (${id}, 1, ${id}, '${key.toUpperCase()}', '${key}', NULL, 'USA', '${event}', 'female', '${direction}',
      ${mark ?? 'NULL'}, '${mark ?? 'DNF'}', 0, ${date ? `DATE '${date}'` : 'NULL'}, ${date ? date.slice(0, 4) : 'NULL'}, NULL, NULL, NULL, NULL, NULL)`);
  }
  await connection.run(assignAthleteIdsSql); // ann 0, bo 1, cy 2 (dense rank of the key)
  // A first run of z and iqr; z is replaced below and none of its rows may survive, iqr's stay.
  await store(connection, ['z', 'iqr'], [['z', 1, 9, 1], ['z', 3, 9, 1], ['iqr', 2, 2.0, 1], ['iqr', 3, 2.5, 1], ['iqr', 4, 1.0, 0]]);
  await store(connection, ['z', 'lof'], [['z', 1, 0.5, 0], ['z', 2, 3.2, 1], ['z', 4, 2.9, 1], ['lof', 2, 1.8, 1], ['lof', 3, 1.6, 1], ['lof', 4, 1.7, 1]]);
  return connection;
}

const rows = async (connection: DuckDBConnection, sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

describe('storeAnomaliesSql', () => {
  it("replaces the run's detectors' earlier rows and leaves the other detectors' alone", async () => {
    const connection = await lab();
    const stored = await rows(connection, 'SELECT detector, performance_id, score, flagged FROM anomalies ORDER BY detector, performance_id');
    expect(stored.map((r) => `${r.detector}:${r.performance_id}:${r.score}:${r.flagged}`)).toEqual([
      'iqr:2:2:1', 'iqr:3:2.5:1', 'iqr:4:1:0',
      'lof:2:1.8:1', 'lof:3:1.6:1', 'lof:4:1.7:1',
      'z:1:0.5:0', 'z:2:3.2:1', 'z:4:2.9:1',
    ]);
  });
});

describe('consensusSql', () => {
  it('lists performances flagged by at least k methods, most methods first, with the methods named', async () => {
    const connection = await lab();
    // Flags: 2 by z, iqr, lof (3); 3 by iqr, lof (2); 4 by z, lof (2); 1 by none.
    const atLeastTwo = await rows(connection, consensusSql(['z', 'iqr', 'lof'], 2, 10));
    expect(atLeastTwo.map((r) => [r.performance_id, r.athlete, r.methods, r.n])).toEqual([
      [2, 'ANN', 'iqr,lof,z', 3],
      [3, 'BO', 'iqr,lof', 2],
      [4, 'BO', 'lof,z', 2],
    ]);
    expect((await rows(connection, consensusSql(['z', 'iqr', 'lof'], 3, 10))).map((r) => r.performance_id)).toEqual([2]);
    expect((await rows(connection, consensusSql(['z', 'iqr', 'lof'], 2, 2))).map((r) => r.performance_id)).toEqual([2, 3]);
  });

  it('counts only the chosen detectors', async () => {
    const connection = await lab();
    // Among z and iqr alone: 2 has both, 3 only iqr, 4 only z.
    const chosen = await rows(connection, consensusSql(['z', 'iqr'], 2, 10));
    expect(chosen.map((r) => [r.performance_id, r.methods])).toEqual([[2, 'iqr,z']]);
    expect(await rows(connection, consensusSql([], 1, 10))).toEqual([]);
  });
});

describe('mostFlaggedAthletesSql', () => {
  it('ranks athletes by consensus performances, then by the flags on them', async () => {
    const connection = await lab();
    // k = 2: Bo has 3 (2 flags) and 4 (2 flags): 2 performances, 4 flags; Ann has 2 (3 flags): 1, 3.
    expect(await rows(connection, mostFlaggedAthletesSql(['z', 'iqr', 'lof'], 2, 10))).toEqual([
      { athleteId: 1, name: 'BO', consensusFlags: 2, flags: 4 },
      { athleteId: 0, name: 'ANN', consensusFlags: 1, flags: 3 },
    ]);
    // k = 3: only performance 2 (Ann's) has three methods; a limit of 1 keeps the first, Bo.
    expect((await rows(connection, mostFlaggedAthletesSql(['z', 'iqr', 'lof'], 3, 10))).map((r) => [r.name, r.consensusFlags, r.flags])).toEqual([['ANN', 1, 3]]);
    expect((await rows(connection, mostFlaggedAthletesSql(['z', 'iqr', 'lof'], 2, 1))).map((r) => r.name)).toEqual(['BO']);
  });
});
