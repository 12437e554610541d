import type { RevolutionData } from './revolutionData';
import { RevolutionRateTracker } from './revolutionRateTracker';

/** Cadence (rpm) from crank revolution data of 0x2A63 or 0x2A5B; one tracker per sensor. */
export class CrankCadenceTracker {
  private readonly tracker: RevolutionRateTracker;

  /** holdS: seconds the last cadence is held without a new crank event (default 3). */
  constructor(options: { holdS?: number } = {}) {
    // 250 rpm is beyond any human sprint: a higher value is a counter reset, not cadence.
    this.tracker = new RevolutionRateTracker({ ...options, maxRevolutionsPerSecond: 250 / 60, revolutionModulus: 65536 });
  }

  update(crank: RevolutionData, arrivalS: number): number {
    return this.tracker.update(crank, arrivalS) * 60;
  }

  cadenceAt(arrivalS: number): number {
    return this.tracker.rateAt(arrivalS) * 60;
  }
}
