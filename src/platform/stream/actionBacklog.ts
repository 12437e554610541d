import { decodeActions, type FingerprintedAction } from '../../core/events/actionBatchCodec';
import { actionPriority, PriorityQueue, type QueuePolicy } from '../../core/events/priorityQueue';
import type { DeliveredBlock } from './blockDispatcher';

/** Where a resumed stream starts reading: every line before it reached the totals or was dropped. */
export interface CommitFrontier {
  offset: number;
  lines: number;
  rejects: number;
}

/** A parsed block's place in the source, and how many of its actions are still queued. */
export interface BlockMark {
  endOffset: number;
  linesAfter: number;
  rejects: number;
  remaining: number;
  ingestMs: number;
}

export interface QueuedAction {
  parsed: FingerprintedAction;
  arrival: number;
  block: BlockMark;
}

/**
 * The actions between the parsed blocks and the pipeline: the bounded priority queue (its
 * policy drops the lowest class or pushes back on the source), an overflow that holds what
 * backpressure refused, and the commit frontier — a block counts as done once none of its
 * actions is queued any more (applied or dropped), and the frontier only moves over done
 * blocks in source order, so a checkpoint at it never skips a line.
 */
export class ActionBacklog {
  #queue: PriorityQueue<QueuedAction>;
  #overflow: QueuedAction[] = [];
  #overflowHead = 0;
  #marks: BlockMark[] = [];
  #arrivals = 0;
  #committed: CommitFrontier;

  constructor(options: { capacity: number; policy: QueuePolicy }, committed: CommitFrontier) {
    this.#queue = new PriorityQueue<QueuedAction>(options);
    this.#committed = { ...committed };
  }

  setOptions(change: { capacity?: number; policy?: QueuePolicy }): void {
    this.#queue.setOptions(change);
  }

  get size(): number {
    return this.#queue.size + this.#overflow.length - this.#overflowHead;
  }

  /** A backpressured source waits while this holds. */
  get full(): boolean {
    return this.#queue.policy === 'backpressure' && this.size >= this.#queue.capacity;
  }

  get drops(): number {
    return this.#queue.droppedTotal;
  }

  /** Drops per priority class (0 scoring plays, 1 other plays, 2 substitutions and timeouts). */
  get dropsByClass(): number[] {
    return this.#queue.drops;
  }

  get committed(): CommitFrontier {
    return { ...this.#committed };
  }

  get policy(): QueuePolicy {
    return this.#queue.policy;
  }

  /**
   * Nothing queued and nothing to wait for: the caller has applied this block's actions
   * straight away (no queue needed); the frontier moves over it. False when it cannot.
   */
  passed(block: DeliveredBlock): boolean {
    if (this.size > 0 || this.#marks.length > 0) return false;
    this.#committed = { offset: block.endOffset, lines: block.linesBefore + block.lines, rejects: this.#committed.rejects + block.rejects.length };
    return true;
  }

  add(block: DeliveredBlock): void {
    const mark: BlockMark = { endOffset: block.endOffset, linesAfter: block.linesBefore + block.lines, rejects: block.rejects.length, remaining: block.actions.count, ingestMs: block.ingestMs };
    this.#marks.push(mark);
    // Queued actions are taken one by one (and dropped by priority): here they become objects.
    for (const parsed of decodeActions(block.actions)) {
      const queued: QueuedAction = { parsed, arrival: this.#arrivals++, block: mark };
      // Behind a refused action, every later one waits too: arrival order is kept.
      if (this.#overflow.length > this.#overflowHead) this.#overflow.push(queued);
      else this.#offer(queued);
    }
    this.#commit();
  }

  /**
   * Up to `budget` actions in arrival order (with drop-lowest the queue decides which, by
   * priority), counted out of their blocks at once: the caller applies them all before it
   * yields the thread.
   */
  take(budget: number): QueuedAction[] {
    while (this.#overflow.length > this.#overflowHead && !this.#queue.isFull) this.#offer(this.#overflow[this.#overflowHead++]);
    if (this.#overflowHead > 4096 && this.#overflowHead * 2 > this.#overflow.length) {
      this.#overflow = this.#overflow.slice(this.#overflowHead);
      this.#overflowHead = 0;
    }
    // Under backpressure nothing is dropped, so nothing needs to go first: arrival order
    // keeps every action within its game's allowed lateness. Dropping the lowest class, the
    // queue serves the highest first.
    const taken = this.#queue.policy === 'backpressure'
      ? this.#queue.takeByRank(budget, (queued) => queued.arrival)
      : this.#queue.take(budget).sort((a, b) => a.arrival - b.arrival);
    for (const queued of taken) queued.block.remaining--;
    return taken;
  }

  /** Moves the frontier over every block that is done; call it after applying what was taken. */
  commit(): void {
    this.#commit();
  }

  #offer(queued: QueuedAction): void {
    const outcome = this.#queue.offer(queued, actionPriority(queued.parsed.action));
    if (outcome === 'backpressure') this.#overflow.push(queued);
    else if (outcome === 'dropped') queued.block.remaining--;
    else if (outcome === 'accepted-after-drop') this.#queue.lastEvicted!.block.remaining--;
  }

  #commit(): void {
    let done = 0;
    while (done < this.#marks.length && this.#marks[done].remaining <= 0) {
      const mark = this.#marks[done++];
      this.#committed = { offset: mark.endOffset, lines: mark.linesAfter, rejects: this.#committed.rejects + mark.rejects };
    }
    if (done > 0) this.#marks.splice(0, done);
  }
}
