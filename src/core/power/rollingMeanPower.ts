import type { RideStream } from './rideStream';

/**
 * The 30 s rolling mean of power behind Normalized Power.
 * Definition (Coggan, "Training and Racing with a Power Meter", as TrainingPeaks and Garmin
 * head units compute it): starting at 30 s, the mean of the last 30 s of power; NP is the
 * 4th root of the mean of its 4th powers. A ring of `windowS / interval` samples gives it; the
 * first 29 samples have no 30 s mean yet, so they carry no NP — the shared 5-lap ride's head
 * unit gives its first lap (25 s) no NP for that reason. GoldenCheetah (src/Metrics/NP.cpp)
 * starts the ring at zeros instead, which only matters for the first 30 s: on the 126 s
 * 5-lap ride it gives 138.7 W against the device's 150 W; Coggan's start gives 149.0 W.
 * The ring runs over the CONTINUOUS ride, never restarted at a gate, so a 15 s segment
 * still gets a meaningful NP.
 *
 * Gaps: the ring advances per recorded sample, as GoldenCheetah's does. A pause (no samples)
 * and a not-recorded sample (NaN) leave it untouched, so the effort before a pause carries
 * over as if the timer had stopped — which is what head units do with timer time. Filling a
 * pause with zeros instead would turn lap 1.3 of the 5-lap reference ride from 155 W into
 * 138 W against the device's 154 W.
 */
export class RollingMeanRing {
  readonly #ring: Float64Array;
  #index = 0;
  #sum = 0;
  #pushed = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`invalid window: ${size} samples`);
    this.#ring = new Float64Array(size);
  }

  /** Whether a whole window has been pushed: only then is the mean a 30 s mean. */
  get full(): boolean {
    return this.#pushed >= this.size;
  }

  /** Pushes one recorded power value (finite watts) and returns the mean of the ring. */
  push(watts: number): number {
    this.#sum += watts - this.#ring[this.#index];
    this.#ring[this.#index] = watts;
    this.#index = this.#index + 1 === this.size ? 0 : this.#index + 1;
    this.#pushed++;
    return this.#sum / this.size;
  }
}

/** Ring length in samples for a window in seconds: 30 at 1 Hz, 120 at 4 Hz. */
export function windowSamples(windowS: number, sampleIntervalS: number): number {
  if (!(windowS > 0) || !Number.isFinite(windowS)) throw new Error(`invalid window: ${windowS}`);
  return Math.max(1, Math.round(windowS / sampleIntervalS));
}

/** The 30 s mean per sample; NaN where power was not recorded or 30 s of it are not there yet. */
export function rollingMeanPower(stream: RideStream, options: { windowS?: number } = {}): Float64Array {
  const ring = new RollingMeanRing(windowSamples(options.windowS ?? 30, stream.sampleIntervalS));
  const out = new Float64Array(stream.power.length);
  for (let i = 0; i < out.length; i++) {
    const watts = stream.power[i];
    if (Number.isNaN(watts)) out[i] = NaN;
    else {
      const mean = ring.push(watts);
      out[i] = ring.full ? mean : NaN;
    }
  }
  return out;
}
