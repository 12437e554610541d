import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { assignAthleteIdsSql, athletesSql, createPerformancesSql, eventFeaturesSql, eventGroupsSql } from './resultsSql';
import { normaliseResultColumns } from './normaliseResults';
import { MarkFlag } from './marks';

/** Runs the SQL on real (native) DuckDB over a small hand-made set of rows. */
async function withPerformances() {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(createPerformancesSql);
  const rows: [number, string, string, string | null, string, number, string][] = [
    // id, athlete, key, dob, event, mark, date
    [1, 'Ann LEE', 'ann lee', '2000-01-01', '100-metres', 11.5, '2020-05-01'],
    [2, 'Ann LEE', 'ann lee', '2000-01-01', '100-metres', 11.3, '2020-06-01'],
    [3, 'Ann LEE', 'ann lee', '2000-01-01', '100-metres', 11.0, '2021-05-01'],
    [4, 'Ann LEE', 'ann lee', '2000-01-01', '100-metres', 11.1, '2021-05-01'],
    [5, 'Lee, Ann', 'ann lee', '1990-03-03', '100-metres', 12.0, '2021-07-01'],
    [6, 'Bo KIM', 'bo kim', null, 'long-jump', 7.0, '2019-07-01'],
    [7, 'Bo KIM', 'bo kim', null, 'long-jump', 7.4, '2020-07-01'],
  ];
  for (const [id, athlete, key, dob, event, mark, date] of rows) {
    const direction = event === 'long-jump' ? 'higher' : 'lower';
    await connection.run(
      `INSERT INTO performances VALUES (${id}, 1, ${id}, '${athlete}', '${key}', ${dob ? `DATE '${dob}'` : 'NULL'}, 'USA', '${event}', 'female', '${direction}', ${mark}, '${mark}', 0, DATE '${date}', ${date.slice(0, 4)}, NULL, NULL, NULL, NULL, NULL)`,
    );
  }
  await connection.run(assignAthleteIdsSql);
  return connection;
}

describe('results SQL on native DuckDB', () => {
  it('tells athletes apart by normalised name and birth date', async () => {
    const connection = await withPerformances();
    const athletes = (await connection.runAndReadAll(athletesSql)).getRowObjectsJson();
    // "ann lee" born 1990 and 2000 are two people; Bo Kim without a birth date is a third.
    expect(athletes.map((a) => [a.name, a.dob, a.performances])).toEqual([
      ['Lee, Ann', '1990-03-03', 1],
      ['Ann LEE', '2000-01-01', 4],
      ['Bo KIM', null, 2],
    ]);
  });

  it('gives each event and sex its columns in date order: athlete, season, day number, age, wind, mark', async () => {
    const connection = await withPerformances();
    const features = (await connection.runAndReadAll(eventFeaturesSql('100-metres', 'female'))).getRowObjectsJson();
    const byId = new Map(features.map((row) => [Number(row.performance_id), row]));
    // Born 2000-01-01, raced 2020-05-01: 7426 days / 365.25.
    expect(Number(byId.get(1)!.age)).toBeCloseTo(7426 / 365.25, 10);
    expect(Number(byId.get(1)!.day_number)).toBe(18383);
    expect(Number(byId.get(3)!.season)).toBe(2021);
    expect(Number(byId.get(4)!.mark)).toBe(11.1);
    // Ann born 2000 (athlete 1) and Ann born 1990 (athlete 0) are two athletes.
    expect(Number(byId.get(1)!.athlete_id)).toBe(1);
    expect(Number(byId.get(5)!.athlete_id)).toBe(0);
    expect(features.map((row) => Number(row.performance_id))).toEqual([1, 2, 3, 4, 5]);

    const jump = (await connection.runAndReadAll(eventFeaturesSql('long-jump', 'female'))).getRowObjectsJson();
    expect(jump.map((row) => Number(row.mark))).toEqual([7.0, 7.4]);
    expect(jump[1].age).toBeNull();
  });

  it('lists event groups largest first', async () => {
    const connection = await withPerformances();
    const groups = (await connection.runAndReadAll(eventGroupsSql)).getRowObjectsJson();
    expect(groups.map((g) => [g.event, g.performances, g.athletes, g.direction])).toEqual([
      ['100-metres', 5, 2, 'lower'],
      ['long-jump', 2, 1, 'higher'],
    ]);
  });
});

describe('normaliseResultColumns', () => {
  it('parses marks, names events, flags wind-aided marks and counts what it left out', () => {
    const result = normaliseResultColumns({
      athlete: ['Ann LEE', 'Lee, Ann', 'Bo KIM', 'Cy DOE', 'Di RAY'],
      event: ['100m', '100-metres', 'Long Jump', 'Underwater Basket', '800m'],
      mark: ['10.95', '11.02h', '8,05', '3.00', 'DNF'],
      wind: ['+2.1', '-0.3', '2.0', null, null],
    });
    expect(result.athleteKey).toEqual(['ann lee', 'ann lee', 'bo kim', 'cy doe', 'di ray']);
    expect(result.event).toEqual(['100-metres', '100-metres', 'long-jump', null, '800-metres']);
    expect(result.direction).toEqual(['lower', 'lower', 'higher', null, 'lower']);
    expect(Array.from(result.mark.slice(0, 3))).toEqual([10.95, 11.02, 8.05]);
    expect(Number.isNaN(result.mark[3]) && Number.isNaN(result.mark[4])).toBe(true);
    expect(result.markFlags[0] & MarkFlag.windAided).toBe(MarkFlag.windAided); // +2.1 > 2.0
    expect(result.markFlags[2] & MarkFlag.windAided).toBe(0); // exactly 2.0 is legal
    expect(result.markFlags[1] & MarkFlag.handTimed).toBe(MarkFlag.handTimed);
    expect(result.excluded.DNF).toBe(1);
    expect(result.unknownEvents).toEqual({ 'Underwater Basket': 1 });
  });
});
