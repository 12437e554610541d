/**
 * What the app must show for a results file and a sanctions list, computed on native DuckDB
 * with the same core functions, printed as one JSON line for the e2e-real spec (which runs
 * under Playwright's loader, where the detector registry's import.meta.glob does not exist):
 *   npx tsx scripts/lib/viteNode.ts scripts/lib/resultsExpectations.ts RESULTS SANCTIONS
 */
import { evaluationInput } from '../../src/core/evaluation/evaluationInput';
import { evaluateMethods } from '../../src/core/evaluation/methodEvaluation';
import { matchSanctionList, runDetectors } from './nativeEvaluation';
import { eventGroups, loadResults } from './nativeResults';

export interface ResultsExpectations {
  rows: number;
  groups: number;
  sanctioned: number;
  /** Each detector's average precision at the athlete level. */
  ap: Record<string, number>;
}

const [results, sanctions] = process.argv.slice(2);
const { connection, rows } = await loadResults(results);
const groups = (await eventGroups(connection)).length;
const run = await runDetectors(connection, rows);
const list = await matchSanctionList(connection, sanctions);
const { report } = evaluateMethods(evaluationInput({ ...run.table, sanctions: list.periods }, 'athlete', 2));
connection.closeSync();
const expected: ResultsExpectations = {
  rows, groups, sanctioned: report.positives,
  ap: Object.fromEntries(report.rows.filter((r) => r.kind === 'detector').map((r) => [r.method, r.averagePrecision])),
};
console.log(JSON.stringify(expected));
