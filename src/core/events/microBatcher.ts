/**
 * Groups items into micro-batches on two thresholds: a batch leaves when it holds
 * `batchSize` items, or when its oldest item has waited `maxLatencyMs` (so slow traffic
 * still flows). Both can change while running. Time comes from the injected `now()`, so the
 * batcher has no timers of its own: the caller polls (after each add and on a timer
 * matched to `nextDeadline()`), and tests drive the clock.
 */
export interface MicroBatcherOptions {
  batchSize: number;
  maxLatencyMs: number;
  now: () => number;
}

function checkSize(batchSize: number): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batchSize: ${batchSize}`);
  return batchSize;
}

function checkLatency(maxLatencyMs: number): number {
  if (!Number.isFinite(maxLatencyMs) || maxLatencyMs < 0) throw new Error(`invalid maxLatencyMs: ${maxLatencyMs}`);
  return maxLatencyMs;
}

export class MicroBatcher<T> {
  #batchSize: number;
  #maxLatencyMs: number;
  #now: () => number;
  #pending: T[] = [];
  #arrivals: number[] = [];
  /** Items before this index have left: cutting a batch moves it instead of copying what is left. */
  #head = 0;

  constructor(options: MicroBatcherOptions) {
    this.#batchSize = checkSize(options.batchSize);
    this.#maxLatencyMs = checkLatency(options.maxLatencyMs);
    this.#now = options.now;
  }

  get batchSize(): number {
    return this.#batchSize;
  }

  get maxLatencyMs(): number {
    return this.#maxLatencyMs;
  }

  get pending(): number {
    return this.#pending.length - this.#head;
  }

  /** Takes effect at once: the returned batches are those the new thresholds release. */
  setOptions(change: { batchSize?: number; maxLatencyMs?: number }): T[][] {
    if (change.batchSize !== undefined) this.#batchSize = checkSize(change.batchSize);
    if (change.maxLatencyMs !== undefined) this.#maxLatencyMs = checkLatency(change.maxLatencyMs);
    return this.poll();
  }

  /** Adds one item; returns the batches that are now due (usually none or one). */
  add(item: T): T[][] {
    this.#pending.push(item);
    this.#arrivals.push(this.#now());
    return this.poll();
  }

  /** Adds items that arrived together (one reading of the clock); returns the batches now due. */
  addMany(items: readonly T[]): T[][] {
    if (items.length === 0) return [];
    const now = this.#now();
    for (const item of items) {
      this.#pending.push(item);
      this.#arrivals.push(now);
    }
    return this.poll();
  }

  /** Full batches, then a partial one if its oldest item has waited long enough. */
  poll(): T[][] {
    const batches: T[][] = [];
    while (this.pending >= this.#batchSize) batches.push(this.#cut(this.#batchSize));
    if (this.pending > 0 && this.#now() - this.#arrivals[this.#head] >= this.#maxLatencyMs) {
      batches.push(this.#cut(this.pending));
    }
    return batches;
  }

  /** Everything pending as one batch (end of stream); empty when nothing waits. */
  flush(): T[] {
    return this.pending === 0 ? [] : this.#cut(this.pending);
  }

  /** When the partial batch falls due, or null when nothing waits. */
  nextDeadline(): number | null {
    return this.pending === 0 ? null : this.#arrivals[this.#head] + this.#maxLatencyMs;
  }

  #cut(count: number): T[] {
    const batch = this.#pending.slice(this.#head, this.#head + count);
    this.#head += count;
    if (this.#head === this.#pending.length) {
      this.#pending = [];
      this.#arrivals = [];
      this.#head = 0;
    } else if (this.#head >= 4096 && this.#head * 2 >= this.#pending.length) {
      // Let go of what left, now and then, not at every cut (a chunk of many lines would copy the rest each time).
      this.#pending = this.#pending.slice(this.#head);
      this.#arrivals = this.#arrivals.slice(this.#head);
      this.#head = 0;
    }
    return batch;
  }
}
