import { loadavg } from 'node:os';
import { listDetectors } from '../../src/core/detectors/registry';
import { evaluationInput } from '../../src/core/evaluation/evaluationInput';
import { evaluateMethods } from '../../src/core/evaluation/methodEvaluation';
import { loadResults, timeDetectors } from '../../scripts/lib/nativeResults';
import { matchSanctionList, runDetectors } from '../../scripts/lib/nativeEvaluation';
import { sklearnMethodOf, sklearnName, sklearnReference } from '../sklearnReference';
import type { BenchRow, BenchSuite } from '../context';

const load = (): string => `load ${loadavg()[0].toFixed(1)}`;

/**
 * Every detector over every event and sex of the generated results on one Node thread (the
 * V8 that runs the app's workers): each beside the run of all of them, and the isolation
 * forest, LOF and the robust covariance beside scikit-learn's own on the same features and
 * rows (one thread too); then the evaluation of all of them against the generated sanctions
 * (strata, baselines, the learned combination cross-fitted) beside the detectors' time. The
 * browser figures (the app's pool, every core) are in the results-browser suite. The
 * machine's load average is printed beside every figure: other work shares these cores.
 */
export const suite: BenchSuite = {
  name: 'results-detectors',
  async run(context) {
    const rows = context.options.quick ? 200_000 : context.options.rows;
    const files = await context.generatedResults(rows);
    const { connection, milliseconds: loadMs } = await loadResults(files.parquet);
    const detectors = listDetectors();
    const sklearn = sklearnReference(`${rows}`);
    const before = load();
    const measured = await timeDetectors(connection, detectors.map((d) => d.id), sklearn.onGroup);
    const timedAt = load();
    const scored = await runDetectors(connection, measured.performances);
    const sanctions = await matchSanctionList(connection, files.sanctions);
    const evaluationStarted = performance.now();
    const { report } = evaluateMethods(evaluationInput({ ...scored.table, sanctions: sanctions.periods }, 'athlete', 2));
    const evaluationMs = performance.now() - evaluationStarted;
    const evaluatedAt = load();
    connection.closeSync();
    const timings = measured.milliseconds;
    const total = measured.contextMilliseconds + [...timings.values()].reduce((a, b) => a + b, 0);
    const out: BenchRow[] = [];
    const suite = 'results-detectors';
    const label = `${measured.performances.toLocaleString('en')} performances, ${measured.groups} event-sex groups`;
    out.push({ suite, case: `native load + normalise (${label})`, unit: 'ms', value: loadMs, note: `native DuckDB + our TS mark parsing; ${before}` });
    out.push({ suite, case: 'the context the detectors share, once per group', unit: 'ms', value: measured.contextMilliseconds, reference: { label: 'all detectors', value: total }, note: `Node/V8, one thread; ${timedAt}` });
    for (const detector of detectors) {
      out.push({ suite, case: `${detector.id} over all events`, unit: 'ms', value: timings.get(detector.id)!, reference: { label: 'all detectors', value: total }, note: `Node/V8, one thread; ${timedAt}` });
    }
    out.push({ suite, case: 'all detectors together, one thread', unit: 'ms', value: total, note: `${before} before, ${timedAt} after` });
    out.push({
      suite, case: `evaluation at the athlete level (${report.rows.length} rows over ${report.n.toLocaleString('en')} athletes, learned combination 5-fold)`,
      unit: 'ms', value: evaluationMs, reference: { label: 'all detectors', value: total }, note: `${report.positives} sanctioned athletes in the generated list; ${evaluatedAt}`,
    });
    const reference = sklearn.run();
    const sklearnAt = load();
    for (const [id, method] of Object.entries(sklearnMethodOf)) {
      const ours = timings.get(id)!;
      if (typeof reference === 'string') {
        out.push({ suite, case: `${id} vs scikit-learn`, unit: 'ms', value: ours, note: reference });
        continue;
      }
      out.push({
        suite, case: `${id} on ${reference[method].rows.toLocaleString('en')} rows, one thread`, unit: 'ms', value: ours,
        reference: { label: sklearnName[method], value: reference[method].milliseconds },
        note: `same features and rows${id === 'isolation-forest' ? '; ours includes building the features (the first detector to need them)' : ''}; ${sklearnAt}`,
      });
    }
    return out;
  },
};
