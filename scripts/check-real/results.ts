/**
 * Results on real data: every detector over the World Athletics top lists (467,146
 * performances), scored against the Wikipedia list of doping cases at the athlete level,
 * with the base rate and the two trivial baselines beside them. Fails if a detector errors
 * or the matching finds fewer than 500 sanctioned athletes.
 */
import { join } from 'node:path';
import { readSanctionList } from '../../src/core/athletics/sanctions';
import { matchSanctions } from '../../src/core/athletics/sanctionMatching';
import { aggregateByAthlete } from '../../src/core/evaluation/athleteLevel';
import { bestZScores, resultCountScores } from '../../src/core/evaluation/baselines';
import { evaluateMethod } from '../../src/core/evaluation/report';
import { flagScores } from '../../src/core/detectors/flags';
import { listDetectors, runDetector } from '../../src/core/detectors/registry';
import { athletesSql } from '../../src/core/athletics/resultsSql';
import { printTable } from '../lib/builtApp';
import { eventColumns, eventGroups, loadResults } from '../lib/nativeResults';

const data = join(process.cwd(), '..', 'shared', 'data', 'athletics');
const failures: string[] = [];

const { connection, milliseconds, rows } = await loadResults(join(data, 'wa_toplists_2025-12.parquet'));
const athletes = (await connection.runAndReadAll(athletesSql)).getRowObjectsJson();
const athleteCount = athletes.length;
console.log(`loaded ${rows.toLocaleString('en')} performances of ${athleteCount.toLocaleString('en')} athletes in ${(milliseconds / 1000).toFixed(1)} s`);

// Sanctions → athlete labels.
const sanctionRows = (await connection.runAndReadAll(`SELECT * FROM read_csv('${join(data, 'sanctions_wikipedia_athletics.csv')}', header = true, all_varchar = true)`)).getRowObjectsJson();
const sanctions = readSanctionList(sanctionRows as Record<string, string | null>[]);
const matches = matchSanctions(
  sanctions.records,
  athletes.map((a) => ({ id: String(a.athlete_id), name: String(a.name), dob: (a.dob as string | null) ?? null, nationality: a.nationality ? String(a.nationality).split(',') : null, firstSeason: Number(a.first_season), lastSeason: Number(a.last_season) })),
);
const labels = new Uint8Array(athleteCount);
for (const match of matches) if (match.status === 'matched') for (const candidate of match.athletes) labels[Number(candidate.athleteId)] = 1;
const sanctioned = labels.reduce((sum, v) => sum + v, 0);
const statuses = { matched: 0, ambiguous: 0, unmatched: 0 };
for (const match of matches) statuses[match.status]++;
console.log(`sanctions: ${sanctions.records.length} records; ${statuses.matched} matched, ${statuses.ambiguous} ambiguous, ${statuses.unmatched} unmatched; ${sanctioned} sanctioned athletes found`);
if (sanctioned < 500) failures.push(`the matching found ${sanctioned} sanctioned athletes (at least 500 expected)`);

// Every detector over every event and sex, aggregated to athletes (max score, any flag).
const groups = await eventGroups(connection);
const performanceScores = new Map<string, { scores: Float64Array; flagged: Uint8Array }>();
const athleteOfPerformance = new Int32Array(rows + 1);
const timings: Record<string, number> = {};
const allPerformance = { athlete: [] as number[], group: [] as number[], higher: [] as number[], mark: [] as number[] };
const detectors = listDetectors();
for (const detector of detectors) performanceScores.set(detector.id, { scores: new Float64Array(rows + 1).fill(NaN), flagged: new Uint8Array(rows + 1) });
for (const [groupIndex, group] of groups.entries()) {
  const { columns, performanceId } = await eventColumns(connection, group);
  for (let i = 0; i < performanceId.length; i++) {
    athleteOfPerformance[performanceId[i]] = columns.athlete[i];
    allPerformance.athlete.push(columns.athlete[i]);
    allPerformance.group.push(groupIndex);
    allPerformance.higher.push(group.direction === 'higher' ? 1 : 0);
    allPerformance.mark.push(columns.mark[i]);
  }
  for (const detector of detectors) {
    const started = performance.now();
    try {
      const run = runDetector(detector.id, columns, {}, 1);
      const target = performanceScores.get(detector.id)!;
      for (let i = 0; i < performanceId.length; i++) {
        target.scores[performanceId[i]] = run.scores[i];
        target.flagged[performanceId[i]] = run.flagged[i];
      }
    } catch (error) {
      failures.push(`${detector.id} failed on ${group.event} ${group.sex}: ${(error as Error).message}`);
    }
    timings[detector.id] = (timings[detector.id] ?? 0) + performance.now() - started;
  }
}

const table: Record<string, string | number>[] = [];
const format = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(3));
const addRow = (method: string, scores: Float64Array, flagged: Uint8Array, seconds: number | null) => {
  const row = evaluateMethod({ scores, flagged }, labels);
  table.push({ method, precision: format(row.precision), recall: format(row.recall), F1: format(row.f1), 'average precision': format(row.averagePrecision), 'base rate': format(row.baseRate), 'AP / base rate': `${row.lift.toFixed(2)}×`, flagged: flagged.reduce((s, v) => s + v, 0), seconds: seconds === null ? '' : seconds.toFixed(1) });
};
const athleteIndex = Int32Array.from(athleteOfPerformance.subarray(1));
for (const detector of detectors) {
  const run = performanceScores.get(detector.id)!;
  const aggregate = aggregateByAthlete(athleteIndex, run.scores.subarray(1), run.flagged.subarray(1), athleteCount);
  addRow(detector.id, aggregate.score, aggregate.flagged, timings[detector.id] / 1000);
}
// Baselines: an athlete's number of results; their best z-score in their event and sex.
const counts = resultCountScores(Int32Array.from(allPerformance.athlete), athleteCount);
addRow('baseline: number of results', counts, new Uint8Array(athleteCount), null);
const z = bestZScores({ athleteOf: allPerformance.athlete, athleteCount, groupOf: allPerformance.group, higherIsBetter: allPerformance.higher, marks: allPerformance.mark });
addRow('baseline: best z-score', z.athlete, flagScores(z.athlete, 3), null);
console.log('\nAthlete level (an athlete scores the maximum of their performances; flagged if any performance is):');
printTable(table);

for (const failure of failures) console.error(`FAIL ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);
