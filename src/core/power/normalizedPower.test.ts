import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { averageCadence, averagePower, rideDuration, variabilityIndex, wattsPerKg } from './averages';
import { intensityFactor, normalizedPower, recordedPowerSeconds, stressSeconds, trainingStressScore } from './normalizedPower';
import { createRideStream, inferSampleInterval } from './rideStream';
import { segmentMetrics } from './segmentMetrics';

/** Naive reference (Coggan): for each recorded sample from the 30th on, the mean of the last 30 recorded values. */
function naiveRolling(power: number[]): number[] {
  const recorded: number[] = [];
  return power.map((w) => {
    if (Number.isNaN(w)) return NaN;
    recorded.push(w);
    if (recorded.length < 30) return NaN;
    let sum = 0;
    for (let k = Math.max(0, recorded.length - 30); k < recorded.length; k++) sum += recorded[k];
    return sum / 30;
  });
}

function naiveNp(rolling: number[], keep: (i: number) => boolean): number {
  const selected = rolling.filter((m, i) => keep(i) && !Number.isNaN(m));
  return Math.pow(selected.reduce((a, m) => a + m ** 4, 0) / selected.length, 0.25);
}

function steady(watts: number, seconds: number) {
  return createRideStream({ time: Array.from({ length: seconds }, (_, i) => i), power: new Array(seconds).fill(watts) });
}

describe('normalizedPower, IF, TSS', () => {
  it('is exactly the steady power once the ring is full, and IF/TSS follow Coggan', () => {
    const stream = steady(200, 600);
    const np = normalizedPower(stream, { startTime: 300, endTime: 600 });
    expect(np).toBeCloseTo(200, 9);
    expect(intensityFactor(np, 250)).toBeCloseTo(0.8, 9);
    // 300 s × 200 W × 0.8 / (250 W × 3600 s) × 100
    expect(trainingStressScore(np, 250, recordedPowerSeconds(stream, { startTime: 300, endTime: 600 }))).toBeCloseTo(5.3333333, 6);
    expect(intensityFactor(np, null)).toBeNaN();
  });

  it('matches the naive reference on a seeded ride with NaN samples and a pause', () => {
    const random = createRandom(5);
    const time: number[] = [];
    const power: number[] = [];
    for (let t = 0; t < 900; t++) {
      if (t >= 400 && t < 440) continue; // a 40 s pause: no samples
      time.push(t);
      power.push(random.next() < 0.03 ? NaN : Math.max(0, 220 + 90 * random.normal()));
    }
    const stream = createRideStream({ time, power });
    const rolling = naiveRolling(power);
    expect(normalizedPower(stream)).toBeCloseTo(naiveNp(rolling, () => true), 9);
    const inSegment = (i: number) => time[i] >= 430 && time[i] < 460;
    expect(normalizedPower(stream, { startTime: 430, endTime: 460 })).toBeCloseTo(naiveNp(rolling, inSegment), 9);
    const metrics = segmentMetrics(stream, 430, 460, { ftp: 250, weightKg: 70 });
    expect(metrics.normalizedPower).toBeCloseTo(naiveNp(rolling, inSegment), 9);
    const recorded = power.filter((w, i) => inSegment(i) && !Number.isNaN(w));
    expect(metrics.recordedS).toBe(recorded.length);
    expect(metrics.durationS).toBe(30);
    expect(metrics.averagePower).toBeCloseTo(recorded.reduce((a, w) => a + w, 0) / recorded.length, 9);
  });

  it('keeps the effort before a short segment: 15 s after 100 s at 300 W is NP 300, not a restarted ramp', () => {
    const stream = steady(300, 200);
    expect(normalizedPower(stream, { startTime: 100, endTime: 115 })).toBeCloseTo(300, 9);
    // the ride's first 29 s have no 30 s mean yet: no NP (as the head unit gives its 25 s first lap none)
    expect(normalizedPower(stream, { startTime: 0, endTime: 15 })).toBeNaN();
    expect(stressSeconds(stream, { startTime: 0, endTime: 45 })).toBe(16);
    expect(segmentMetrics(stream, 0, 45, { ftp: 300, weightKg: null }).trainingStressScore).toBeCloseTo((16 / 3600) * 100, 9);
  });

  it('sizes the window by the sample interval: 120 samples at 4 Hz', () => {
    const n = 400;
    const stream = createRideStream({ time: Array.from({ length: n }, (_, i) => i / 4), power: Array.from({ length: n }, (_, i) => (i < 200 ? 0 : 400)) });
    expect(stream.sampleIntervalS).toBe(0.25);
    // at sample 259 (t = 64.75 s) the ring holds 60 samples of 400 W out of 120: mean 200 W
    expect(normalizedPower(stream, { startTime: 64.75, endTime: 65 })).toBeCloseTo(200, 9);
  });
});

describe('averages', () => {
  const stream = createRideStream({ time: [0, 1, 2, 3, 4], power: [100, 0, 200, NaN, 0], cadence: [80, 0, 90, 85, NaN] });

  it('counts zeros in average power by default and never counts not-recorded samples', () => {
    expect(averagePower(stream)).toBeCloseTo(300 / 4, 12);
    expect(averagePower(stream, undefined, { includeZeros: false })).toBeCloseTo(150, 12);
    expect(averagePower(stream, { startTime: 1, endTime: 3 })).toBeCloseTo(100, 12);
  });

  it('leaves coasting out of cadence, and defines W/kg, VI and duration', () => {
    expect(averageCadence(stream)).toBeCloseTo(85, 12);
    expect(wattsPerKg(280, 70)).toBeCloseTo(4, 12);
    expect(wattsPerKg(280, null)).toBeNaN();
    expect(variabilityIndex(230, 200)).toBeCloseTo(1.15, 12);
    expect(rideDuration(stream)).toBe(5);
    expect(inferSampleInterval([0, 0, 1, 2, 50, 51])).toBe(1);
    expect(() => createRideStream({ time: [0, 2, 1], power: [1, 2, 3] })).toThrow('invalid time at sample 2: 1 is before 2');
    expect(() => createRideStream({ time: [0, 1], power: [1] })).toThrow('invalid column power: 1 values for 2 times');
  });
});
