/**
 * An athlete's career as the profile shows it: every performance with season bests, the
 * flags of every detector run with each flag's explanation (computed on demand in the
 * pool from the group's features and the stored scores), the sanction periods, and the
 * distribution of an event to place the athlete's marks in.
 */
import { eventFeaturesSql } from '../../core/athletics/resultsSql';
import { normaliseName } from '../../core/athletics/names';
import { integersOf, numbersOf, readIpc, textsOf } from './arrowReading';
import { text } from './labSql';
import type { RecordedRun } from './detectorRuns';
import type { ResultsDatabase, ResultsPorts } from './resultsPorts';
import type { AthleteMatch, AthleteProfile, EventDistribution, LearnedStanding, PerformanceFlag, ProfilePerformance } from './results.types';
import { mapped } from '../../core/stats/mapped';

export async function searchAthletes(db: ResultsDatabase, query: string, limit = 20): Promise<AthleteMatch[]> {
  const key = normaliseName(query);
  if (key.length < 2) return [];
  const words = key.split(' ').map((word) => `athlete_key LIKE ${text(`%${word}%`)}`).join(' AND ');
  return db.rows<AthleteMatch>(`SELECT athlete_id AS "athleteId", any_value(athlete) AS name, any_value(dob)::VARCHAR AS dob,
      string_agg(DISTINCT nationality, ', ') AS nationality, count(*)::INTEGER AS performances
    FROM performances WHERE ${words} AND athlete_id IS NOT NULL
    GROUP BY athlete_id ORDER BY (any_value(athlete_key) = ${text(key)}) DESC, performances DESC LIMIT ${Math.max(1, Math.floor(limit))}`);
}

interface PerformanceRow { performanceId: number; event: string; sex: string; direction: 'lower' | 'higher'; date: string; season: number; mark: number; markText: string; wind: number | null; seasonBest: boolean }

export async function athleteProfile(ports: ResultsPorts, athleteId: number, runs: RecordedRun[], learned: LearnedStanding | null): Promise<AthleteProfile> {
  const { db } = ports;
  const who = await db.rows<{ name: string; dob: string | null; nationality: string | null }>(`SELECT any_value(athlete) AS name, any_value(dob)::VARCHAR AS dob,
    string_agg(DISTINCT nationality, ', ') AS nationality FROM performances WHERE athlete_id = ${athleteId}`);
  if (who.length === 0 || who[0].name === null) throw new Error(`no athlete with id ${athleteId}`);
  const rows = await db.rows<PerformanceRow>(`SELECT performance_id AS "performanceId", event, sex, direction, date::VARCHAR AS date, season, mark,
      mark_text AS "markText", wind,
      mark = CASE WHEN direction = 'lower' THEN min(mark) OVER (PARTITION BY event, sex, season) ELSE max(mark) OVER (PARTITION BY event, sex, season) END AS "seasonBest"
    FROM performances WHERE athlete_id = ${athleteId} AND mark IS NOT NULL AND date IS NOT NULL ORDER BY date, performance_id`);
  const detectors = runs.map((r) => r.detectorId);
  const flags = detectors.length === 0 ? [] : await db.rows<{ performanceId: number; detector: string; score: number }>(`SELECT a.performance_id AS "performanceId", a.detector, a.score
    FROM anomalies a JOIN performances p USING (performance_id)
    WHERE p.athlete_id = ${athleteId} AND a.flagged = 1 AND a.detector IN (${detectors.map(text).join(', ')})`);
  const explanations = await explainFlags(ports, athleteId, rows, flags, runs);
  const flagsOf = new Map<number, PerformanceFlag[]>();
  for (const flag of flags) {
    const run = runs.find((r) => r.detectorId === flag.detector)!;
    const explanation = explanations.get(`${flag.detector}|${flag.performanceId}`) ?? '';
    flagsOf.set(flag.performanceId, [...(flagsOf.get(flag.performanceId) ?? []), { detectorId: flag.detector, label: run.label, score: flag.score, explanation }]);
  }
  const sanctions = await db.rows<{ from: number; to: number; text: string }>(`SELECT from_season AS "from", to_season AS "to", sanction AS text
    FROM sanction_periods WHERE athlete_id = ${athleteId}`).catch(() => []);
  const performances: ProfilePerformance[] = rows.map((row) => ({
    performanceId: row.performanceId, event: row.event, sex: row.sex, date: row.date, season: row.season, mark: row.mark,
    markText: row.markText, wind: row.wind, seasonBest: row.seasonBest, flags: flagsOf.get(row.performanceId) ?? [],
  }));
  return { athleteId, name: who[0].name, dob: who[0].dob, nationality: who[0].nationality, performances, sanctions, learned };
}

