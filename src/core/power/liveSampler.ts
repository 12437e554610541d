/**
 * Live sensor readings arrive irregularly (a power meter at 1–4 Hz, a strap at ~1 Hz, each
 * on its own clock); the session model and the recording want one sample per nominal
 * interval, as a head unit records. Readings are binned: bin k is [k·interval, (k+1)·interval),
 * its sample is stamped k·interval and holds the mean of each quantity read in it. A bin in
 * which nothing arrived emits no sample at all — a lost link is a time jump in the stream
 * (a gap, as the RideStream defines it), never a filled-in value. A quantity missing from a
 * bin that has others is NaN (not recorded).
 */
export interface SensorReading {
  /** Seconds since session start, non-decreasing. */
  readonly time: number;
  readonly power?: number;
  readonly cadence?: number;
  readonly heartRate?: number;
  readonly speed?: number;
}

export interface LiveSample {
  readonly time: number;
  readonly power: number;
  readonly cadence: number;
  readonly heartRate: number;
  readonly speed: number;
}

const QUANTITIES = ['power', 'cadence', 'heartRate', 'speed'] as const;

export class LiveSampler {
  private readonly intervalS: number;
  private bin = -1;
  private readonly sums = new Float64Array(QUANTITIES.length);
  private readonly counts = new Float64Array(QUANTITIES.length);

  constructor(options: { intervalS?: number } = {}) {
    const intervalS = options.intervalS ?? 1;
    if (!(intervalS > 0) || !Number.isFinite(intervalS)) throw new Error(`invalid intervalS: ${intervalS}`);
    this.intervalS = intervalS;
  }

  /** Adds a reading; returns the sample of the bin it closed, if any. */
  add(reading: SensorReading): LiveSample[] {
    if (!Number.isFinite(reading.time) || reading.time < 0) throw new Error(`invalid reading time: ${reading.time}`);
    const bin = Math.floor(reading.time / this.intervalS);
    if (bin < this.bin) throw new Error(`invalid reading time: ${reading.time} is before the open bin at ${this.bin * this.intervalS}`);
    const out = bin > this.bin ? this.close() : [];
    this.bin = bin;
    QUANTITIES.forEach((name, q) => {
      const value = reading[name];
      if (value !== undefined && Number.isFinite(value)) {
        this.sums[q] += value;
        this.counts[q] += 1;
      }
    });
    return out;
  }

  /** Closes the open bin when `now` is past its end (a timer calls this so a sample is not held back). */
  flush(now: number): LiveSample[] {
    if (this.bin < 0 || now < (this.bin + 1) * this.intervalS) return [];
    const out = this.close();
    this.bin = -1;
    return out;
  }

  private close(): LiveSample[] {
    if (this.bin < 0 || !this.counts.some((c) => c > 0)) return [];
    const mean = (q: number): number => (this.counts[q] > 0 ? this.sums[q] / this.counts[q] : NaN);
    const sample: LiveSample = { time: this.bin * this.intervalS, power: mean(0), cadence: mean(1), heartRate: mean(2), speed: mean(3) };
    this.sums.fill(0);
    this.counts.fill(0);
    return [sample];
  }
}
