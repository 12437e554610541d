import type { RideStream } from './rideStream';
import { sampleRange } from './rideStream';
import { rollingMeanPower } from './rollingMeanPower';

/**
 * Normalized Power (Coggan, "Training and Racing with a Power Meter"; GoldenCheetah
 * src/Metrics/NP.cpp): the 4th root of the mean of the 4th powers of the 30 s rolling mean.
 * The 4th power weights surges the way their physiological cost grows.
 */
export function normalizedPowerFromMoments(sumOfFourthPowers: number, samples: number): number {
  return samples > 0 ? Math.pow(sumOfFourthPowers / samples, 0.25) : NaN;
}

/**
 * NP of the whole ride, or of [startTime, endTime) when given: the rolling mean is always
 * taken over the continuous stream and only its values inside the segment are averaged.
 * NaN when no power was recorded in the range.
 */
export function normalizedPower(stream: RideStream, range?: { startTime: number; endTime: number }, options: { windowS?: number } = {}): number {
  const rolling = rollingMeanPower(stream, options);
  const { from, to } = range ? sampleRange(stream.time, range.startTime, range.endTime) : { from: 0, to: rolling.length };
  let sum = 0;
  let samples = 0;
  for (let i = from; i < to; i++) {
    const mean = rolling[i];
    if (Number.isNaN(mean)) continue;
    sum += mean ** 4;
    samples++;
  }
  return normalizedPowerFromMoments(sum, samples);
}

/** Intensity Factor = NP / FTP (GoldenCheetah src/Metrics/Coggan.cpp). NaN without an FTP. */
export function intensityFactor(normalizedPowerW: number, ftp: number | null): number {
  return ftp !== null && ftp > 0 ? normalizedPowerW / ftp : NaN;
}

/**
 * Training Stress Score = seconds × NP × IF / (FTP × 3600) × 100 (Coggan; GoldenCheetah
 * Coggan.cpp), with seconds = the recorded samples NP stands for × the sample interval:
 * paused and not-recorded time carries no load.
 */
export function trainingStressScore(normalizedPowerW: number, ftp: number | null, recordedSeconds: number): number {
  if (ftp === null || !(ftp > 0)) return NaN;
  return ((recordedSeconds * normalizedPowerW * (normalizedPowerW / ftp)) / (ftp * 3600)) * 100;
}

/** Recorded seconds of power in a stream or range. */
export function recordedPowerSeconds(stream: RideStream, range?: { startTime: number; endTime: number }): number {
  const { from, to } = range ? sampleRange(stream.time, range.startTime, range.endTime) : { from: 0, to: stream.power.length };
  let samples = 0;
  for (let i = from; i < to; i++) if (!Number.isNaN(stream.power[i])) samples++;
  return samples * stream.sampleIntervalS;
}

/** Seconds of a stream or range that carry a 30 s mean (NP's samples × interval): the TSS duration. */
export function stressSeconds(stream: RideStream, range?: { startTime: number; endTime: number }, options: { windowS?: number } = {}): number {
  const rolling = rollingMeanPower(stream, options);
  const { from, to } = range ? sampleRange(stream.time, range.startTime, range.endTime) : { from: 0, to: rolling.length };
  let samples = 0;
  for (let i = from; i < to; i++) if (!Number.isNaN(rolling[i])) samples++;
  return samples * stream.sampleIntervalS;
}
