/**
 * The work of one detector task, for the thread-scaling bench: every detector over a
 * generated event group the size of the 1M-row bench's (about 22,000 results), judged
 * `reps` times in a row in one thread; per judgement its milliseconds and each detector's.
 * Bundled once by the suite and run the same way in a browser worker and in a Node process.
 */
import { getDetector, listDetectors } from '../../src/core/detectors/registry';
import { resolveParameters } from '../../src/core/detectors/parameters';
import { syntheticEvent } from '../../src/core/detectors/syntheticEvent';
import { detectGroup, type DetectGroupInput } from '../../src/platform/results/work/detectGroup';

export interface Judgement {
  milliseconds: number;
  /** Each detector's own milliseconds in this judgement (the task's `runs`). */
  detectors: Record<string, number>;
}

export function judgeGroups(athletes: number, reps: number): Judgement[] {
  // Four kinds of group, as in a real file: times and distances, with and without wind.
  const groups = [
    syntheticEvent({ seed: 7, athletes, direction: 'lower' }),
    syntheticEvent({ seed: 8, athletes, direction: 'higher', withWind: false }),
    syntheticEvent({ seed: 9, athletes, direction: 'higher' }),
    syntheticEvent({ seed: 10, athletes, direction: 'lower', withWind: false }),
  ].map((event) => event.columns);
  const detectors = listDetectors().map((detector) => ({ id: detector.id, params: resolveParameters(getDetector(detector.id)) }));
  const judgements: Judgement[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const columns = groups[rep % groups.length];
    // The task's columns arrive as arrays of its own, as from DuckDB.
    const input: DetectGroupInput = {
      group: { event: columns.event, sex: columns.sex, direction: columns.direction },
      columns: { mark: columns.mark.slice(), athlete: columns.athlete.slice(), season: columns.season.slice(), dayNumber: columns.dayNumber.slice(), age: columns.age.slice(), wind: columns.wind.slice() },
      detectors,
      seed: 1,
    };
    const started = performance.now();
    const judged = detectGroup(input);
    judgements.push({ milliseconds: performance.now() - started, detectors: Object.fromEntries(judged.runs.map((run) => [run.detectorId, run.milliseconds])) });
  }
  return judgements;
}
