import type { RideStream } from './rideStream';
import { sampleRange } from './rideStream';

/** A time range [startTime, endTime) of the stream; the whole ride when omitted. */
export interface TimeRange {
  readonly startTime: number;
  readonly endTime: number;
}

function meanOf(values: Float64Array, stream: RideStream, range: TimeRange | undefined, includeZeros: boolean): number {
  const { from, to } = range ? sampleRange(stream.time, range.startTime, range.endTime) : { from: 0, to: values.length };
  let sum = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const value = values[i];
    if (Number.isNaN(value) || (!includeZeros && value === 0)) continue;
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : NaN;
}

/**
 * Average power over recorded samples (GoldenCheetah src/Metrics/BasicRideMetrics.cpp,
 * AvgPower). Zeros (coasting) count by default, as GoldenCheetah counts them; some head
 * units (SigmaRox) leave them out, hence the option. Not-recorded samples never count.
 */
export function averagePower(stream: RideStream, range?: TimeRange, options: { includeZeros?: boolean } = {}): number {
  return meanOf(stream.power, stream, range, options.includeZeros ?? true);
}

/**
 * Average cadence (GoldenCheetah AvgCadence): zeros are left out by default because a
 * coasting rider has no cadence, not a cadence of 0.
 */
export function averageCadence(stream: RideStream, range?: TimeRange, options: { includeZeros?: boolean } = {}): number {
  return meanOf(stream.cadence, stream, range, options.includeZeros ?? false);
}

/** Average heart rate over recorded samples. */
export function averageHeartRate(stream: RideStream, range?: TimeRange): number {
  return meanOf(stream.heartRate, stream, range, true);
}

/** Average of the recorded speed samples, m/s. */
export function averageSpeed(stream: RideStream, range?: TimeRange): number {
  return meanOf(stream.speed, stream, range, true);
}

/** Watts per kilogram of body weight (GoldenCheetah "Watts Per Kilogram"). NaN without a weight. */
export function wattsPerKg(watts: number, weightKg: number | null): number {
  return weightKg !== null && weightKg > 0 ? watts / weightKg : NaN;
}

/** Variability Index = NP / average power (Coggan; GoldenCheetah "VI"): 1.0 is perfectly steady. */
export function variabilityIndex(normalizedPowerW: number, averagePowerW: number): number {
  return averagePowerW > 0 ? normalizedPowerW / averagePowerW : NaN;
}

/** Ride duration: last sample time − first, plus one interval (the last sample covers one). */
export function rideDuration(stream: RideStream): number {
  const n = stream.time.length;
  return n === 0 ? 0 : stream.time[n - 1] - stream.time[0] + stream.sampleIntervalS;
}
