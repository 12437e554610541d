/**
 * What the analyst has typed into the detectors' forms: each detector's parameters, starting
 * at its defaults. The only state of the Results UI that is not the engine's view.
 */
import type { DetectorInfo, DetectorParameters } from '../core/detectors/types';
import type { DetectorChoice } from '../platform/results/results.types';

export class DetectorForms {
  #params = $state<Record<string, DetectorParameters>>({});

  constructor(detectors: DetectorInfo[]) {
    for (const detector of detectors) {
      this.#params[detector.id] = Object.fromEntries(Object.entries(detector.parameters).map(([name, spec]) => [name, spec.default]));
    }
  }

  /** Each detector's parameters, bound to its form. */
  get params(): Record<string, DetectorParameters> {
    return this.#params;
  }

  choices(ids: string[]): DetectorChoice[] {
    return ids.map((id) => ({ id, params: { ...this.#params[id] } }));
  }
}
