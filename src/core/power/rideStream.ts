/**
 * A rider's samples as columns. Gaps are explicit, never filled:
 * - a recording pause (auto-pause, smart recording, a link lost long enough that the
 *   recorder stops) is simply time with no samples: `time` jumps;
 * - a sample whose value was not recorded carries NaN in that column (a dropped power
 *   packet while cadence still came, an empty cell in a CSV).
 * Zero is a real measurement (coasting), never a stand-in for "unknown".
 */
export interface RideStream {
  /** Seconds since session start, non-decreasing (duplicates allowed: some head units repeat a record). */
  readonly time: Float64Array;
  /** Watts; NaN = not recorded. */
  readonly power: Float64Array;
  /** rpm; NaN = not recorded. */
  readonly cadence: Float64Array;
  /** bpm; NaN = not recorded. */
  readonly heartRate: Float64Array;
  /** m/s; NaN = not recorded. */
  readonly speed: Float64Array;
  /** Metres since start; NaN = not recorded. */
  readonly distance: Float64Array;
  /** The nominal recording interval in seconds (1 for 1 Hz, 0.25 for 4 Hz); sizes the 30 s window. */
  readonly sampleIntervalS: number;
}

export type RideStreamColumns = {
  readonly time: ArrayLike<number>;
  readonly power: ArrayLike<number>;
  readonly cadence?: ArrayLike<number>;
  readonly heartRate?: ArrayLike<number>;
  readonly speed?: ArrayLike<number>;
  readonly distance?: ArrayLike<number>;
};

/** Copies and checks columns into a RideStream; missing columns become all-NaN. */
export function createRideStream(columns: RideStreamColumns, sampleIntervalS?: number): RideStream {
  const n = columns.time.length;
  const column = (name: keyof RideStreamColumns): Float64Array => {
    const values = columns[name];
    if (values === undefined) return new Float64Array(n).fill(NaN);
    if (values.length !== n) throw new Error(`invalid column ${name}: ${values.length} values for ${n} times`);
    return Float64Array.from(values);
  };
  const time = column('time');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i])) throw new Error(`invalid time at sample ${i}: ${time[i]}`);
    if (i > 0 && time[i] < time[i - 1]) throw new Error(`invalid time at sample ${i}: ${time[i]} is before ${time[i - 1]}`);
  }
  const interval = sampleIntervalS ?? inferSampleInterval(time);
  if (!(interval > 0) || !Number.isFinite(interval)) throw new Error(`invalid sampleIntervalS: ${interval}`);
  return {
    time,
    power: column('power'),
    cadence: column('cadence'),
    heartRate: column('heartRate'),
    speed: column('speed'),
    distance: column('distance'),
    sampleIntervalS: interval,
  };
}

/** The median of the positive time steps: robust to pauses and repeated records. 1 s when unknown. */
export function inferSampleInterval(time: ArrayLike<number>): number {
  const steps: number[] = [];
  for (let i = 1; i < time.length; i++) {
    const step = time[i] - time[i - 1];
    if (step > 0) steps.push(step);
  }
  if (steps.length === 0) return 1;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/** First index whose time is >= t (binary search; time is sorted). */
export function lowerBound(time: ArrayLike<number>, t: number, length = time.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sample indices [from, to) of a segment [startTime, endTime): a sample stamped at a gate's
 * time opens the next segment, as a FIT lap's start_time equals its first record's.
 */
export function sampleRange(time: ArrayLike<number>, startTime: number, endTime: number, length = time.length): { from: number; to: number } {
  if (!(endTime >= startTime)) throw new Error(`invalid segment: end ${endTime} before start ${startTime}`);
  return { from: lowerBound(time, startTime, length), to: lowerBound(time, endTime, length) };
}
