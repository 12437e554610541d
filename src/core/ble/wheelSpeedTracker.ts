import type { RevolutionData } from './revolutionData';
import { RevolutionRateTracker } from './revolutionRateTracker';

export interface WheelSpeedOptions {
  /** Metres per wheel revolution. Default 2.105 (700×25c). */
  readonly wheelCircumferenceM?: number;
  /** Seconds the last speed is held without a new wheel event (default 3). */
  readonly holdS?: number;
}

/** Speed (m/s) from wheel revolution data of 0x2A63 (1/2048 s) or 0x2A5B (1/1024 s). */
export class WheelSpeedTracker {
  private readonly tracker: RevolutionRateTracker;
  private readonly circumferenceM: number;

  constructor(options: WheelSpeedOptions = {}) {
    const circumferenceM = options.wheelCircumferenceM ?? 2.105;
    if (!(circumferenceM > 0.5 && circumferenceM < 4)) throw new Error(`invalid wheelCircumferenceM: ${circumferenceM}`);
    this.circumferenceM = circumferenceM;
    // 40 rev/s ≈ 300 km/h on a road wheel: anything faster is a counter glitch.
    this.tracker = new RevolutionRateTracker({ holdS: options.holdS, maxRevolutionsPerSecond: 40, revolutionModulus: 2 ** 32 });
  }

  update(wheel: RevolutionData, arrivalS: number): number {
    return this.tracker.update(wheel, arrivalS) * this.circumferenceM;
  }

  speedAt(arrivalS: number): number {
    return this.tracker.rateAt(arrivalS) * this.circumferenceM;
  }
}
