import type { RideStream, RideStreamColumns } from './rideStream';
import { lowerBound } from './rideStream';
import { RollingMeanRing, windowSamples } from './rollingMeanPower';

/** Sums over a sample range, from which every segment metric is a division. */
export interface RangeSums {
  readonly from: number;
  readonly to: number;
  readonly powerSum: number;
  readonly powerSamples: number;
  readonly nonZeroPowerSamples: number;
  /** Sum of the 4th powers of the 30 s mean, over the samples that have one. */
  readonly rollingFourthSum: number;
  /** Samples with a full 30 s mean behind them: NP's and TSS's count. */
  readonly fullWindowSamples: number;
  readonly cadenceSum: number;
  readonly nonZeroCadenceSamples: number;
  readonly cadenceSamples: number;
  readonly heartRateSum: number;
  readonly heartRateSamples: number;
  readonly speedSum: number;
  readonly speedSamples: number;
  readonly distanceCovered: number;
}

const PREFIXES = ['powerSum', 'powerSamples', 'nonZeroPowerSamples', 'rollingFourthSum', 'fullWindowSamples', 'cadenceSum', 'nonZeroCadenceSamples', 'cadenceSamples', 'heartRateSum', 'heartRateSamples', 'speedSum', 'speedSamples'] as const;
type Prefix = (typeof PREFIXES)[number];

/**
 * A rider's stream that grows as samples arrive and keeps prefix sums of every quantity a
 * segment needs (including the 4th power of the continuous 30 s rolling mean), so the
 * metrics of any [start, end) cost two binary searches and a few subtractions — whatever
 * the ride's length. This is what makes a gate event cheap in the live session.
 */
export class RideAccumulator {
  private length = 0;
  private time: Float64Array = new Float64Array(256);
  private distance: Float64Array = new Float64Array(256);
  private prefix: Record<Prefix, Float64Array>;
  private readonly ring: RollingMeanRing;

  constructor(readonly sampleIntervalS: number, windowS = 30) {
    if (!(sampleIntervalS > 0)) throw new Error(`invalid sampleIntervalS: ${sampleIntervalS}`);
    this.ring = new RollingMeanRing(windowSamples(windowS, sampleIntervalS));
    this.prefix = Object.fromEntries(PREFIXES.map((name) => [name, new Float64Array(257)])) as Record<Prefix, Float64Array>;
  }

  static fromStream(stream: RideStream, windowS = 30): RideAccumulator {
    const accumulator = new RideAccumulator(stream.sampleIntervalS, windowS);
    accumulator.append(stream);
    return accumulator;
  }

  get sampleCount(): number {
    return this.length;
  }

  /** Time of the first sample, or +Infinity before any. */
  get firstTime(): number {
    return this.length > 0 ? this.time[0] : Number.POSITIVE_INFINITY;
  }

  /** Time of the last sample, or -Infinity before any. */
  get lastTime(): number {
    return this.length > 0 ? this.time[this.length - 1] : Number.NEGATIVE_INFINITY;
  }

  /** Appends samples in time order (the chunk is copied, never kept). */
  append(chunk: RideStreamColumns): void {
    const n = chunk.time.length;
    for (const name of ['power', 'cadence', 'heartRate', 'speed', 'distance'] as const) {
      const column = chunk[name];
      if (column !== undefined && column.length !== n) throw new Error(`invalid column ${name}: ${column.length} values for ${n} times`);
    }
    this.reserve(this.length + n);
    const at = (column: ArrayLike<number> | undefined, i: number): number => (column === undefined ? NaN : column[i]);
    for (let i = 0; i < n; i++) {
      const t = chunk.time[i];
      if (!Number.isFinite(t) || t < this.lastTime) throw new Error(`invalid time: ${t} after ${this.lastTime}`);
      const k = this.length;
      this.time[k] = t;
      this.distance[k] = at(chunk.distance, i);
      const power = at(chunk.power, i);
      const cadence = at(chunk.cadence, i);
      const heartRate = at(chunk.heartRate, i);
      const speed = at(chunk.speed, i);
      const p = this.prefix;
      const recorded = !Number.isNaN(power);
      p.powerSum[k + 1] = p.powerSum[k] + (recorded ? power : 0);
      p.powerSamples[k + 1] = p.powerSamples[k] + (recorded ? 1 : 0);
      p.nonZeroPowerSamples[k + 1] = p.nonZeroPowerSamples[k] + (recorded && power !== 0 ? 1 : 0);
      const mean = recorded ? this.ring.push(power) : 0;
      const full = recorded && this.ring.full;
      p.rollingFourthSum[k + 1] = p.rollingFourthSum[k] + (full ? mean ** 4 : 0);
      p.fullWindowSamples[k + 1] = p.fullWindowSamples[k] + (full ? 1 : 0);
      const hasCadence = !Number.isNaN(cadence);
      p.cadenceSum[k + 1] = p.cadenceSum[k] + (hasCadence ? cadence : 0);
      p.cadenceSamples[k + 1] = p.cadenceSamples[k] + (hasCadence ? 1 : 0);
      p.nonZeroCadenceSamples[k + 1] = p.nonZeroCadenceSamples[k] + (hasCadence && cadence !== 0 ? 1 : 0);
      p.heartRateSum[k + 1] = p.heartRateSum[k] + (Number.isNaN(heartRate) ? 0 : heartRate);
      p.heartRateSamples[k + 1] = p.heartRateSamples[k] + (Number.isNaN(heartRate) ? 0 : 1);
      p.speedSum[k + 1] = p.speedSum[k] + (Number.isNaN(speed) ? 0 : speed);
      p.speedSamples[k + 1] = p.speedSamples[k] + (Number.isNaN(speed) ? 0 : 1);
      this.length++;
    }
  }

  /** Sums over the samples of [startTime, endTime). */
  sums(startTime: number, endTime: number): RangeSums {
    if (!(endTime >= startTime)) throw new Error(`invalid segment: end ${endTime} before start ${startTime}`);
    const from = lowerBound(this.time, startTime, this.length);
    const to = lowerBound(this.time, endTime, this.length);
    const diff = (name: Prefix): number => this.prefix[name][to] - this.prefix[name][from];
    const sums = Object.fromEntries(PREFIXES.map((name) => [name, diff(name)])) as Record<Prefix, number>;
    return { from, to, ...sums, distanceCovered: to - from >= 2 ? this.distance[to - 1] - this.distance[from] : NaN };
  }

  private reserve(capacity: number): void {
    if (capacity <= this.time.length) return;
    let size = this.time.length;
    while (size < capacity) size *= 2;
    const grow = (old: Float64Array, length: number): Float64Array => {
      const next = new Float64Array(length);
      next.set(old);
      return next;
    };
    this.time = grow(this.time, size);
    this.distance = grow(this.distance, size);
    for (const name of PREFIXES) this.prefix[name] = grow(this.prefix[name], size + 1);
  }
}
