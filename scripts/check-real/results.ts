/**
 * Results on real data, everything read from the data folder (scripts/lib/resultsFolder.ts:
 * results and sanctions lists found by their columns): each results file's events keep their
 * implements apart (checked against the file's own discipline and sex spellings), every
 * detector runs over every event and sex (timed), and — when a sanctions list lies beside the
 * file — every method, the three trivial baselines and the learned combination (out of fold)
 * are scored against it at the athlete level (ROC-AUC, AP, AP ÷ base rate, AP ÷ best trivial
 * baseline, P@50, P@200, AUC within exposure deciles, within eras, within both) and at the
 * performance level. Fails if a detector errors, an event group merges implements, the file's
 * groups are not the app's, or a sanctions list with rows matches no athlete at all.
 */
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { recogniseColumns } from '../../src/core/athletics/columns';
import { describeEvent, eventGroupLabel } from '../../src/core/athletics/events';
import { normaliseSex } from '../../src/core/athletics/sex';
import { evaluationInput, type ScoredPerformances } from '../../src/core/evaluation/evaluationInput';
import { evaluateMethods, type EvaluationReport } from '../../src/core/evaluation/methodEvaluation';
import { printTable } from '../lib/builtApp';
import { dataFolder } from '../lib/dataFolder';
import { eventGroups, loadResults } from '../lib/nativeResults';
import { matchSanctionList, runDetectors } from '../lib/nativeEvaluation';
import { headersOf, resultsFiles } from '../lib/resultsFolder';

const failures: string[] = [];
const three = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
const two = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** The file's own spellings: every (discipline, sex) it writes must give one event, and each event one implement. */
async function checkImplements(connection: DuckDBConnection, path: string): Promise<number> {
  const { mapping } = recogniseColumns(await headersOf(path));
  const event = `"${mapping.event}"::VARCHAR`, sex = mapping.sex ? `"${mapping.sex}"::VARCHAR` : 'NULL';
  const spellings = (await connection.runAndReadAll(`SELECT DISTINCT ${event} AS event, ${sex} AS sex FROM raw WHERE ${event} IS NOT NULL`)).getRowObjectsJson();
  const implementOf = new Map<string, Set<string>>();
  for (const row of spellings) {
    const sexKey = normaliseSex(row.sex as string | null);
    const info = describeEvent(String(row.event), sexKey);
    if (!info) continue;
    const key = `${info.name}|${sexKey}`;
    implementOf.set(key, (implementOf.get(key) ?? new Set()).add(JSON.stringify(info.implement)));
  }
  for (const [key, implementsOf] of implementOf) {
    if (implementsOf.size > 1) failures.push(`${key} merges implements: ${[...implementsOf].join(', ')}`);
  }
  const groups = await eventGroups(connection);
  const expected = new Set(implementOf.keys()), actual = new Set(groups.map((g) => `${g.event}|${g.sex}`));
  const missing = [...expected].filter((k) => !actual.has(k)), extra = [...actual].filter((k) => !expected.has(k));
  if (missing.length + extra.length > 0) failures.push(`groups differ from the file's spellings: missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}`);
  console.log(`${spellings.length} discipline × sex spellings in the file → ${expected.size} event groups, each with one implement (${groups.length} groups in performances)`);
  const youth = groups.filter((g) => describeEvent(g.event, g.sex)?.implement).map((g) => `${eventGroupLabel(g.event, g.sex)} (${g.performances.toLocaleString('en')})`);
  if (youth.length > 0) console.log(`groups with a non-senior implement: ${youth.join('; ')}`);
  return groups.length;
}

function printReport(report: EvaluationReport): void {
  const byAp = [...report.rows].sort((a, b) => b.averagePrecision - a.averagePrecision);
  const count = report.rows.find((r) => r.method === 'baseline-results')!.averagePrecision;
  printTable(byAp.map((r) => ({
    method: r.kind === 'supervised' ? `${r.method} (supervised)` : r.method,
    'ROC-AUC': three(r.rocAuc), AP: three(r.averagePrecision), 'AP/base': `${two(r.lift)}×`, 'AP/count': `${two(r.averagePrecision / count)}×`, 'AP/best trivial': `${two(r.apOverBaseline)}×`,
    'P@50': two(r.precisionAt50), 'P@200': two(r.precisionAt200),
    'AUC in exposure deciles': `${three(r.withinExposure.auc)} ±${three(r.withinExposure.standardError)}`,
    'AUC in eras': three(r.withinEra.auc), 'AUC in both': three(r.withinBoth.auc), flagged: r.tp + r.fp,
  })));
  for (const sentence of report.words) console.log(`  ${sentence}`);
}

for (const pair of await resultsFiles()) {
  console.log(`\n--- ${relative(dataFolder(), pair.results)} ---`);
  const { connection, milliseconds, rows } = await loadResults(pair.results);
  console.log(`loaded ${rows.toLocaleString('en')} rows in ${(milliseconds / 1000).toFixed(1)} s (native DuckDB + our parsing)`);
  await checkImplements(connection, pair.results);
  const { table, seconds, contextSeconds, failures: detectorFailures } = await runDetectors(connection, rows);
  failures.push(...detectorFailures);
  const all = contextSeconds + [...seconds.values()].reduce((a, b) => a + b, 0);
  console.log(`detectors over ${table.athleteOf.length.toLocaleString('en')} performances, one thread, load average ${loadavg()[0].toFixed(1)} (s): all ${all.toFixed(1)}: the shared context ${contextSeconds.toFixed(1)}, ${[...seconds].map(([id, s]) => `${id} ${s.toFixed(1)}`).join(', ')}`);
  for (const sanctions of pair.sanctions) {
    console.log(`\nagainst ${relative(dataFolder(), sanctions)}:`);
    const list = await matchSanctionList(connection, sanctions);
    const { periods, statuses } = list;
    const other = list.otherSports === null ? '' : `; ${list.otherSports} rows of other sports left out`;
    console.log(`${list.records} sanctions (${list.dated} with a year, read from "${list.dateColumn ?? 'no date column'}")${other}: ${statuses.matched} matched, ${statuses.ambiguous} ambiguous, ${statuses.unmatched} unmatched → ${periods.size} sanctioned athletes`);
    if (list.records > 0 && periods.size === 0) failures.push(`${relative(dataFolder(), sanctions)}: no sanction matched any athlete`);
    const scored: ScoredPerformances = { ...table, sanctions: periods };
    const started = performance.now();
    const athlete = evaluateMethods(evaluationInput(scored, 'athlete', 2));
    console.log(`\nathlete level: ${athlete.report.positives} sanctioned of ${athlete.report.n.toLocaleString('en')} (base rate ${(100 * athlete.report.baseRate).toFixed(2)} %), evaluated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    printReport(athlete.report);
    if (athlete.report.learned) {
      console.log('learned combination, coefficients per sd (fit on all athletes):');
      console.log(`  ${[...athlete.report.learned.coefficients].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).map((c) => `${c.name} ${c.value >= 0 ? '+' : ''}${c.value.toFixed(2)}`).join('; ')}`);
    }
    const performanceLevel = evaluateMethods(evaluationInput(scored, 'performance', 2));
    console.log(`\nperformance level (the seasons up to and through a sanction): ${performanceLevel.report.positives.toLocaleString('en')} of ${performanceLevel.report.n.toLocaleString('en')} (base rate ${(100 * performanceLevel.report.baseRate).toFixed(2)} %)`);
    printReport(performanceLevel.report);
  }
  connection.closeSync();
}

for (const failure of failures) console.error(`FAIL ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);
