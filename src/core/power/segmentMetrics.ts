import { variabilityIndex, wattsPerKg } from './averages';
import { intensityFactor, normalizedPowerFromMoments, trainingStressScore } from './normalizedPower';
import { RideAccumulator } from './rideAccumulator';
import type { RangeSums } from './rideAccumulator';
import type { RideStream } from './rideStream';

/** What the metrics need to know about a rider; null when not entered (NaN results follow). */
export interface RiderProfile {
  readonly ftp: number | null;
  readonly weightKg: number | null;
}

/**
 * One segment's numbers. NaN means "cannot be computed" (no power recorded in the segment,
 * no FTP or weight entered); the UI shows it as "–".
 */
export interface SegmentMetrics {
  readonly startTime: number;
  readonly endTime: number;
  /** Gate to gate, seconds: the time the coach compares. */
  readonly durationS: number;
  /** Seconds of recorded power inside the segment (samples × interval): the TSS duration. */
  readonly recordedS: number;
  /** Watts, zeros included unless the option says otherwise. */
  readonly averagePower: number;
  /** Watts, from the continuous 30 s rolling mean (Coggan: NaN until the ride has 30 s of power). */
  readonly normalizedPower: number;
  readonly intensityFactor: number;
  readonly trainingStressScore: number;
  /** Average power per kg. */
  readonly wattsPerKg: number;
  /** NP per kg. */
  readonly normalizedWattsPerKg: number;
  readonly variabilityIndex: number;
  /** rpm, zeros (coasting) left out. */
  readonly averageCadence: number;
  readonly averageHeartRate: number;
  /** m/s, mean of recorded speed samples. */
  readonly averageSpeed: number;
  /** Metres between the first and last recorded distance of the segment. */
  readonly distanceM: number;
}

export type SegmentMetricName = Exclude<keyof SegmentMetrics, 'startTime' | 'endTime'>;

export interface SegmentMetricsOptions {
  /** Count zero power in the average (default true, as GoldenCheetah). */
  readonly includeZeros?: boolean;
}

/** Turns range sums into metrics: the single place where a segment's numbers are defined. */
export function metricsFromSums(
  sums: RangeSums,
  startTime: number,
  endTime: number,
  rider: RiderProfile,
  sampleIntervalS: number,
  options: SegmentMetricsOptions = {},
): SegmentMetrics {
  const includeZeros = options.includeZeros ?? true;
  const averageCount = includeZeros ? sums.powerSamples : sums.nonZeroPowerSamples;
  const averagePower = averageCount > 0 ? sums.powerSum / averageCount : NaN;
  const normalizedPower = normalizedPowerFromMoments(sums.rollingFourthSum, sums.fullWindowSamples);
  const recordedS = sums.powerSamples * sampleIntervalS;
  // TSS counts the seconds NP stands for: recorded samples with a 30 s mean behind them.
  const stressS = sums.fullWindowSamples * sampleIntervalS;
  return {
    startTime,
    endTime,
    durationS: endTime - startTime,
    recordedS,
    averagePower,
    normalizedPower,
    intensityFactor: intensityFactor(normalizedPower, rider.ftp),
    trainingStressScore: trainingStressScore(normalizedPower, rider.ftp, stressS),
    wattsPerKg: wattsPerKg(averagePower, rider.weightKg),
    normalizedWattsPerKg: wattsPerKg(normalizedPower, rider.weightKg),
    variabilityIndex: variabilityIndex(normalizedPower, averagePower),
    averageCadence: sums.nonZeroCadenceSamples > 0 ? sums.cadenceSum / sums.nonZeroCadenceSamples : NaN,
    averageHeartRate: sums.heartRateSamples > 0 ? sums.heartRateSum / sums.heartRateSamples : NaN,
    averageSpeed: sums.speedSamples > 0 ? sums.speedSum / sums.speedSamples : NaN,
    distanceM: sums.distanceCovered,
  };
}

/**
 * Metrics of the segment [startTime, endTime) of a whole stream. For many segments of one
 * stream build a RideAccumulator once and call metricsFromSums per segment instead.
 */
export function segmentMetrics(
  stream: RideStream,
  startTime: number,
  endTime: number,
  rider: RiderProfile,
  options: SegmentMetricsOptions = {},
): SegmentMetrics {
  const accumulator = RideAccumulator.fromStream(stream);
  return metricsFromSums(accumulator.sums(startTime, endTime), startTime, endTime, rider, stream.sampleIntervalS, options);
}
