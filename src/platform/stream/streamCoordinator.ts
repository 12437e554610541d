import type { LineAction } from '../../core/events/actionBatchCodec';
import type { GameAction } from '../../core/events/gameAction';
import type { Reject } from '../../core/events/parseAction';
import { actionPriority, PriorityQueue, type QueuePolicy } from '../../core/events/priorityQueue';
import { StreamPipeline, type StreamCheckpoint } from '../../core/events/streamPipeline';
import { autoscaleWorkers } from '../../core/events/workerAutoscale';
import { BlockDispatcher, type DeliveredBlock } from './blockDispatcher';
import type { ByteSource } from './byteSource';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';
import { StreamMetrics } from './streamMetrics';

export interface StreamSettings {
  batchSize: number;
  maxLatencyMs: number;
  workers: number | 'auto';
  allowedLatenessSeconds: number;
  queueCapacity: number;
  queuePolicy: QueuePolicy;
}

export const defaultStreamSettings: StreamSettings = {
  batchSize: 128, maxLatencyMs: 50, workers: 'auto', allowedLatenessSeconds: 180, queueCapacity: 20_000, queuePolicy: 'backpressure',
};

/** What goes to IndexedDB: everything a resumed stream needs to count nothing twice. */
export interface StreamCheckpointRecord {
  resumeKey: string;
  /** Resume reading here: every line before it has reached the totals (or was dropped). */
  offset: number;
  lines: number;
  rejects: number;
  drops: number;
  keptRejects: Reject[];
  pipeline: StreamCheckpoint;
  finished: boolean;
}

export interface CoordinatorDeps {
  run: (input: LineBlockInput) => Promise<ParsedBlock>;
  resizePool: (workers: number) => void;
  poolWorkers: () => number;
}

interface Queued { item: LineAction; arrival: number; block: BlockMark }
interface BlockMark { endOffset: number; linesAfter: number; rejects: number; remaining: number; ingestMs: number; delivered: boolean }

const KEEP = 1000;
const DRAIN_BUDGET = 8192;

/**
 * The Stream's coordinator on the main thread, working per block, never per event with a
 * DOM update: blocks parsed by the workers arrive in order → priority queue (drop-lowest or
 * backpressure) → the core StreamPipeline (exactly-once store, watermark reorderer, impact
 * scorer with per-game momentum, running totals). The UI reads it at animation frames.
 */
export class StreamCoordinator {
  readonly pipeline: StreamPipeline;
  readonly metrics = new StreamMetrics();
  readonly rejects: Reject[];
  /** The last actions applied per game, newest last, for the feed. */
  readonly recent = new Map<string, GameAction[]>();
  settings: StreamSettings;
  lines: number;
  rejectCount: number;
  drops: number;
  state: 'idle' | 'running' | 'finished' | 'stopped' | 'failed' = 'idle';
  #deps: CoordinatorDeps;
  #queue: PriorityQueue<Queued>;
  #overflow: Queued[] = [];
  #marks: BlockMark[] = [];
  #committed: { offset: number; lines: number; rejects: number };
  #arrivals = 0;
  #dispatcher: BlockDispatcher | null = null;
  #roomWaiters: (() => void)[] = [];
  #drainChannel = new MessageChannel();
  #drainScheduled = false;
  #source: ByteSource | null = null;
  #resumeKey: string;
  #abort = new AbortController();

  constructor(settings: StreamSettings, deps: CoordinatorDeps, resume?: StreamCheckpointRecord) {
    this.settings = { ...settings };
    this.#deps = deps;
    this.pipeline = new StreamPipeline({ allowedLatenessSeconds: settings.allowedLatenessSeconds, idleTimeoutMs: 3000 }, resume?.pipeline);
    this.rejects = resume ? resume.keptRejects.slice() : [];
    this.lines = resume?.lines ?? 0;
    this.rejectCount = resume?.rejects ?? 0;
    this.drops = resume?.drops ?? 0;
    this.#committed = { offset: resume?.offset ?? 0, lines: resume?.lines ?? 0, rejects: resume?.rejects ?? 0 };
    this.#resumeKey = resume?.resumeKey ?? '';
    this.#queue = new PriorityQueue<Queued>({ capacity: settings.queueCapacity, policy: settings.queuePolicy });
    this.#drainChannel.port1.onmessage = () => this.#drain();
  }

