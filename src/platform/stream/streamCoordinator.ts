import type { GameAction } from '../../core/events/gameAction';
import type { Reject } from '../../core/events/parseAction';
import { StreamPipeline } from '../../core/events/streamPipeline';
import { ActionBacklog } from './actionBacklog';
import { applyActions } from './applyActions';
import { BlockDispatcher, type DeliveredBlock } from './blockDispatcher';
import type { ByteSource } from './byteSource';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';
import { RecentActions } from './recentActions';
import { StreamMetrics } from './streamMetrics';
import type { StreamCheckpointRecord, StreamSettings } from './streamSettings';
import { WorkerScaler } from './workerScaler';

export { defaultStreamSettings, type StreamCheckpointRecord, type StreamSettings } from './streamSettings';

export interface CoordinatorDeps {
  run: (input: LineBlockInput) => Promise<ParsedBlock>;
  resizePool: (workers: number) => void;
  poolWorkers: () => number;
}

const KEEP = 1000;
const DRAIN_BUDGET = 8192;

/**
 * The Stream's coordinator, working per block, never per event with a DOM update: blocks
 * parsed by the workers arrive in source order → the action backlog (priority queue,
 * drop-lowest or backpressure, commit frontier) → the core StreamPipeline (exactly-once
 * store, watermark reorderer, impact scorer with per-game momentum, running totals). The UI
 * reads it at animation frames.
 */
export class StreamCoordinator {
  readonly pipeline: StreamPipeline;
  readonly metrics = new StreamMetrics();
  readonly rejects: Reject[];
  /** The last actions applied per game, newest last, for the feed. */
  readonly recent: Map<string, GameAction[]>;
  settings: StreamSettings;
  lines: number;
  rejectCount: number;
  state: 'idle' | 'running' | 'finished' | 'stopped' | 'failed' = 'idle';
  #deps: CoordinatorDeps;
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
  #feed = new RecentActions();

  constructor(settings: StreamSettings, deps: CoordinatorDeps, resume?: StreamCheckpointRecord) {
    this.settings = { ...settings };
    this.#deps = deps;
    this.recent = this.#feed.byGame;
    this.pipeline = new StreamPipeline({ allowedLatenessSeconds: settings.allowedLatenessSeconds, idleTimeoutMs: 3000 }, resume?.pipeline);
    this.rejects = resume ? resume.keptRejects.slice() : [];
    this.lines = resume?.lines ?? 0;
    this.rejectCount = resume?.rejects ?? 0;
    this.#dropsBefore = resume?.drops ?? 0;
    this.#backlog = new ActionBacklog({ capacity: settings.queueCapacity, policy: settings.queuePolicy }, { offset: resume?.offset ?? 0, lines: resume?.lines ?? 0, rejects: resume?.rejects ?? 0 });
    this.#resumeKey = resume?.resumeKey ?? '';
    this.#scaler = new WorkerScaler(deps);
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

  get resumedFrom(): number {
    return this.#backlog.committed.offset;
  }

  setSettings(change: Partial<StreamSettings>): void {
    this.settings = { ...this.settings, ...change };
    const s = this.settings;
    this.#dispatcher?.setOptions({ batchSize: s.batchSize, maxLatencyMs: s.maxLatencyMs });
    this.#backlog.setOptions({ capacity: s.queueCapacity, policy: s.queuePolicy });
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
    // Throughput counts from the first read, not from the one-off saving of the source.
    this.metrics.startedMs = performance.now();
    const signal = this.#abort.signal;
    const start = this.#backlog.committed;
    this.#dispatcher = new BlockDispatcher({
      startOffset: start.offset, linesBefore: start.lines,
      batchSize: this.settings.batchSize, maxLatencyMs: this.settings.maxLatencyMs,
      run: this.#deps.run, deliver: (block) => this.#deliver(block), fail: (error) => this.#abort.abort(error),
    });
    if (this.settings.workers !== 'auto') this.#deps.resizePool(this.settings.workers);
    const ticker = setInterval(() => this.#tick(), 500);
    try {
      for await (const chunk of source.chunks(start.offset, signal)) {
        this.#dispatcher.push(chunk);
        await this.#room(signal);
      }
      this.#dispatcher.finish();
      await Promise.race([this.#dispatcher.idle(), new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
      while (this.#backlog.size > 0) this.#drain();
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
    const committed = this.#backlog.committed;
    return {
      resumeKey: this.#resumeKey, offset: committed.offset, lines: committed.lines, rejects: committed.rejects, drops: this.drops,
      keptRejects: this.rejects.filter((reject) => reject.lineNumber <= committed.lines),
      pipeline: this.pipeline.toCheckpoint(), finished: this.state === 'finished',
    };
  }

  /** The source waits while the workers or (backpressure policy) the queue are full. */
  #room(signal: AbortSignal): Promise<void> {
    const full = (): boolean => (this.#dispatcher?.inFlight ?? 0) >= 2 * this.#deps.poolWorkers() + 2 || this.#backlog.full;
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
    this.#backlog.add(block);
    this.#scheduleDrain();
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
    applyActions(this.#backlog.take(DRAIN_BUDGET), { pipeline: this.pipeline, feed: this.#feed, metrics: this.metrics, source: this.#source });
    this.#backlog.commit();
    if (this.#backlog.size > 0) this.#scheduleDrain();
    this.#wakeRoom();
  }

  #tick(): void {
    this.pipeline.tick(Date.now());
    if (this.settings.workers === 'auto') this.#scaler.step(this.queueDepth);
  }
}
