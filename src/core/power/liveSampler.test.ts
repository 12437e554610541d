import { describe, expect, it } from 'vitest';
import { LiveSampler } from './liveSampler';

describe('LiveSampler', () => {
  it('averages the readings of each 1 s bin and stamps the bin start', () => {
    const sampler = new LiveSampler();
    expect(sampler.add({ time: 0.1, power: 200 })).toEqual([]);
    expect(sampler.add({ time: 0.35, power: 300, cadence: 90 })).toEqual([]);
    expect(sampler.add({ time: 0.6, power: 100, heartRate: 150 })).toEqual([]);
    const closed = sampler.add({ time: 1.05, power: 400 });
    // (200 + 300 + 100) / 3 = 200; cadence and heart rate from their single readings.
    expect(closed).toEqual([{ time: 0, power: 200, cadence: 90, heartRate: 150, speed: NaN }]);
    expect(sampler.flush(1.5)).toEqual([]);
    expect(sampler.flush(2)).toEqual([{ time: 1, power: 400, cadence: NaN, heartRate: NaN, speed: NaN }]);
  });

  it('emits nothing for bins without readings: a lost link is a time jump, not a filled value', () => {
    const sampler = new LiveSampler({ intervalS: 0.5 });
    sampler.add({ time: 0.2, power: 250 });
    const afterGap = sampler.add({ time: 3.1, power: 260 });
    expect(afterGap.map((s) => s.time)).toEqual([0]);
    expect(sampler.flush(3.5)).toEqual([{ time: 3, power: 260, cadence: NaN, heartRate: NaN, speed: NaN }]);
  });

  it('refuses time going back and a bad interval', () => {
    const sampler = new LiveSampler();
    sampler.add({ time: 5.2, power: 1 });
    expect(() => sampler.add({ time: 4.9, power: 1 })).toThrow('invalid reading time: 4.9');
    expect(() => new LiveSampler({ intervalS: -3 })).toThrow('invalid intervalS: -3');
  });
});
