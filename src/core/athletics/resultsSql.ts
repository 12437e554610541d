/**
 * The SQL of the Results workspace, run by DuckDB-WASM in the app and by native DuckDB in
 * check:real and the tests (the same text, so what is checked is what runs).
 *
 * `performances` holds every loaded row after normaliseResultColumns (normaliseResults.ts);
 * athletes are told apart by normalised name and birth date; the detector features are
 * computed here with window functions, one event and sex at a time, in date order.
 */

export const createPerformancesSql = `
CREATE TABLE IF NOT EXISTS performances (
  performance_id INTEGER, file_id INTEGER, source_row INTEGER,
  athlete VARCHAR, athlete_key VARCHAR, dob DATE, nationality VARCHAR,
  event VARCHAR, sex VARCHAR, direction VARCHAR,
  mark DOUBLE, mark_text VARCHAR, mark_flags INTEGER,
  date DATE, season INTEGER, wind DOUBLE,
  venue VARCHAR, competition VARCHAR, position VARCHAR,
  athlete_id INTEGER
)`;

/** Dense athlete ids over all loaded files: the same person in two files is one athlete. */
export const assignAthleteIdsSql = `
UPDATE performances SET athlete_id = ids.athlete_id
FROM (
  SELECT athlete_key, dob, (dense_rank() OVER (ORDER BY athlete_key, dob NULLS FIRST) - 1)::INTEGER AS athlete_id
  FROM (SELECT DISTINCT athlete_key, dob FROM performances)
) AS ids
WHERE performances.athlete_key = ids.athlete_key AND performances.dob IS NOT DISTINCT FROM ids.dob`;

/** The event and sex groups the detectors run over, largest first (so the pool stays busy). */
export const eventGroupsSql = `
SELECT event, sex, any_value(direction) AS direction, count(*)::INTEGER AS performances,
       count(DISTINCT athlete_id)::INTEGER AS athletes
FROM performances WHERE mark IS NOT NULL AND date IS NOT NULL
GROUP BY event, sex ORDER BY performances DESC, event, sex`;

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * The columns of EventColumns (src/core/detectors/types.ts) for one event and sex, in date
 * order, with performance_id to map scores back; age from the birth date, else NULL. What a
 * detector judges a mark against (the athlete's earlier results and seasons, the event's age
 * curve, the wind) is computed from these in the detectors' shared context.
 */
export function eventFeaturesSql(event: string, sex: string): string {
  return `
SELECT
  performance_id,
  athlete_id,
  season,
  date_diff('day', DATE '1970-01-01', date)::DOUBLE AS day_number,
  CASE WHEN dob IS NULL THEN NULL ELSE date_diff('day', dob, date) / 365.25 END AS age,
  wind,
  mark
FROM performances
WHERE event = ${literal(event)} AND sex = ${literal(sex)} AND mark IS NOT NULL AND date IS NOT NULL
ORDER BY date, performance_id`;
}

/** One row per athlete for sanction matching. */
export const athletesSql = `
SELECT athlete_id, any_value(athlete) AS name, dob::VARCHAR AS dob,
       string_agg(DISTINCT nationality, ',') AS nationality,
       min(season)::INTEGER AS first_season, max(season)::INTEGER AS last_season,
       count(*)::INTEGER AS performances
FROM performances GROUP BY athlete_id, dob ORDER BY athlete_id`;
