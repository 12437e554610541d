/**
 * The last N latency samples in a ring, and their percentiles by the nearest-rank method
 * (the p-th percentile is the smallest sample with at least p % of the samples at or below
 * it). A sample can stand for several events (one block of a micro-batch), with a weight.
 */
export class LatencyWindow {
  #values: Float64Array;
  #weights: Float64Array;
  #next = 0;
  #size = 0;

  constructor(capacity = 2048) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`invalid capacity: ${capacity}`);
    this.#values = new Float64Array(capacity);
    this.#weights = new Float64Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  add(value: number, weight = 1): void {
    if (!Number.isFinite(value)) throw new Error(`invalid latency: ${value}`);
    if (!(weight > 0)) throw new Error(`invalid weight: ${weight}`);
    this.#values[this.#next] = value;
    this.#weights[this.#next] = weight;
    this.#next = (this.#next + 1) % this.#values.length;
    this.#size = Math.min(this.#size + 1, this.#values.length);
  }

  clear(): void {
    this.#size = 0;
    this.#next = 0;
  }

  /** Percentiles (0 < p ≤ 100) of the weighted samples; NaN when there are none. */
  percentiles(ps: readonly number[]): number[] {
    for (const p of ps) if (!(p > 0 && p <= 100)) throw new Error(`invalid percentile: ${p}`);
    if (this.#size === 0) return ps.map(() => NaN);
    const order = Array.from({ length: this.#size }, (_, i) => i).sort((a, b) => this.#values[a] - this.#values[b]);
    let total = 0;
    for (let i = 0; i < this.#size; i++) total += this.#weights[i];
    return ps.map((p) => {
      const rank = (p / 100) * total;
      let seen = 0;
      for (const i of order) {
        seen += this.#weights[i];
        if (seen >= rank - 1e-9) return this.#values[i];
      }
      return this.#values[order[order.length - 1]];
    });
  }
}
