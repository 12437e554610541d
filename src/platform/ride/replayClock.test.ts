import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRideStream, openingGates, type RideStreamColumns } from '../../core/power/index';
import { ReplayClock, type ReplaySink, type ReplayTrack } from './replayClock';

/** A sink that writes down every call, so order and content can be checked. */
function recordingSink() {
  const events: string[] = [];
  const samples = new Map<string, number[]>();
  const sink: ReplaySink = {
    samples(riderId: string, chunk: RideStreamColumns) {
      const times = Array.from(chunk.time);
      samples.set(riderId, [...(samples.get(riderId) ?? []), ...times]);
      events.push(`s:${riderId}:${times[0]}-${times[times.length - 1]}`);
    },
    gate: (riderId, gate) => events.push(`g:${riderId}:${gate.time}`),
    reset: () => {
      events.push('reset');
      samples.clear();
    },
    advanced: () => undefined,
  };
  return { sink, events, samples };
}

/** A 1 Hz track of `seconds` samples (time 0…seconds−1) with power = time. */
function track(riderId: string, seconds: number, gates: number[]): ReplayTrack {
  const time = Array.from({ length: seconds }, (_, i) => i);
  return { riderId, stream: createRideStream({ time, power: time }, 1), gates: openingGates(gates) };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('ReplayClock speed', () => {
  // Position after one second of wall time is the speed factor itself (1 s × speed).
  it.each([0.1, 1, 2.5, 10, 100])('plays %s× real time', (speed) => {
    const { sink } = recordingSink();
    const clock = new ReplayClock([track('a', 500, [])], sink, () => Date.now());
    clock.setSpeed(speed);
    clock.play();
    vi.advanceTimersByTime(1000);
    expect(clock.position).toBeCloseTo(speed, 6);
    expect(clock.playing).toBe(true);
  });

  it.each([0.05, 101, 0, -1, Number.NaN])('refuses speed %s', (speed) => {
    const clock = new ReplayClock([track('a', 10, [])], recordingSink().sink);
    expect(() => clock.setSpeed(speed)).toThrow(`invalid replay speed: ${speed}`);
  });

  it('as fast as possible goes 600 s per batch, yields between batches, and ends at the duration', () => {
    const { sink, samples } = recordingSink();
    const clock = new ReplayClock([track('a', 1500, [])], sink, () => Date.now());
    clock.setSpeed('max');
    clock.play();
    vi.advanceTimersByTime(0);
    expect(clock.position).toBe(600);
    expect(samples.get('a')).toHaveLength(600); // times 0…599
    vi.runAllTimers();
    // duration = last sample 1499 + one interval
    expect(clock.durationS).toBe(1500);
    expect(clock.position).toBe(1500);
    expect(samples.get('a')).toHaveLength(1500);
    expect(clock.playing).toBe(false);
  });
});

describe('ReplayClock pause and seek', () => {
  it('pause stops the clock where it is', () => {
    const { sink } = recordingSink();
    const clock = new ReplayClock([track('a', 100, [])], sink, () => Date.now());
    clock.setSpeed(10);
    clock.play();
    vi.advanceTimersByTime(500);
    clock.pause();
    expect(clock.position).toBeCloseTo(5, 6);
    vi.advanceTimersByTime(5000);
    expect(clock.position).toBeCloseTo(5, 6);
    expect(clock.playing).toBe(false);
  });

  it('seek forwards delivers what lies between; backwards resets and replays from 0', () => {
    const { sink, samples, events } = recordingSink();
    const clock = new ReplayClock([track('a', 100, [10, 20, 30])], sink);
    clock.seek(25);
    expect(samples.get('a')).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(events.filter((e) => e.startsWith('g:'))).toEqual(['g:a:10', 'g:a:20']);
    events.length = 0;
    clock.seek(15);
    expect(events[0]).toBe('reset');
    expect(samples.get('a')).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(events.filter((e) => e.startsWith('g:'))).toEqual(['g:a:10']);
    expect(clock.position).toBe(15);
  });

  it('clamps a seek to [0, duration]', () => {
    const clock = new ReplayClock([track('a', 40, [])], recordingSink().sink);
    clock.seek(1e9);
    expect(clock.position).toBe(40);
    clock.seek(-5);
    expect(clock.position).toBe(0);
  });
});

describe('ReplayClock with several riders', () => {
  it('delivers every rider’s gates in time order, each after all samples stamped before it', () => {
    const { sink, events } = recordingSink();
    const clock = new ReplayClock([track('a', 60, [5, 40]), track('b', 60, [12, 30])], sink);
    clock.runToEnd();
    expect(events.filter((e) => e.startsWith('g:'))).toEqual(['g:a:5', 'g:b:12', 'g:b:30', 'g:a:40']);
    // Before b's gate at 12, both riders have everything up to 11 and nothing beyond.
    const before12 = events.slice(0, events.indexOf('g:b:12'));
    expect(before12).toEqual(['s:a:0-4', 's:b:0-4', 'g:a:5', 's:a:5-11', 's:b:5-11']);
    expect(events.slice(-2)).toEqual(['s:a:40-59', 's:b:40-59']);
  });
});
