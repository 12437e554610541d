/**
 * The detector runs of the session: each recorded with the dataset fingerprint it was run
 * on, so a change of the data leaves none that could be mistaken for current. Runs go one
 * at a time: a cancelled run may still be storing its last scores when the next starts.
 */
import { eventGroups, featureSource, runOneDetector, type RecordedRun } from './detectorRuns';
import type { DetectorChoice, DetectorRunSummary, JobOptions } from './resultsLab.api';

export type RunOptions = JobOptions & { seed?: number; onDetector?: (summary: DetectorRunSummary) => void };

export class DetectorSession {
  #runs = new Map<string, RecordedRun>();
  #detecting: Promise<unknown> = Promise.resolve();

  clear(): void {
    this.#runs.clear();
  }

  current(fingerprint: string): RecordedRun[] {
    return [...this.#runs.values()].filter((r) => r.fingerprint === fingerprint);
  }

  /** Runs `choices` in turn after any run before; `onRecorded` hears of each stored run. */
  run(choices: DetectorChoice[], fingerprint: () => string, options: RunOptions, onRecorded: () => void): Promise<DetectorRunSummary[]> {
    const run = this.#detecting.catch(() => undefined).then(() => this.#run(choices, fingerprint(), options, onRecorded));
    this.#detecting = run;
    return run;
  }

  async #run(choices: DetectorChoice[], fingerprint: string, options: RunOptions, onRecorded: () => void): Promise<DetectorRunSummary[]> {
    const groups = await eventGroups();
    if (groups.length === 0) throw new Error('no results loaded: load a results file first');
    const features = featureSource();
    const summaries: DetectorRunSummary[] = [];
    for (const choice of choices) {
      options.signal?.throwIfAborted();
      const run = await runOneDetector(choice, groups, fingerprint, options.seed ?? 1, features, options);
      this.#runs.set(run.detectorId, run);
      onRecorded();
      summaries.push(run.summary);
      options.onDetector?.(run.summary);
    }
    return summaries;
  }
}
