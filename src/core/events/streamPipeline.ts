/**
 * The Stream's model, fed parsed actions in arrival order (by the engine in
 * src/platform/stream, in the app, the tests, the benchmark and check:real alike):
 *   ActionStore (exactly once) → Reorderer (per-game watermark) → ImpactScorer (momentum)
 *   → RunningTotals, with GameLifecycle closing the games that are over.
 * Late actions and actions of closed games are kept (up to a limit) as inspectable side
 * outputs. The state of the open games is one structured-cloneable object (`toCheckpoint`,
 * typed arrays where it is large); a closed game leaves a ClosedGame record (its final
 * player lines and the latest version of each of its actions) for the caller to archive
 * once, so a checkpoint's size depends on the open games, not on the stream's length.
 *
 * A correction of an action already scored is applied at once (with the momentum factor
 * the first version had); one still waiting in the reorder buffer replaces it there.
 */
import { encodeActions, type EncodedActions } from './actionBatchCodec.ts';
import { ActionStore, type ActionStoreState } from './actionStore.ts';
import type { GameAction } from './gameAction.ts';
import { defaultLifecycle, GameLifecycle, type LifecycleOptions, type LifecycleState } from './gameLifecycle.ts';
import { ImpactScorer, type ImpactScorerState } from './impactScorer.ts';
import type { ImpactOptions } from './impactModel.ts';
import { Reorderer, type ReordererState } from './reorderer.ts';
import { RunningTotals, type PlayerTotal, type RunningTotalsState } from './runningTotals.ts';

export interface StreamPipelineOptions {
  allowedLatenessSeconds: number;
  idleTimeoutMs: number;
  lifecycle?: Partial<LifecycleOptions>;
  impact?: Partial<ImpactOptions>;
  /** How many late actions and actions after close to keep for inspection (all are counted). */
  keepSideOutput?: number;
}

export interface PipelineCounters {
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
  /** Actions of a game that had already closed: listed, not counted. */
  afterClose: number;
  openGames: number;
  closedGames: number;
}

/** What stays of a closed game: archived once, never in a checkpoint again. */
export interface ClosedGame {
  gameId: string;
  players: PlayerTotal[];
  /** The latest version of each of its actions, for the batch layer. */
  actions: EncodedActions;
}

export interface StreamCheckpoint {
  store: ActionStoreState;
  reorderer: ReordererState;
  scorer: ImpactScorerState;
  totals: RunningTotalsState;
  lifecycle: LifecycleState;
  late: GameAction[];
  afterClose: { count: number; kept: GameAction[] };
}

export type PushOutcome = 'new' | 'correction' | 'duplicate' | 'stale' | 'after-close';

export class StreamPipeline {
  readonly totals: RunningTotals;
  readonly late: GameAction[] = [];
  readonly afterClose: GameAction[] = [];
  #store: ActionStore;
  #reorderer: Reorderer;
  #scorer: ImpactScorer;
  #lifecycle: GameLifecycle;
  #closed = new Set<string>();
  #afterCloseCount = 0;
  #keep: number;

