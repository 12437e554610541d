/**
 * Groups items into micro-batches on two thresholds: a batch leaves when it holds
 * `batchSize` items, or when its oldest item has waited `maxLatencyMs` (so slow traffic
 * still flows). Both can change while running. Time comes from the injected `now()`, so the
 * batcher has no timers of its own: the caller polls (after each add and on a timer
 * matched to `nextDeadline()`), and tests drive the clock.
 *
 * Items that arrive together (a chunk's lines) are kept as one group with one arrival time,
 * not one entry each: a stream adds hundreds of thousands of items a second.
 */
export interface MicroBatcherOptions {
  batchSize: number;
  maxLatencyMs: number;
  now: () => number;
}

interface Group<T> {
  items: readonly T[];
  /** Items before this index have left in a batch. */
  from: number;
  arrivedMs: number;
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
  #groups: Group<T>[] = [];
  #head = 0;
  #pending = 0;

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
    return this.#pending;
  }

  /** Takes effect at once: the returned batches are those the new thresholds release. */
  setOptions(change: { batchSize?: number; maxLatencyMs?: number }): T[][] {
    if (change.batchSize !== undefined) this.#batchSize = checkSize(change.batchSize);
    if (change.maxLatencyMs !== undefined) this.#maxLatencyMs = checkLatency(change.maxLatencyMs);
    return this.poll();
  }

  /** Adds one item; returns the batches that are now due (usually none or one). */
  add(item: T): T[][] {
    return this.addMany([item]);
  }

  /** Adds items that arrived together (one reading of the clock; the array is kept, not copied); returns the batches now due. */
  addMany(items: readonly T[]): T[][] {
    if (items.length === 0) return [];
    this.#groups.push({ items, from: 0, arrivedMs: this.#now() });
    this.#pending += items.length;
    return this.poll();
  }

  /** Full batches, then a partial one if its oldest item has waited long enough. */
  poll(): T[][] {
    const batches: T[][] = [];
    while (this.#pending >= this.#batchSize) batches.push(this.#cut(this.#batchSize));
    if (this.#pending > 0 && this.#now() - this.#groups[this.#head].arrivedMs >= this.#maxLatencyMs) {
      batches.push(this.#cut(this.#pending));
    }
    return batches;
  }

  /** Everything pending as one batch (end of stream); empty when nothing waits. */
  flush(): T[] {
    return this.#pending === 0 ? [] : this.#cut(this.#pending);
  }

  /** When the partial batch falls due, or null when nothing waits. */
  nextDeadline(): number | null {
    return this.#pending === 0 ? null : this.#groups[this.#head].arrivedMs + this.#maxLatencyMs;
  }

  #cut(count: number): T[] {
    const batch: T[] = new Array(count);
    for (let filled = 0; filled < count;) {
      const group = this.#groups[this.#head];
      const take = Math.min(count - filled, group.items.length - group.from);
      for (let i = 0; i < take; i++) batch[filled + i] = group.items[group.from + i];
      filled += take;
      group.from += take;
      if (group.from === group.items.length) this.#head++;
    }
    this.#pending -= count;
    if (this.#head === this.#groups.length) {
      this.#groups = [];
      this.#head = 0;
    } else if (this.#head >= 256) {
      this.#groups = this.#groups.slice(this.#head);
      this.#head = 0;
    }
    return batch;
  }
}
