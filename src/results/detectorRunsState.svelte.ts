/**
 * The detectors as the panel shows them: each one's parameters (starting at its defaults)
 * and its last run's summary, recorded as each detector finishes.
 */
import type { DetectorInfo, DetectorParameters } from '../core/detectors/types';
import type { DetectorChoice, DetectorRunSummary } from '../platform/results/resultsLab.api';

export class DetectorRunsState {
  readonly detectors: DetectorInfo[];
  #params = $state<Record<string, DetectorParameters>>({});
  #runs = $state<Record<string, DetectorRunSummary>>({});
  #count = $derived(Object.keys(this.#runs).length);
  #totalMilliseconds = $derived(Object.values(this.#runs).reduce((sum, run) => sum + run.milliseconds, 0));

  constructor(detectors: DetectorInfo[]) {
    this.detectors = detectors;
    for (const detector of detectors) {
      this.#params[detector.id] = Object.fromEntries(Object.entries(detector.parameters).map(([name, spec]) => [name, spec.default]));
    }
  }

  /** Each detector's parameters, bound to its form. */
  get params(): Record<string, DetectorParameters> {
    return this.#params;
  }

  get runs(): Record<string, DetectorRunSummary> {
    return this.#runs;
  }

  get count(): number {
    return this.#count;
  }

  get hasRuns(): boolean {
    return this.#count > 0;
  }

  get totalMilliseconds(): number {
    return this.#totalMilliseconds;
  }

  get labels(): Record<string, string> {
    return Object.fromEntries(this.detectors.map((d) => [d.id, d.label]));
  }

  choices(ids: string[]): DetectorChoice[] {
    return ids.map((id) => ({ id, params: { ...this.#params[id] } }));
  }

  record(summary: DetectorRunSummary): void {
    this.#runs = { ...this.#runs, [summary.detectorId]: summary };
  }

  clear(): void {
    this.#runs = {};
  }
}
