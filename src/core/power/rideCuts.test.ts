import { describe, expect, it } from 'vitest';
import { createRideStream } from './rideStream';
import { cutRide, hasDistance } from './rideCuts';

const stream = (seconds: number, metresPerSecond: number | null, pauseAt?: number) => {
  const time = Array.from({ length: seconds }, (_, i) => (pauseAt !== undefined && i >= pauseAt ? i + 100 : i));
  return createRideStream({ time, power: time.map(() => 200), distance: time.map((_, i) => (metresPerSecond === null ? NaN : i * metresPerSecond)) }, 1);
};

describe('cutRide', () => {
  it('cuts by riding time (a pause moves nothing on) and joins a short rest to the last piece', () => {
    expect(cutRide(stream(1000, null), { by: 'time', everyS: 300 }).map((g) => [g.time, g.opens])).toEqual([[0, true], [300, true], [600, true], [1000, false]]);
    // a 100 s pause after sample 400 falls in the second piece: it spans 400 s of clock for 300 s of riding
    expect(cutRide(stream(900, null, 400), { by: 'time', everyS: 300 }).map((g) => g.time)).toEqual([0, 300, 700, 1000]);
  });

  it('cuts at the first sample past every N metres and refuses a ride without distance', () => {
    expect(cutRide(stream(500, 8), { by: 'distance', everyM: 1000 }).map((g) => g.time)).toEqual([0, 125, 250, 375, 500]);
    expect(hasDistance(stream(10, null))).toBe(false);
    expect(() => cutRide(stream(10, null), { by: 'distance', everyM: 1000 })).toThrow('this ride has no distance to cut by');
    expect(() => cutRide(stream(10, 1), { by: 'time', everyS: 0 })).toThrow('invalid cut: every 0 s');
  });
});
