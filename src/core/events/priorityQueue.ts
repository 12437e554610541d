/**
 * A bounded queue with priority classes (0 first), FIFO within a class.
 * When full, the policy decides:
 * - 'drop-lowest': the newest item of the lowest class present makes room (or the arriving
 *   item itself goes when nothing queued ranks below it); drops are counted per class;
 * - 'backpressure': nothing is dropped, `offer` answers 'backpressure' and the source must
 *   slow down (pause reading the file or socket) until `size` falls below capacity.
 */
import type { GameAction } from './gameAction.ts';

export type QueuePolicy = 'drop-lowest' | 'backpressure';

export interface PriorityQueueOptions {
  capacity: number;
  policy: QueuePolicy;
  /** Number of classes (3): 0 scoring plays, 1 other plays, 2 substitutions and timeouts. */
  levels?: number;
}

export type OfferResult = 'accepted' | 'accepted-after-drop' | 'dropped' | 'backpressure';

const FIRST = new Set(['2pt', '3pt', 'freethrow', 'foul', 'turnover']);
const LAST = new Set(['substitution', 'timeout']);

/** Shots, free throws, fouls and turnovers 0; substitutions and timeouts 2; the rest 1. */
export function actionPriority(action: Pick<GameAction, 'actionType'>): 0 | 1 | 2 {
  if (FIRST.has(action.actionType)) return 0;
  return LAST.has(action.actionType) ? 2 : 1;
}

export class PriorityQueue<T> {
  readonly levels: number;
  #capacity: number;
  #policy: QueuePolicy;
  #queues: T[][];
  #heads: number[];
  #size = 0;
  #drops: number[];
  #droppedTotal = 0;
  #evicted: T | undefined = undefined;

  constructor(options: PriorityQueueOptions) {
    this.levels = options.levels ?? 3;
    if (!Number.isInteger(this.levels) || this.levels < 1) throw new Error(`invalid levels: ${this.levels}`);
    this.#capacity = PriorityQueue.#checkCapacity(options.capacity);
    this.#policy = PriorityQueue.#checkPolicy(options.policy);
    this.#queues = Array.from({ length: this.levels }, () => []);
    this.#heads = new Array<number>(this.levels).fill(0);
    this.#drops = new Array<number>(this.levels).fill(0);
  }

  static #checkCapacity(capacity: number): number {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`invalid capacity: ${capacity}`);
    return capacity;
  }

  static #checkPolicy(policy: string): QueuePolicy {
    if (policy !== 'drop-lowest' && policy !== 'backpressure') throw new Error(`invalid policy: ${policy}`);
    return policy;
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#capacity;
  }

  get policy(): QueuePolicy {
    return this.#policy;
  }

  /** True while a backpressured source should wait. */
  get isFull(): boolean {
    return this.#size >= this.#capacity;
  }

  /** Drops so far, per priority class. */
  get drops(): number[] {
    return this.#drops.slice();
  }

  /** Drops so far, all classes: read per offer, so no array is built for it. */
  get droppedTotal(): number {
    return this.#droppedTotal;
  }

  /** The queued item that made room on the last 'accepted-after-drop' (undefined otherwise). */
  get lastEvicted(): T | undefined {
    return this.#evicted;
  }

  /** Changing capacity below the current size drops nothing: it only stops new items. */
  setOptions(change: { capacity?: number; policy?: QueuePolicy }): void {
    if (change.capacity !== undefined) this.#capacity = PriorityQueue.#checkCapacity(change.capacity);
    if (change.policy !== undefined) this.#policy = PriorityQueue.#checkPolicy(change.policy);
  }

  offer(item: T, priority: number): OfferResult {
    if (!Number.isInteger(priority) || priority < 0 || priority >= this.levels) throw new Error(`invalid priority: ${priority}`);
    this.#evicted = undefined;
    if (this.#size < this.#capacity) {
      this.#push(item, priority);
      return 'accepted';
    }
    if (this.#policy === 'backpressure') return 'backpressure';
    for (let level = this.levels - 1; level > priority; level--) {
      if (this.#queues[level].length > this.#heads[level]) {
        this.#evicted = this.#queues[level].pop();
        this.#size -= 1;
        this.#drops[level] += 1;
        this.#droppedTotal += 1;
        this.#push(item, priority);
        return 'accepted-after-drop';
      }
    }
    this.#drops[priority] += 1;
    this.#droppedTotal += 1;
    return 'dropped';
  }

  #push(item: T, priority: number): void {
    this.#queues[priority].push(item);
    this.#size += 1;
  }

  /** The first item of the highest class, or undefined when empty. */
  poll(): T | undefined {
    for (let level = 0; level < this.levels; level++) {
      const queue = this.#queues[level];
      if (queue.length > this.#heads[level]) {
        const item = queue[this.#heads[level]];
        this.#heads[level] += 1;
        this.#size -= 1;
        // Compact now and then instead of shift() on every poll.
        if (this.#heads[level] > 1024 && this.#heads[level] * 2 > queue.length) {
          this.#queues[level] = queue.slice(this.#heads[level]);
          this.#heads[level] = 0;
        }
        return item;
      }
    }
    return undefined;
  }

  /** Up to `count` items in priority order. */
  take(count: number): T[] {
    const items: T[] = [];
    while (items.length < count) {
      const item = this.poll();
      if (item === undefined) break;
      items.push(item);
    }
    return items;
  }

  /**
   * Up to `count` items in the order of `rank` (their arrival), whatever their class: the
   * heads of the classes are FIFO, so the smallest rank among them is the next overall.
   */
  takeByRank(count: number, rank: (item: T) => number): T[] {
    const items: T[] = [];
    while (items.length < count && this.#size > 0) {
      let best = -1;
      for (let level = 0; level < this.levels; level++) {
        if (this.#queues[level].length > this.#heads[level] && (best < 0 || rank(this.#queues[level][this.#heads[level]]) < rank(this.#queues[best][this.#heads[best]]))) best = level;
      }
      const queue = this.#queues[best];
      items.push(queue[this.#heads[best]]);
      this.#heads[best] += 1;
      this.#size -= 1;
      if (this.#heads[best] > 1024 && this.#heads[best] * 2 > queue.length) {
        this.#queues[best] = queue.slice(this.#heads[best]);
        this.#heads[best] = 0;
      }
    }
    return items;
  }
}