  get queueDepth(): number {
    return this.#queue.size + this.#overflow.length + (this.#dispatcher?.backlogLines ?? 0);
  }

  get resumable(): boolean {
    return this.#resumeKey !== '';
  }

  get resumedFrom(): number {
    return this.#committed.offset;
  }

  setSettings(change: Partial<StreamSettings>): void {
    this.settings = { ...this.settings, ...change };
    const s = this.settings;
    this.#dispatcher?.setOptions({ batchSize: s.batchSize, maxLatencyMs: s.maxLatencyMs });
    this.#queue.setOptions({ capacity: s.queueCapacity, policy: s.queuePolicy });
    this.pipeline.reorderer.setOptions({ allowedLatenessSeconds: s.allowedLatenessSeconds });
    if (s.workers !== 'auto') this.#deps.resizePool(s.workers);
    this.#wakeRoom();
  }

  stop(): void {
    this.#abort.abort(new DOMException('stopped', 'AbortError'));
  }

  async run(source: ByteSource): Promise<void> {
    this.#source = source;
    this.#resumeKey = source.resumeKey ?? '';
    this.state = 'running';
    const signal = this.#abort.signal;
    this.#dispatcher = new BlockDispatcher({
      startOffset: this.#committed.offset, linesBefore: this.#committed.lines,
      batchSize: this.settings.batchSize, maxLatencyMs: this.settings.maxLatencyMs,
      run: this.#deps.run, deliver: (block) => this.#deliver(block), fail: (error) => this.#abort.abort(error),
    });
    if (this.settings.workers !== 'auto') this.#deps.resizePool(this.settings.workers);
    const ticker = setInterval(() => this.#tick(), 500);
    try {
      for await (const chunk of source.chunks(this.#committed.offset, signal)) {
        this.#dispatcher.push(chunk);
        await this.#room(signal);
      }
      this.#dispatcher.finish();
      await Promise.race([this.#dispatcher.idle(), new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
      while (this.#queue.size + this.#overflow.length > 0) this.#drain();
      this.pipeline.finish(Date.now());
      this.metrics.finishedMs = performance.now();
      this.state = 'finished';
    } catch (error) {
      this.state = signal.aborted && (signal.reason as Error)?.name === 'AbortError' ? 'stopped' : 'failed';
      if (this.state === 'failed') throw error;
    } finally {
      clearInterval(ticker);
      this.#dispatcher.stop();
    }
  }

  /** The checkpoint at the committed frontier (resumeKey '' when the source cannot resume). */
  checkpoint(): StreamCheckpointRecord {
    return {
      resumeKey: this.#resumeKey, offset: this.#committed.offset, lines: this.#committed.lines,
      rejects: this.#committed.rejects, drops: this.drops,
      keptRejects: this.rejects.filter((reject) => reject.lineNumber <= this.#committed.lines),
      pipeline: this.pipeline.toCheckpoint(), finished: this.state === 'finished',
    };
  }

  /** The source waits while the workers or the queue are full (backpressure policy). */
  #room(signal: AbortSignal): Promise<void> {
    const full = (): boolean =>
      (this.#dispatcher?.inFlight ?? 0) >= 2 * this.#deps.poolWorkers() + 2 ||
      (this.settings.queuePolicy === 'backpressure' && this.#queue.size + this.#overflow.length >= this.settings.queueCapacity);
    if (!full() || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => (full() && !signal.aborted ? void this.#roomWaiters.push(check) : resolve());
      this.#roomWaiters.push(check);
    });
  }

  #wakeRoom(): void {
    for (const wake of this.#roomWaiters.splice(0)) wake();
  }

  #deliver(block: DeliveredBlock): void {
    this.lines += block.lines;
    this.rejectCount += block.rejects.length;
    for (const reject of block.rejects) if (this.rejects.length < KEEP) this.rejects.push(reject);
    const mark: BlockMark = { endOffset: block.endOffset, linesAfter: block.linesBefore + block.lines, rejects: block.rejects.length, remaining: block.actions.length, ingestMs: block.ingestMs, delivered: true };
    this.#marks.push(mark);
    for (const item of block.actions) {
      const queued: Queued = { item, arrival: this.#arrivals++, block: mark };
      if (this.#overflow.length > 0) {
        this.#overflow.push(queued);
        continue;
      }
      this.#offer(queued);
    }
    this.#commit();
    this.#scheduleDrain();
    this.#wakeRoom();
  }

  #offer(queued: Queued): void {
    const before = this.#queue.drops.reduce((a, b) => a + b, 0);
    const outcome = this.#queue.offer(queued, actionPriority(queued.item.action));
    if (outcome === 'backpressure') this.#overflow.push(queued);
    const dropped = this.#queue.drops.reduce((a, b) => a + b, 0) - before;
    if (dropped > 0) {
      this.drops += dropped;
      // Which item went is not told by the queue: it was this one, or a lower-ranked one.
      if (outcome === 'dropped') queued.block.remaining--;
      else this.#recountNeeded = true;
    }
  }

  /** After a drop inside the queue, recount what each block still has queued. */
  #forgetDroppedMarks(): void {
    const left = new Map<BlockMark, number>();
    for (const mark of this.#marks) left.set(mark, 0);
    for (const q of this.#queueItems()) left.set(q.block, (left.get(q.block) ?? 0) + 1);
    for (const q of this.#overflow) left.set(q.block, (left.get(q.block) ?? 0) + 1);
    for (const [mark, count] of left) mark.remaining = count;
  }

  #recountNeeded = false;

  #queueItems(): Queued[] {
    const items = this.#queue.take(this.#queue.size);
    for (const q of items) this.#queue.offer(q, actionPriority(q.item.action));
    return items;
  }

  #scheduleDrain(): void {
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    this.#drainChannel.port2.postMessage(null);
  }

  /** Applies up to a budget of queued actions in arrival order, then yields the thread. */
  #drain(): void {
    this.#drainScheduled = false;
    while (this.#overflow.length > 0 && !this.#queue.isFull) this.#offer(this.#overflow.shift()!);
    const taken = this.#queue.take(DRAIN_BUDGET).sort((a, b) => a.arrival - b.arrival);
    const nowMs = Date.now();
    const perfNow = performance.now();
    let lagMs = 0;
    let groupStart = 0;
    for (let i = 0; i < taken.length; i++) {
      const queued = taken[i];
      const { action } = queued.item;
      this.pipeline.pushAction(action, nowMs);
      queued.block.remaining--;
      this.#remember(action);
      const wall = this.#source?.eventWallTime(action.timeActualMs) ?? null;
      lagMs = Math.max(lagMs, wall === null ? perfNow - queued.block.ingestMs : nowMs - wall);
      // One latency sample per block, weighted by its actions here.
      if (i === taken.length - 1 || taken[i + 1].block !== queued.block) {
        this.metrics.latency.add(perfNow - queued.block.ingestMs, i + 1 - groupStart);
        groupStart = i + 1;
      }
    }
    if (taken.length > 0) this.metrics.recordApplied(taken.length, lagMs);
    // Nothing queued: every delivered block is through (drops included).
    if (this.#queue.size + this.#overflow.length === 0) for (const mark of this.#marks) mark.remaining = 0;
    this.#commit();
    if (this.#queue.size + this.#overflow.length > 0) this.#scheduleDrain();
    this.#wakeRoom();
  }

  #remember(action: GameAction): void {
    let feed = this.recent.get(action.gameId);
    if (feed === undefined) this.recent.set(action.gameId, (feed = []));
    feed.push(action);
    if (feed.length > 30) feed.splice(0, feed.length - 15);
  }

  #commit(): void {
    while (this.#marks.length > 0 && this.#marks[0].remaining <= 0) {
      const mark = this.#marks.shift()!;
      this.#committed = { offset: mark.endOffset, lines: mark.linesAfter, rejects: this.#committed.rejects + mark.rejects };
    }
  }

  #previousBacklog = 0;
  #drainedSince = performance.now();

  #tick(): void {
    this.pipeline.tick(Date.now());
    if (this.#recountNeeded) {
      this.#recountNeeded = false;
      this.#forgetDroppedMarks();
      this.#commit();
    }
    if (this.settings.workers !== 'auto') return;
    const backlog = this.queueDepth;
    if (backlog > 8) this.#drainedSince = performance.now();
    const workers = this.#deps.poolWorkers();
    const next = autoscaleWorkers({ workers, backlog, previousBacklog: this.#previousBacklog, drainedForMs: performance.now() - this.#drainedSince });
    if (next !== workers) this.#deps.resizePool(next);
    if (next < workers) this.#drainedSince = performance.now();
    this.#previousBacklog = backlog;
  }
}
