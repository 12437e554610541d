import type { RideStream } from './rideStream';

/**
 * The 30 s rolling mean of power behind Normalized Power.
 * Definition (Coggan; GoldenCheetah src/Metrics/NP.cpp): a ring of `windowS / interval`
 * samples starting at zeros; each recorded sample replaces the oldest and the ring's mean is
 * that sample's rolling mean. The ring runs over the CONTINUOUS ride, never restarted at a
 * gate, so a 15 s segment still gets a meaningful NP.
 *
 * Gaps: the ring advances per recorded sample, as GoldenCheetah's does. A pause (no samples)
 * and a not-recorded sample (NaN) leave it untouched, so the effort before a pause carries
 * over as if the timer had stopped — which is what head units do with timer time. Filling a
 * pause with zeros instead would turn lap 1.3 of the 5-lap reference ride from 155 W into
 * 138 W against the device's 154 W.
 */
export class RollingMeanRing {
  private readonly ring: Float64Array;
  private index = 0;
  private sum = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`invalid window: ${size} samples`);
    this.ring = new Float64Array(size);
  }

  /** Pushes one recorded power value (finite watts) and returns the new rolling mean. */
  push(watts: number): number {
    this.sum += watts - this.ring[this.index];
    this.ring[this.index] = watts;
    this.index = this.index + 1 === this.size ? 0 : this.index + 1;
    return this.sum / this.size;
  }
}

/** Ring length in samples for a window in seconds: 30 at 1 Hz, 120 at 4 Hz. */
export function windowSamples(windowS: number, sampleIntervalS: number): number {
  if (!(windowS > 0) || !Number.isFinite(windowS)) throw new Error(`invalid window: ${windowS}`);
  return Math.max(1, Math.round(windowS / sampleIntervalS));
}

/** Rolling mean per sample; NaN where power was not recorded. */
export function rollingMeanPower(stream: RideStream, options: { windowS?: number } = {}): Float64Array {
  const ring = new RollingMeanRing(windowSamples(options.windowS ?? 30, stream.sampleIntervalS));
  const out = new Float64Array(stream.power.length);
  for (let i = 0; i < out.length; i++) {
    const watts = stream.power[i];
    out[i] = Number.isNaN(watts) ? NaN : ring.push(watts);
  }
  return out;
}