  constructor(options: StreamPipelineOptions, checkpoint?: StreamCheckpoint) {
    this.#keep = options.keepSideOutput ?? 1000;
    if (!Number.isInteger(this.#keep) || this.#keep < 0) throw new Error(`invalid keepSideOutput: ${this.#keep}`);
    const reorder = { allowedLatenessSeconds: options.allowedLatenessSeconds, idleTimeoutMs: options.idleTimeoutMs };
    const lifecycle = { ...defaultLifecycle, ...options.lifecycle };
    this.#store = checkpoint ? ActionStore.fromState(checkpoint.store) : new ActionStore();
    this.#reorderer = checkpoint ? Reorderer.fromState({ ...checkpoint.reorderer, options: reorder }) : new Reorderer(reorder);
    this.#scorer = checkpoint ? ImpactScorer.fromState(checkpoint.scorer) : new ImpactScorer(options.impact);
    this.totals = checkpoint ? RunningTotals.fromState(checkpoint.totals) : new RunningTotals();
    this.#lifecycle = new GameLifecycle(lifecycle, checkpoint ? { ...checkpoint.lifecycle, options: lifecycle } : undefined);
    for (const action of (checkpoint?.late ?? []).slice(0, this.#keep)) this.late.push({ ...action });
    for (const action of (checkpoint?.afterClose.kept ?? []).slice(0, this.#keep)) this.afterClose.push({ ...action });
    this.#afterCloseCount = checkpoint?.afterClose.count ?? 0;
  }

  get reorderer(): Reorderer {
    return this.#reorderer;
  }

  get store(): ActionStore {
    return this.#store;
  }

  get lifecycle(): GameLifecycle {
    return this.#lifecycle;
  }

  /** `fingerprint`: actionFingerprint(action), when the worker that parsed it sent it along. */
  pushAction(action: GameAction, nowMs: number, fingerprint?: number): PushOutcome {
    if (this.#closed.has(action.gameId)) {
      this.#afterCloseCount++;
      if (this.afterClose.length < this.#keep) this.afterClose.push(action);
      return 'after-close';
    }
    const outcome = this.#store.offer(action, fingerprint);
    if (outcome.kind === 'duplicate' || outcome.kind === 'stale') return outcome.kind;
    this.#lifecycle.arrived(action);
    const factor = outcome.kind === 'correction' ? this.totals.appliedMomentumFactor(action.gameId, action.actionNumber) : undefined;
    if (outcome.kind === 'correction' && factor !== undefined) {
      // Take away what the replaced version gave (rescored with the same factor), add the new one.
      this.totals.apply(this.#scorer.rescore(action, factor), this.#scorer.rescore(outcome.previous, factor));
      return 'correction';
    }
    const { released, late } = this.#reorderer.push(action, nowMs, outcome.kind === 'correction');
    this.#score(released);
    for (const lateAction of late) {
      this.totals.apply(this.#scorer.scoreLate(lateAction));
      if (this.late.length < this.#keep) this.late.push(lateAction);
    }
    return outcome.kind;
  }

  /** Lets idle games release what they hold; call it every few hundred milliseconds. */
  tick(nowMs: number): void {
    this.#score(this.#reorderer.tick(nowMs));
  }

  /** Closes the games that are over (call it after each batch of actions); their records, to archive. */
  closeDueGames(): ClosedGame[] {
    return this.#lifecycle.review().map((gameId) => this.#closeGame(gameId));
  }

  /** The closed games of an earlier run, from the archive: their totals count, their late actions do not. */
  restoreClosed(games: readonly Pick<ClosedGame, 'gameId' | 'players'>[]): void {
    for (const game of games) {
      // Archived just before a crash, but open in the checkpoint this run resumed from: it closes again later.
      if (this.#lifecycle.isOpen(game.gameId)) continue;
      this.#closed.add(game.gameId);
      this.totals.restoreClosed(game.gameId, game.players);
    }
  }

  isClosed(gameId: string): boolean {
    return this.#closed.has(gameId);
  }

  #closeGame(gameId: string): ClosedGame {
    this.#score(this.#reorderer.closeGame(gameId));
    this.#scorer.closeGame(gameId);
    const held = this.#store.closeGame(gameId);
    const players = this.totals.closeGame(gameId);
    this.#closed.add(gameId);
    return { gameId, players, actions: encodeActions(held.map(({ action }) => ({ lineNumber: 0, action })), held.map(({ fingerprint }) => fingerprint)) };
  }

  /** End of the source: everything still buffered is released. */
  finish(): void {
    this.#score(this.#reorderer.flushAll());
  }

  #score(released: GameAction[]): void {
    for (const action of released) this.totals.apply(this.#scorer.score(action));
  }

  counters(): PipelineCounters {
    const store = this.#store.counters;
    return {
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
      afterClose: this.#afterCloseCount,
      openGames: this.#lifecycle.openGames,
      closedGames: this.totals.closedGames,
    };
  }

  toCheckpoint(): StreamCheckpoint {
    return {
      store: this.#store.toState(),
      reorderer: this.#reorderer.toState(),
      scorer: this.#scorer.toState(),
      totals: this.totals.toState(),
      lifecycle: this.#lifecycle.toState(),
      late: this.late.map((action) => ({ ...action })),
      afterClose: { count: this.#afterCloseCount, kept: this.afterClose.map((action) => ({ ...action })) },
    };
  }
}
