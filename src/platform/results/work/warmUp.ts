/**
 * Runs in a compute worker: every detector over a synthetic event of a real group's size,
 * for nothing but its side effect — the worker's JIT compiles the detectors' loops for large
 * groups before a run needs them. Measured in the browser bench: a run's first groups took
 * 1.2–2.1 s each against 0.15–0.4 s for the same size later in the run, also in workers
 * already warmed on the small sample (loops of a few hundred rows never get hot enough).
 */
import { listDetectors } from '../../../core/detectors/registry';
import { syntheticEvent } from '../../../core/detectors/syntheticEvent';
import { sortOrder } from '../../../core/stats/sortOrder';
import { detectGroup } from './detectGroup';

export interface WarmUpInput {
  /** About how many performances the synthetic event has (athletes × ~25 results). */
  performances: number;
  seed: number;
}

export interface WarmUpResult {
  performances: number;
  milliseconds: number;
  /** Detectors that could not judge the synthetic event (none expected): their reasons. */
  problems: string[];
}

export function warmUp(input: WarmUpInput): WarmUpResult {
  const started = performance.now();
  const { columns } = syntheticEvent({ seed: input.seed, athletes: Math.max(2, Math.round(input.performances / 25)), direction: 'lower' });
  // In date order, as the run's columns come (eventFeaturesSql).
  const order = sortOrder(columns.dayNumber);
  const byDate = <T extends Float64Array | Int32Array>(values: T): T => values.map((_, i) => values[order[i]]) as T;
  const judged = detectGroup({
    group: { event: columns.event, sex: columns.sex, direction: columns.direction },
    columns: { mark: byDate(columns.mark), athlete: byDate(columns.athlete), season: byDate(columns.season), dayNumber: byDate(columns.dayNumber), age: byDate(columns.age), wind: byDate(columns.wind) },
    detectors: listDetectors().map((detector) => ({ id: detector.id, params: {} })),
    seed: input.seed,
  });
  const problems = judged.runs.flatMap((run) => ('problem' in run ? [`${run.detectorId}: ${run.problem}`] : []));
  return { performances: columns.mark.length, milliseconds: performance.now() - started, problems };
}
