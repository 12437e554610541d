import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { listDetectors } from '../../src/core/detectors/registry';
import { betterSideOnly, multivariateFeatures } from '../../src/core/detectors/features';
import { evaluationInput } from '../../src/core/evaluation/evaluationInput';
import { evaluateMethods } from '../../src/core/evaluation/methodEvaluation';
import { loadResults, timeDetectors } from '../../scripts/lib/nativeResults';
import { matchSanctionList, runDetectors } from '../../scripts/lib/nativeEvaluation';
import type { BenchRow, BenchSuite } from '../context';

/** Debian's scikit-learn for the reference (installed as root, like Chromium). */
function ensureSklearn(): boolean {
  const probe = () => spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
  if (probe()) return true;
  if (process.getuid?.() !== 0) return false;
  spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn'], { stdio: 'inherit' });
  return probe();
}

/**
 * Every detector over every event and sex of the generated results (Node, the V8 that runs
 * the app's workers), each beside the run of all of them and scikit-learn's forest on the same
 * features (the ones our forest isolates: oriented, worse-than-typical raised to typical); then
 * the evaluation of all of them against the generated sanctions (strata, baselines, the
 * learned combination cross-fitted) beside the detectors' time. The browser figures (through
 * the pool) are in the results-browser suite.
 */
export const suite: BenchSuite = {
  name: 'results-detectors',
  async run(context) {
    const rows = context.options.quick ? 200_000 : context.options.rows;
    const files = await context.generatedResults(rows);
    const { connection, milliseconds: loadMs } = await loadResults(files.parquet);
    const detectors = listDetectors();
    const featureDir = resolve('.cache', 'bench', `forest-features-${rows}`);
    mkdirSync(featureDir, { recursive: true });
    const index: { groups: { file: string; rows: number; dimensions: number }[] } = { groups: [] };
    const measured = await timeDetectors(connection, detectors.map((d) => d.id), (g, columns) => {
      const features = multivariateFeatures(columns);
      if (features.dimensions > 0 && columns.mark.length >= 2) {
        const file = join(featureDir, `group-${g}.f64`);
        const points = betterSideOnly(features);
        writeFileSync(file, Buffer.from(points.buffer, points.byteOffset, points.byteLength));
        index.groups.push({ file, rows: columns.mark.length, dimensions: features.dimensions });
      }
    });
    const scored = await runDetectors(connection, measured.performances);
    const sanctions = await matchSanctionList(connection, files.sanctions);
    const evaluationStarted = performance.now();
    const { report } = evaluateMethods(evaluationInput({ ...scored.table, sanctions: sanctions.periods }, 'athlete', 2));
    const evaluationMs = performance.now() - evaluationStarted;
    connection.closeSync();
    const timings = measured.milliseconds;
    const total = [...timings.values()].reduce((a, b) => a + b, 0);
    const out: BenchRow[] = [];
    const label = `${measured.performances.toLocaleString('en')} performances, ${measured.groups} event-sex groups`;
    out.push({ suite: 'results-detectors', case: `native load + normalise (${label})`, unit: 'ms', value: loadMs, note: 'native DuckDB + our TS mark parsing' });
    for (const detector of detectors) {
      out.push({ suite: 'results-detectors', case: `${detector.id} over all events`, unit: 'ms', value: timings.get(detector.id)!, reference: { label: 'all detectors', value: total }, note: 'Node/V8, one thread' });
    }
    out.push({ suite: 'results-detectors', case: 'all detectors together, one thread', unit: 'ms', value: total });
    out.push({
      suite: 'results-detectors', case: `evaluation at the athlete level (${report.rows.length} rows over ${report.n.toLocaleString('en')} athletes, learned combination 5-fold)`,
      unit: 'ms', value: evaluationMs, reference: { label: 'all detectors', value: total }, note: `${report.positives} sanctioned athletes in the generated list`,
    });

    const forest = timings.get('isolation-forest')!;
    const indexFile = join(featureDir, 'index.json');
    writeFileSync(indexFile, JSON.stringify(index));
    if (ensureSklearn() && existsSync(indexFile)) {
      const python = spawnSync('/usr/bin/python3', ['bench/sklearnIsolationForest.py', indexFile], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
      if (python.status === 0) {
        const sklearn = JSON.parse(python.stdout.trim().split('\n').pop()!) as { milliseconds: number; rows: number };
        out.push({ suite: 'results-detectors', case: `isolation forest (100 trees, ψ 256) on ${sklearn.rows.toLocaleString('en')} rows`, unit: 'ms', value: forest, reference: { label: "scikit-learn's IsolationForest", value: sklearn.milliseconds }, note: 'same features and rows; ours includes building the features' });
      } else {
        out.push({ suite: 'results-detectors', case: 'isolation forest vs scikit-learn', unit: 'ms', value: forest, note: `scikit-learn failed: ${python.stderr.slice(-200)}` });
      }
    } else {
      out.push({ suite: 'results-detectors', case: 'isolation forest vs scikit-learn', unit: 'ms', value: forest, note: 'python3-sklearn is not installed (apt-get install python3-sklearn)' });
    }
    return out;
  },
};
