/**
 * The detector registry: every file in statistical/, ml/ and advanced/ that exports a
 * detector (default or named `detector`) is one; nothing else lists them. Adding a
 * detector is adding a file.
 */
import { flagScores } from './flags';
import { validateColumns } from './goodness';
import { resolveParameters } from './parameters';
import type { Detector, DetectorInfo, DetectorParameters, DetectorRun, EventColumns } from './types';

interface DetectorModule { default?: Detector; detector?: Detector }

const modules = import.meta.glob<DetectorModule>(['./*/*.ts', '!./*/*.test.ts'], { eager: true });

const detectors: Detector[] = Object.entries(modules)
  .map(([path, module]) => {
    const detector = module.default ?? module.detector;
    if (!detector || typeof detector.detect !== 'function') throw new Error(`${path} exports no detector (default or named "detector")`);
    const folder = path.split('/')[1];
    if (folder !== detector.family) throw new Error(`${path}: detector ${detector.id} says family ${detector.family} but lives in ${folder}/`);
    return detector;
  })
  .sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));

const seen = new Set<string>();
for (const detector of detectors) {
  if (seen.has(detector.id)) throw new Error(`two detectors share the id ${detector.id}`);
  seen.add(detector.id);
}

export function listDetectors(): DetectorInfo[] {
  return detectors.map(({ id, label, family, pattern, parameters }) => ({ id, label, family, pattern, parameters: structuredClone(parameters) }));
}

export function getDetector(id: string): Detector {
  const detector = detectors.find((d) => d.id === id);
  if (!detector) throw new Error(`unknown detector: ${id} (known: ${detectors.map((d) => d.id).join(', ')})`);
  return detector;
}

/** Validate columns and parameters, run, and flag: the one entry point for workers. */
export function runDetector(detectorId: string, columns: EventColumns, params: Partial<DetectorParameters>, seed: number): DetectorRun {
  const detector = getDetector(detectorId);
  const resolved = resolveParameters(detector, params);
  validateColumns(columns);
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}`);
  const { scores, threshold } = detector.detect(columns, resolved, seed);
  if (scores.length !== columns.mark.length) throw new Error(`${detectorId} returned ${scores.length} scores for ${columns.mark.length} rows`);
  return { scores, threshold, flagged: flagScores(scores, threshold) };
}

/** Explain one performance of a finished run with the same parameters. */
export function explainPerformance(detectorId: string, columns: EventColumns, index: number, run: DetectorRun, params: Partial<DetectorParameters>): string {
  const detector = getDetector(detectorId);
  if (!(index >= 0 && index < columns.mark.length)) throw new Error(`invalid index: ${index}`);
  return detector.explain(columns, index, run, resolveParameters(detector, params));
}
