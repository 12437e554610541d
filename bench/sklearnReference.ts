/**
 * scikit-learn as the reference for the methods it has (isolation forest, LOF, the minimum
 * covariance determinant): the features our detectors built, written group by group while
 * Node times the detectors, then scored by bench/sklearnReference.py on Debian's
 * python3-sklearn, one thread. Without python3 or scikit-learn (CI) it says so and gives none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { betterSideOnly, multivariateFeatures } from '../src/core/detectors/features';
import type { EventColumns } from '../src/core/detectors/types';

export type SklearnMethod = 'isolationForest' | 'localOutlierFactor' | 'robustCovariance';
export type SklearnTimes = Record<SklearnMethod, { milliseconds: number; rows: number }>;

/** Our detector's id for each of scikit-learn's methods. */
export const sklearnMethodOf: Record<string, SklearnMethod> = {
  'isolation-forest': 'isolationForest',
  'local-outlier-factor': 'localOutlierFactor',
  'robust-covariance': 'robustCovariance',
};

export const sklearnName: Record<SklearnMethod, string> = {
  isolationForest: "scikit-learn's IsolationForest",
  localOutlierFactor: "scikit-learn's LocalOutlierFactor",
  robustCovariance: "scikit-learn's MinCovDet",
};

/** Debian's scikit-learn for the reference (installed as root, like Chromium). */
function ensureSklearn(): boolean {
  const probe = () => spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
  if (probe()) return true;
  if (process.getuid?.() !== 0) return false;
  spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn'], { stdio: 'inherit' });
  return probe();
}

/** Collects each group's features (as timeDetectors' onGroup), then times scikit-learn on them. */
export function sklearnReference(name: string): { onGroup: (index: number, columns: EventColumns) => void; run: () => SklearnTimes | string } {
  const dir = resolve('.cache', 'bench', `sklearn-${name}`);
  mkdirSync(dir, { recursive: true });
  const groups: { rows: number; dimensions: number; forest: string; features: string }[] = [];
  const write = (file: string, values: Float64Array) => writeFileSync(file, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  return {
    onGroup(index, columns) {
      const features = multivariateFeatures(columns);
      if (features.dimensions === 0) return;
      const forest = join(dir, `group-${index}-forest.f64`), plain = join(dir, `group-${index}-features.f64`);
      write(forest, betterSideOnly(features));
      write(plain, features.values);
      groups.push({ rows: columns.mark.length, dimensions: features.dimensions, forest, features: plain });
    },
    run() {
      if (!ensureSklearn()) return 'python3-sklearn is not installed (apt-get install python3-sklearn): no scikit-learn column';
      const index = join(dir, 'index.json');
      writeFileSync(index, JSON.stringify({ groups }));
      const python = spawnSync('/usr/bin/python3', ['bench/sklearnReference.py', index], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
      if (python.status !== 0) return `scikit-learn failed: ${python.stderr.slice(-300)}`;
      return JSON.parse(python.stdout.trim().split('\n').pop()!) as SklearnTimes;
    },
  };
}
