import { describe, expect, it } from 'vitest';
import { gatesFromLaps } from './lapGates';

const open = (time: number) => ({ time, opens: true });
const close = (time: number) => ({ time, opens: false });

describe('gatesFromLaps', () => {
  it('opens a segment at each lap start and closes the last at its end', () => {
    // Three back-to-back laps of 25, 15 and 12 s: 4 gates, 3 segments.
    expect(gatesFromLaps([{ startTime: 0, endTime: 25 }, { startTime: 25, endTime: 40 }, { startTime: 40, endTime: 52 }])).toEqual([open(0), open(25), open(40), close(52)]);
  });

  it('closes a lap at its own end when a pause or a rest follows, so the gap is in no segment', () => {
    expect(gatesFromLaps([{ startTime: 0, endTime: 10 }, { startTime: 30, endTime: 45 }])).toEqual([open(0), close(10), open(30), close(45)]);
    // a gap within the tolerance (a head unit's rounding) keeps the laps back to back
    expect(gatesFromLaps([{ startTime: 0, endTime: 10 }, { startTime: 11, endTime: 20 }])).toEqual([open(0), open(11), close(20)]);
  });

  it('orders laps by start and merges laps that start together', () => {
    expect(gatesFromLaps([{ startTime: 20, endTime: 30 }, { startTime: 0, endTime: 20 }, { startTime: 20, endTime: 20 }])).toEqual([open(0), open(20), close(30)]);
  });

  it('gives no gates for no laps, and refuses a lap that ends before it starts', () => {
    expect(gatesFromLaps([])).toEqual([]);
    expect(() => gatesFromLaps([{ startTime: 0, endTime: 5 }, { startTime: 10, endTime: 8 }])).toThrow('invalid lap 2: ends at 8 before it starts at 10');
    expect(() => gatesFromLaps([{ startTime: Number.NaN, endTime: 5 }])).toThrow('invalid lap 1');
  });
});
