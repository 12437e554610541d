import { describe, expect, it } from 'vitest';
import { CrankCadenceTracker } from './crankCadenceTracker';
import { WheelSpeedTracker } from './wheelSpeedTracker';

const crank = (revolutions: number, lastEventTime: number) => ({ revolutions, lastEventTime, ticksPerSecond: 1024 as const });

describe('CrankCadenceTracker', () => {
  it('computes 90 rpm from 3 revolutions in 2 s', () => {
    const tracker = new CrankCadenceTracker();
    // One packet alone gives no cadence (not 0 rpm, which would be a measurement).
    expect(tracker.update(crank(100, 1000), 0)).toBeNaN();
    expect(tracker.update(crank(103, 1000 + 2048), 2)).toBeCloseTo(90, 10);
  });

  it('handles the rollover of both uint16 counters', () => {
    const tracker = new CrankCadenceTracker();
    tracker.update(crank(65535, 65000), 0);
    // +2 revolutions (65535 → 1), +1024 ticks (65000 → 488): 2 rev per second = 120 rpm
    expect(tracker.update(crank(1, 488), 1)).toBeCloseTo(120, 10);
  });

  it('holds the last cadence for 3 s without a new event, then reports 0', () => {
    const tracker = new CrankCadenceTracker();
    tracker.update(crank(0, 0), 0);
    tracker.update(crank(1, 683), 0.7); // 1 rev in 683/1024 s ≈ 89.96 rpm
    expect(tracker.update(crank(1, 683), 2.5)).toBeCloseTo(60 / (683 / 1024), 10);
    expect(tracker.cadenceAt(3.7)).toBeCloseTo(89.96, 2);
    expect(tracker.update(crank(1, 683), 3.8)).toBe(0);
    const short = new CrankCadenceTracker({ holdS: 1 });
    short.update(crank(0, 0), 0);
    short.update(crank(1, 1024), 1);
    expect(short.cadenceAt(2.5)).toBe(0);
    expect(() => new CrankCadenceTracker({ holdS: -1 })).toThrow('invalid holdS: -1');
  });

  it('re-baselines after an impossible jump instead of reporting 3000 rpm', () => {
    const tracker = new CrankCadenceTracker();
    tracker.update(crank(10, 0), 0);
    expect(tracker.update(crank(60, 1024), 1)).toBeNaN();
    expect(tracker.update(crank(61, 2048), 2)).toBeCloseTo(60, 10);
    expect(tracker.update(crank(150, 3072), 3)).toBeCloseTo(60, 10);
  });
});

describe('WheelSpeedTracker', () => {
  it('uses 1/2048 s for power-meter wheel data and the uint32 rollover', () => {
    const tracker = new WheelSpeedTracker({ wheelCircumferenceM: 2 });
    tracker.update({ revolutions: 2 ** 32 - 2, lastEventTime: 65535, ticksPerSecond: 2048 }, 0);
    // +5 revolutions in 2048 ticks (one second) with the time counter rolling over: 10 m/s
    expect(tracker.update({ revolutions: 3, lastEventTime: 2047, ticksPerSecond: 2048 }, 1)).toBeCloseTo(10, 10);
  });

  it('uses 1/1024 s for CSC wheel data', () => {
    const tracker = new WheelSpeedTracker({ wheelCircumferenceM: 2.1 });
    tracker.update({ revolutions: 0, lastEventTime: 0, ticksPerSecond: 1024 }, 0);
    expect(tracker.update({ revolutions: 4, lastEventTime: 1024, ticksPerSecond: 1024 }, 1)).toBeCloseTo(8.4, 10);
    expect(() => new WheelSpeedTracker({ wheelCircumferenceM: 0 })).toThrow('invalid wheelCircumferenceM: 0');
  });
});
