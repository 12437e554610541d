import type { Reject } from '../../core/events/parseAction';
import { StreamPipeline } from '../../core/events/streamPipeline';
import { DataError } from '../dataError';
import { ActionBacklog } from './actionBacklog';
import { applyActions, applyBlock, type ApplyInto } from './applyActions';
import { BlockDispatcher, type DeliveredBlock } from './blockDispatcher';
import type { ByteSource } from './byteSource';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';
import { RecentActions } from './recentActions';
import { StreamMetrics } from './streamMetrics';
import { CHECKPOINT_VERSION, KEPT_REJECTS, type StreamCheckpointRecord, type StreamSettings } from './streamSettings';
import type { ArchivedGame } from './streamStorage';
import { WorkerScaler } from './workerScaler';

/** The compute workers a run parses on (the pool in the app, the same tasks in-thread in Node). */
export interface StreamPool {
  run(input: LineBlockInput): Promise<ParsedBlock>;
  /** Columns of a parsed block the coordinator has read: a worker may write into them again. */
  recycle?(columns: { numbers: Float64Array; texts: Int32Array }): void;
  resize(workers: number): void;
  readonly workers: number;
  /** The most workers "Automatic" may use: cores − 1, the coordinator's thread being the last core. */
  readonly maxAuto: number;
}

export type RunState = 'idle' | 'running' | 'finished' | 'stopped' | 'failed' | 'refused';

const KEEP = 1000;
const DRAIN_BUDGET = 8192;
/**
 * The reader waits once this many blocks per worker (plus two) are read and not yet
 * delivered — and as many lines per worker (plus one): with small blocks, a handful in
 * flight is well under a millisecond of work, and the threads wait on each other at every
 * hiccup of a busy machine.
 */
const BLOCKS_IN_FLIGHT = 2;
const LINES_IN_FLIGHT = 1024;

/**
 * One stream from one source, working per block, never per event: blocks parsed by the
 * workers arrive in source order → the action backlog (priority queue, drop-lowest or
 * backpressure, commit frontier) → the core StreamPipeline (exactly-once store, watermark
 * reorderer, impact scorer with per-game momentum, running totals, games closing). Games
 * that close go to `onClosed`, those of one review together (to be archived once);
 * `checkpoint()` is the state at the commit frontier, so a resumed run reads on from
 * exactly there.
 */
export class StreamRun {
  readonly pipeline: StreamPipeline;
  readonly metrics = new StreamMetrics();
  readonly rejects: Reject[];
  readonly feed = new RecentActions();
  /** Names of the games that closed, by id (their totals are final). */
  readonly closedTitles: Map<string, string>;
  settings: StreamSettings;
  lines: number;
  rejectCount: number;
  state: RunState = 'idle';
  #pool: StreamPool;
  #backlog: ActionBacklog;
  #dropsBefore: number;
  #scaler: WorkerScaler;
  #dispatcher: BlockDispatcher | null = null;
  #roomWaiters: (() => void)[] = [];
  #drainChannel = new MessageChannel();
  #drainScheduled = false;
  #source: ByteSource | null = null;
  #resumeKey: string;
  #abort = new AbortController();
  #onClosed: (games: ArchivedGame[]) => void;

  constructor(settings: StreamSettings, pool: StreamPool, resume?: { record: StreamCheckpointRecord; closed: readonly ArchivedGame[] }, onClosed: (games: ArchivedGame[]) => void = () => undefined) {
    this.settings = { ...settings };
    this.#pool = pool;
    this.#onClosed = onClosed;
    const record = resume?.record;
    this.pipeline = new StreamPipeline({ allowedLatenessSeconds: settings.allowedLatenessSeconds, idleTimeoutMs: 3000 }, record?.pipeline);
    this.pipeline.restoreClosed(resume?.closed ?? []);
    this.closedTitles = new Map((resume?.closed ?? []).map((game) => [game.gameId, game.title]));
    this.rejects = record ? record.keptRejects.slice() : [];
    this.lines = record?.lines ?? 0;
    this.rejectCount = record?.rejects ?? 0;
    this.#dropsBefore = record?.drops ?? 0;
    this.#backlog = new ActionBacklog({ capacity: settings.queueCapacity, policy: settings.queuePolicy }, { offset: record?.offset ?? 0, lines: record?.lines ?? 0, rejects: record?.rejects ?? 0 });
    this.#resumeKey = record?.resumeKey ?? '';
    this.#scaler = new WorkerScaler({ resizePool: (workers) => pool.resize(workers), poolWorkers: () => pool.workers }, pool.maxAuto);
    this.#drainChannel.port1.onmessage = () => this.#drain();
  }

  get drops(): number {
    return this.#dropsBefore + this.#backlog.drops;
  }

  /** Since this run started (a resumed stream's earlier drops are in `drops` only). */
  get dropsByClass(): number[] {
    return this.#backlog.dropsByClass;
  }

  get queueDepth(): number {
    return this.#backlog.size + (this.#dispatcher?.backlogLines ?? 0);
  }

  get resumable(): boolean {
    return this.#resumeKey !== '';
  }

  /** The line the committed frontier has reached (what a checkpoint now would resume after). */
  get committedLines(): number {
    return this.#backlog.committed.lines;
  }

  get workers(): number {
    return this.#pool.workers;
  }

  setSettings(change: Partial<StreamSettings>): void {
    this.settings = { ...this.settings, ...change };
    const s = this.settings;
    this.#dispatcher?.setOptions({ batchSize: s.batchSize, maxLatencyMs: s.maxLatencyMs });
    this.#backlog.setOptions({ capacity: s.queueCapacity, policy: s.queuePolicy });
    this.pipeline.reorderer.setOptions({ allowedLatenessSeconds: s.allowedLatenessSeconds });
    this.#pool.resize(s.workers === 'auto' ? Math.min(this.#pool.workers, this.#pool.maxAuto) : s.workers);
    this.#wakeRoom();
  }

