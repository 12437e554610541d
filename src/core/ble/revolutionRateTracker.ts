import type { RevolutionData } from './revolutionData';

/**
 * Revolutions per second from successive (cumulative revolutions, last event time) pairs.
 * Both counters roll over (event time every 65536 ticks: 64 s at 1/1024 s, 32 s at
 * 1/2048 s), so differences are taken modulo their width. A sensor repeats the same pair
 * while no new revolution happens (coasting), so the last rate is held for `holdS` seconds
 * of arrival time and then drops to 0 — a coach sees 0 rpm shortly after the rider stops
 * pedalling, not a frozen 90.
 */
export interface RevolutionRateOptions {
  /** Seconds to hold the last rate when no new event arrives. Default 3. */
  readonly holdS?: number;
  /** Rates above this (rev/s) are counter glitches (reset, reconnect): re-baseline. */
  readonly maxRevolutionsPerSecond: number;
  /** 2^32 for wheel revolutions, 2^16 for crank revolutions. */
  readonly revolutionModulus: number;
}

const EVENT_TIME_MODULUS = 65536;

export class RevolutionRateTracker {
  private readonly holdS: number;
  private previous: RevolutionData | null = null;
  private previousArrivalS = 0;
  private lastRate = 0;
  private lastEventArrivalS = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RevolutionRateOptions) {
    const holdS = options.holdS ?? 3;
    if (!Number.isFinite(holdS) || holdS < 0) throw new Error(`invalid holdS: ${holdS}`);
    if (!(options.maxRevolutionsPerSecond > 0)) throw new Error(`invalid maxRevolutionsPerSecond: ${options.maxRevolutionsPerSecond}`);
    this.holdS = holdS;
  }

  /** Feeds one measurement, arriving at `arrivalS` (any monotonic clock in seconds); returns rev/s. */
  update(data: RevolutionData, arrivalS: number): number {
    const previous = this.previous;
    const sinceLastPacket = arrivalS - this.previousArrivalS;
    this.previous = data;
    this.previousArrivalS = arrivalS;
    if (previous === null || previous.ticksPerSecond !== data.ticksPerSecond) return this.rateAt(arrivalS);
    // Beyond one event-time rollover period the tick difference is ambiguous: re-baseline.
    if (sinceLastPacket >= EVENT_TIME_MODULUS / data.ticksPerSecond || sinceLastPacket < 0) return this.rateAt(arrivalS);
    const revolutions = mod(data.revolutions - previous.revolutions, this.options.revolutionModulus);
    const ticks = mod(data.lastEventTime - previous.lastEventTime, EVENT_TIME_MODULUS);
    if (ticks === 0) {
      // Same event: nothing new. Revolutions changing without time moving is a glitch.
      return this.rateAt(arrivalS);
    }
    const rate = revolutions / (ticks / data.ticksPerSecond);
    if (rate > this.options.maxRevolutionsPerSecond) return this.rateAt(arrivalS);
    this.lastRate = rate;
    this.lastEventArrivalS = arrivalS;
    return rate;
  }

  /**
   * The rate to show at `arrivalS`: the last one while within the hold, else 0 (stopped
   * pedalling). NaN before any rate was measured: the first packet alone says nothing, and
   * reporting 0 then would average a rider's first second down to half their cadence.
   */
  rateAt(arrivalS: number): number {
    if (this.lastEventArrivalS === Number.NEGATIVE_INFINITY) return Number.NaN;
    return arrivalS - this.lastEventArrivalS <= this.holdS ? this.lastRate : 0;
  }
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