/**
 * Explanations of the athlete's flagged marks, one pool task per event and sex: the detectors
 * judge the whole event again (its columns), and read their stored scores for this athlete's
 * marks only (one query for every detector, not a join of every score of the event each).
 */
async function explainFlags(ports: ResultsPorts, athleteId: number, rows: PerformanceRow[], flags: { performanceId: number; detector: string }[], runs: RecordedRun[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byGroup = new Map<string, { row: PerformanceRow; ids: Set<number>; detectors: Set<string> }>();
  for (const flag of flags) {
    const row = rows.find((r) => r.performanceId === flag.performanceId);
    if (!row) continue;
    const key = `${row.event}|${row.sex}`;
    const entry = byGroup.get(key) ?? { row, ids: new Set<number>(), detectors: new Set<string>() };
    entry.ids.add(flag.performanceId);
    entry.detectors.add(flag.detector);
    byGroup.set(key, entry);
  }
  const { db, pool } = ports;
  await Promise.all([...byGroup.values()].map(async ({ row, ids, detectors }) => {
    const features = await db.queryIpc(eventFeaturesSql(row.event, row.sex));
    const table = readIpc(await db.queryIpc(`SELECT a.detector, a.performance_id, a.score, a.threshold FROM anomalies a JOIN performances p USING (performance_id)
      WHERE p.athlete_id = ${athleteId} AND p.event = ${text(row.event)} AND p.sex = ${text(row.sex)} AND a.detector IN (${[...detectors].map(text).join(', ')})`));
    const detectorOf = textsOf(table, 'detector'), storedIds = integersOf(table, 'performance_id'), scores = numbersOf(table, 'score'), thresholds = numbersOf(table, 'threshold');
    const stored = [...detectors].map((detectorId) => {
      const mine = [...detectorOf.keys()].filter((k) => detectorOf[k] === detectorId);
      const run = runs.find((r) => r.detectorId === detectorId)!;
      return {
        detectorId, params: run.params, performanceIds: mapped(Int32Array, mine, (k) => storedIds[k]), scores: mapped(Float64Array, mine, (k) => scores[k]),
        threshold: mine.length > 0 ? thresholds[mine[0]] : Infinity,
      };
    });
    const explained = await pool.run('resultsExplain', {
      features, group: { event: row.event, sex: row.sex, direction: row.direction }, runs: stored, explain: Int32Array.from(ids),
    });
    for (const e of explained) out.set(`${e.detectorId}|${e.performanceId}`, e.explanation);
  }));
  return out;
}

export async function eventDistribution(db: ResultsDatabase, event: string, sex: string, bins = 40): Promise<EventDistribution> {
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 500)) throw new Error(`invalid bins: ${bins}`);
  const where = `event = ${text(event)} AND sex = ${text(sex)} AND mark IS NOT NULL`;
  // The 0.1 % tails are folded into the end bins, so one freak mark does not squash the rest.
  const [range] = await db.rows<{ lo: number; hi: number; direction: 'lower' | 'higher' }>(`SELECT quantile_cont(mark, 0.001) AS lo, quantile_cont(mark, 0.999) AS hi,
    any_value(direction) AS direction FROM performances WHERE ${where}`);
  if (range.lo === null) return { event, sex, direction: 'lower', bins: [] };
  const width = range.hi > range.lo ? (range.hi - range.lo) / bins : 1;
  const counts = await db.rows<{ bin: number; count: number }>(`SELECT least(${bins - 1}, greatest(0, floor((mark - ${range.lo}) / ${width})))::INTEGER AS bin,
    count(*)::INTEGER AS count FROM performances WHERE ${where} GROUP BY bin ORDER BY bin`);
  const byBin = new Map(counts.map((c) => [c.bin, c.count]));
  return {
    event, sex, direction: range.direction,
    bins: Array.from({ length: bins }, (_, b) => ({ from: range.lo + b * width, to: range.lo + (b + 1) * width, count: byBin.get(b) ?? 0 })),
  };
}
