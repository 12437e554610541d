/**
 * The Stream pipeline in one place, for a single worker, a replay, a test or a check:
 *   bytes → LineSplitter → parseAction → ActionStore → Reorderer → ImpactScorer → RunningTotals
 * Rejects and late actions are kept (up to a limit) as inspectable side outputs. The whole
 * state is one structured-cloneable object (`toCheckpoint`, typed arrays where it is large,
 * as IndexedDB keeps it), so a resumed stream counts nothing twice: it starts reading the
 * source again at `checkpoint.splitter.consumedOffset`.
 *
 * A correction of an action already scored is applied at once (with the momentum factor
 * the first version had); one still waiting in the reorder buffer replaces it there.
 */
import { ActionStore, type ActionStoreState } from './actionStore.ts';
import type { GameAction } from './gameAction.ts';
import { ImpactScorer, type ImpactScorerState } from './impactScorer.ts';
import type { ImpactOptions } from './impactModel.ts';
import { LineSplitter, type LineSplitterState } from './lineSplitter.ts';
import { parseAction, type Reject } from './parseAction.ts';
import { Reorderer, type ReordererState } from './reorderer.ts';
import { RunningTotals, type RunningTotalsState } from './runningTotals.ts';

export interface StreamPipelineOptions {
  allowedLatenessSeconds: number;
  idleTimeoutMs: number;
  impact?: Partial<ImpactOptions>;
  /** How many rejects and late actions to keep for inspection (all are counted). */
  keepSideOutput?: number;
}

export interface PipelineCounters {
  lines: number;
  rejects: number;
  accepted: number;
  duplicates: number;
  stale: number;
  conflicts: number;
  corrections: number;
  late: number;
  scored: number;
  outOfOrder: number;
  duplicateOrder: number;
  gaps: number;
  pending: number;
}

export interface StreamCheckpoint {
  splitter: LineSplitterState;
  store: ActionStoreState;
  reorderer: ReordererState;
  scorer: ImpactScorerState;
  totals: RunningTotalsState;
  lines: number;
  rejects: number;
  /** The kept late actions (side output), so a resumed stream still lists them; absent in old checkpoints. */
  late?: GameAction[];
}

export class StreamPipeline {
  readonly totals: RunningTotals;
  readonly rejects: Reject[] = [];
  readonly late: GameAction[] = [];
  #splitter: LineSplitter;
  #store: ActionStore;
  #reorderer: Reorderer;
  #scorer: ImpactScorer;
  #keep: number;
  #lines = 0;
  #rejectCount = 0;

  constructor(options: StreamPipelineOptions, checkpoint?: StreamCheckpoint) {
    this.#keep = options.keepSideOutput ?? 1000;
    if (!Number.isInteger(this.#keep) || this.#keep < 0) throw new Error(`invalid keepSideOutput: ${this.#keep}`);
    const reorder = { allowedLatenessSeconds: options.allowedLatenessSeconds, idleTimeoutMs: options.idleTimeoutMs };
    this.#splitter = new LineSplitter(checkpoint?.splitter);
    this.#store = checkpoint ? ActionStore.fromState(checkpoint.store) : new ActionStore();
    this.#reorderer = checkpoint ? Reorderer.fromState({ ...checkpoint.reorderer, options: reorder }) : new Reorderer(reorder);
    this.#scorer = checkpoint ? ImpactScorer.fromState(checkpoint.scorer) : new ImpactScorer(options.impact);
    this.totals = checkpoint ? RunningTotals.fromState(checkpoint.totals) : new RunningTotals();
    this.#lines = checkpoint?.lines ?? 0;
    this.#rejectCount = checkpoint?.rejects ?? 0;
    for (const action of (checkpoint?.late ?? []).slice(0, this.#keep)) this.late.push({ ...action });
  }

  get reorderer(): Reorderer {
    return this.#reorderer;
  }

  get store(): ActionStore {
    return this.#store;
  }

  pushBytes(chunk: Uint8Array, nowMs: number): void {
    for (const line of this.#splitter.push(chunk)) this.pushLine(line.text, line.lineNumber, nowMs);
  }

  pushLine(text: string, lineNumber: number, nowMs: number): void {
    this.#lines += 1;
    const parsed = parseAction(text, lineNumber);
    if (parsed.ok) {
      this.pushAction(parsed.action, nowMs);
      return;
    }
    this.#rejectCount += 1;
    if (this.rejects.length < this.#keep) this.rejects.push(parsed);
  }

  /** `fingerprint`: actionFingerprint(action), when the worker that parsed it sent it along. */
  pushAction(action: GameAction, nowMs: number, fingerprint?: number): void {
    const outcome = this.#store.offer(action, fingerprint);
    if (outcome.kind === 'duplicate' || outcome.kind === 'stale') return;
    const factor = this.totals.appliedMomentumFactor(action.gameId, action.actionNumber);
    if (outcome.kind === 'correction' && factor !== undefined) {
      this.totals.apply(this.#scorer.rescore(action, factor));
      return;
    }
    const { released, late } = this.#reorderer.push(action, nowMs);
    this.#score(released);
    for (const lateAction of late) {
      this.totals.apply(this.#scorer.scoreLate(lateAction));
      if (this.late.length < this.#keep) this.late.push(lateAction);
    }
  }

  /** Lets idle games release what they hold; call it every few hundred milliseconds. */
  tick(nowMs: number): void {
    this.#score(this.#reorderer.tick(nowMs));
  }

  /** End of the source: the last partial line and everything still buffered. */
  finish(nowMs: number): void {
    for (const line of this.#splitter.finish()) this.pushLine(line.text, line.lineNumber, nowMs);
    this.#score(this.#reorderer.flushAll());
  }

  #score(released: GameAction[]): void {
    for (const action of released) this.totals.apply(this.#scorer.score(action));
  }

  counters(): PipelineCounters {
    const store = this.#store.counters;
    return {
      lines: this.#lines,
      rejects: this.#rejectCount,
      accepted: store.accepted,
      duplicates: store.duplicates,
      stale: store.stale,
      conflicts: store.conflicts,
      corrections: store.corrections,
      late: this.#reorderer.lateCount,
      scored: this.totals.appliedCount,
      outOfOrder: store.outOfOrder,
      duplicateOrder: store.duplicateOrder,
      gaps: this.#store.gaps,
      pending: this.#reorderer.pendingCount,
    };
  }

  toCheckpoint(): StreamCheckpoint {
    return {
      splitter: this.#splitter.toState(),
      store: this.#store.toState(),
      reorderer: this.#reorderer.toState(),
      scorer: this.#scorer.toState(),
      totals: this.totals.toState(),
      lines: this.#lines,
      rejects: this.#rejectCount,
      late: this.late.map((action) => ({ ...action })),
    };
  }
}