  stop(): void {
    this.#abort.abort(new DOMException('stopped', 'AbortError'));
  }

  async run(source: ByteSource): Promise<void> {
    this.#source = source;
    this.#resumeKey = source.resumeKey ?? '';
    this.state = 'running';
    // Throughput counts from the first read, not from the one-off saving of the source.
    this.metrics.startedMs = performance.now();
    const signal = this.#abort.signal;
    const start = this.#backlog.committed;
    this.#dispatcher = new BlockDispatcher({
      startOffset: start.offset, linesBefore: start.lines,
      batchSize: this.settings.batchSize, maxLatencyMs: this.settings.maxLatencyMs,
      run: (input) => this.#pool.run(input), deliver: (block) => this.#deliver(block), fail: (error) => this.#abort.abort(error),
    });
    this.#pool.resize(this.settings.workers === 'auto' ? Math.min(this.#pool.workers, this.#pool.maxAuto) : this.settings.workers);
    const ticker = setInterval(() => this.#tick(), 500);
    try {
      for await (const chunk of source.chunks(start.offset, signal)) {
        this.#dispatcher.push(chunk);
        await this.#room(signal);
      }
      this.#dispatcher.finish();
      await Promise.race([this.#dispatcher.idle(), new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
      while (this.#backlog.size > 0) this.#drain();
      this.pipeline.finish();
      this.#closeDueGames();
      this.metrics.finishedMs = performance.now();
      this.state = 'finished';
    } catch (error) {
      const reason = signal.aborted ? signal.reason : error;
      if ((reason as Error)?.name === 'AbortError') this.state = 'stopped';
      else this.state = reason instanceof DataError && this.lines === 0 ? 'refused' : 'failed';
      if (this.state !== 'stopped') throw reason;
    } finally {
      clearInterval(ticker);
      this.#dispatcher.stop();
      // Nothing is drained after the run: let the channel go (an open port keeps Node's loop alive).
      this.#drainChannel.port1.close();
    }
  }

  /** The checkpoint at the committed frontier (resumeKey '' when the source cannot resume). */
  checkpoint(): StreamCheckpointRecord {
    const committed = this.#backlog.committed;
    return {
      version: CHECKPOINT_VERSION, resumeKey: this.#resumeKey, offset: committed.offset, lines: committed.lines, rejects: committed.rejects, drops: this.drops,
      keptRejects: this.rejects.filter((reject) => reject.lineNumber <= committed.lines).slice(0, KEPT_REJECTS),
      pipeline: this.pipeline.toCheckpoint(), finished: this.state === 'finished', savedAt: Date.now(),
    };
  }

  /** The source waits while the workers or (backpressure policy) the queue are full. */
  #room(signal: AbortSignal): Promise<void> {
    const full = (): boolean => {
      const dispatcher = this.#dispatcher;
      // The pool may be resized while the source waits: its size is read at each check.
      const workers = this.#pool.workers;
      const busy = dispatcher !== null && dispatcher.inFlight >= BLOCKS_IN_FLIGHT * workers + 2 && dispatcher.backlogLines >= LINES_IN_FLIGHT * (workers + 1);
      return busy || this.#backlog.full;
    };
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
    // With nothing queued ahead (and nothing to drop), a block goes straight into the model:
    // no queue entry per action, no hop. Otherwise it queues, and a block that fits one
    // drain is still applied now; a bigger backlog is drained a budget at a time.
    const direct = !this.#drainScheduled && this.#backlog.policy === 'backpressure' && block.actions.count <= DRAIN_BUDGET && this.#backlog.size === 0;
    if (direct) {
      applyBlock(block.actions, block.ingestMs, this.#into());
      if (!this.#backlog.passed(block)) throw new Error('the backlog was not empty');
      this.#closeDueGames();
    } else {
      this.#backlog.add(block);
      if (!this.#drainScheduled && this.#backlog.size <= DRAIN_BUDGET) this.#drain();
      else this.#scheduleDrain();
    }
    // Applied or queued as objects: the columns are read, a worker may fill them again.
    this.#pool.recycle?.(block.actions);
    this.#wakeRoom();
  }

  #scheduleDrain(): void {
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    this.#drainChannel.port2.postMessage(null);
  }

  /** Applies up to a budget of queued actions in arrival order, then yields the thread. */
  #drain(): void {
    this.#drainScheduled = false;
    applyActions(this.#backlog.take(DRAIN_BUDGET), this.#into());
    this.#backlog.commit();
    this.#closeDueGames();
    if (this.#backlog.size > 0) this.#scheduleDrain();
    this.#wakeRoom();
  }

  #into(): ApplyInto {
    return { pipeline: this.pipeline, feed: this.feed, metrics: this.metrics, source: this.#source };
  }

  /**
   * Only with nothing queued: every action applied is then before the commit frontier, so a
   * run resumed from a later checkpoint never reads a line of a closed game again.
   */
  #closeDueGames(): void {
    if (this.#backlog.size > 0) return;
    const closed = this.pipeline.closeDueGames();
    if (closed.length === 0) return;
    for (const game of closed) {
      this.closedTitles.set(game.gameId, game.title);
      this.feed.forget(game.gameId);
    }
    this.#onClosed(closed);
  }

  #tick(): void {
    this.pipeline.tick(Date.now());
    if (this.settings.workers === 'auto') this.#scaler.step(this.queueDepth);
  }
}
