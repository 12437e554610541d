/**
 * The Stream's model, fed parsed actions in arrival order (by the engine in
 * src/platform/stream, in the app, the tests, the benchmark and check:real alike):
 *   ActionStore (exactly once) → Reorderer (per-game watermark) → ImpactScorer (momentum)
 *   → RunningTotals, with GameLifecycle closing the games that are over and GameTitles
 *   naming them.
 * Late actions and actions of closed games are kept (up to a limit) as inspectable side
 * outputs. Each open game's accepted versions are rows of its GameRows (columns, no object
 * per action); a parsed block goes in as it came from its worker (`pushBlock`), and an
 * action given as an object (`pushAction`) becomes a row the same way and takes the same
 * path. The state of the open games is one structured-cloneable object (`toCheckpoint`,
 * typed arrays where it is large); a closed game leaves a ClosedGame record (its final
 * player lines and the latest version of each of its actions) for the caller to archive
 * once, so a checkpoint's size depends on the open games, not on the stream's length.
 *
 * A correction of an action already scored is applied at once (with the momentum factor
 * the first version had); one still waiting in the reorder buffer replaces it there.
 */
import { actionOfRow, Num, STRIDE, TEXT_WIDTH, type EncodedActions } from './actionBatchCodec.ts';
import { endsGame } from './actionPlay.ts';
import { ActionStore, type StoreVerdict } from './actionStore.ts';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { defaultLifecycle, GameLifecycle } from './gameLifecycle.ts';
import { GameRows } from './gameRows.ts';
import { GameTitles } from './gameTitles.ts';
import { KeptActions } from './keptActions.ts';
import { ImpactScorer } from './impactScorer.ts';
import { Reorderer } from './reorderer.ts';
import { RunningTotals } from './runningTotals.ts';
import { TextIds } from './textIds.ts';

import type { StreamPipelineOptions, PipelineCounters, ClosedGame, StreamCheckpoint, PushOutcome, AcceptedListener } from './streamPipeline.types.ts';
export type { StreamPipelineOptions, PipelineCounters, ClosedGame, StreamCheckpoint, PushOutcome, AcceptedListener };

export class StreamPipeline {
  readonly totals: RunningTotals;
  readonly titles: GameTitles;
  /** Actions too late to put in order (still credited) and actions of closed games (not counted). */
  readonly late: KeptActions;
  readonly afterClose: KeptActions;
  #ids: TextIds;
  #store: ActionStore;
  #reorderer: Reorderer;
  #scorer: ImpactScorer;
  #lifecycle: GameLifecycle;
  /** Open games' rows, by game id and (for parsed blocks) by the text id of the game id. */
  #rows = new Map<string, GameRows>();
  #rowsById: (GameRows | undefined)[] = [];
  #closed = new Set<string>();
  #closedById: boolean[] = [];

  constructor(options: StreamPipelineOptions, checkpoint?: StreamCheckpoint) {
    this.late = new KeptActions(options.keepSideOutput ?? 1000, checkpoint?.late);
    this.afterClose = new KeptActions(options.keepSideOutput ?? 1000, checkpoint?.afterClose);
    const reorder = { allowedLatenessSeconds: options.allowedLatenessSeconds, idleTimeoutMs: options.idleTimeoutMs };
    const lifecycle = { ...defaultLifecycle, ...options.lifecycle };
    this.#ids = new TextIds();
    for (const [gameId, held] of checkpoint?.games ?? []) this.#setRows(GameRows.decode(gameId, held, this.#ids));
    const rowsOf = (gameId: string): GameRows => this.#rows.get(gameId) ?? this.#setRows(new GameRows(gameId));
    this.#store = checkpoint ? ActionStore.fromState(checkpoint.store, [...this.#rows.values()]) : new ActionStore();
    this.#reorderer = checkpoint ? Reorderer.fromState({ ...checkpoint.reorderer, options: reorder }, rowsOf, (g, n) => this.#store.latestRow(g, n)) : new Reorderer(reorder);
    this.#scorer = checkpoint ? ImpactScorer.fromState(checkpoint.scorer) : new ImpactScorer(options.impact);
    this.totals = checkpoint ? RunningTotals.fromState(checkpoint.totals, this.#ids) : new RunningTotals(this.#ids);
    this.titles = new GameTitles(this.#ids, checkpoint?.titles);
    this.#lifecycle = new GameLifecycle(lifecycle, checkpoint ? { ...checkpoint.lifecycle, options: lifecycle } : undefined);
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

  #setRows(rows: GameRows): GameRows {
    this.#rows.set(rows.gameId, rows);
    this.#rowsById[this.#ids.id(rows.gameId)] = rows;
    return rows;
  }

  /** One action as an object; `fingerprint`: actionFingerprint(action), when the worker that parsed it sent it along. */
  pushAction(action: GameAction, nowMs: number, fingerprint = actionFingerprint(action), accepted?: AcceptedListener): PushOutcome {
    if (this.#closed.has(action.gameId)) {
      this.afterClose.add(() => action);
      return 'after-close';
    }
    const rows = this.#rows.get(action.gameId) ?? this.#setRows(new GameRows(action.gameId));
    const verdict = this.#store.offer(rows, action.actionNumber, action.orderNumber, action.editedMs, fingerprint);
    if (verdict === 'duplicate' || verdict === 'stale') return verdict;
    const row = rows.appendAction(action, fingerprint, this.#ids);
    this.#accept(rows, row, verdict, nowMs);
    accepted?.(rows, row, verdict === 'correction');
    return verdict;
  }

  /** A parsed block's actions in their order, straight from its columns (the fingerprints and play codes came with them). */
  pushBlock(block: EncodedActions, nowMs: number, accepted?: AcceptedListener): void {
    const ids = this.#ids.remap(block.dictionary);
    const { numbers, texts } = block;
    for (let r = 0; r < block.count; r++) {
      const game = ids[texts[r * TEXT_WIDTH]];
      if (this.#closedById[game] === true) {
        this.afterClose.add(() => actionOfRow(numbers, texts, r, (i) => block.dictionary[i]));
        continue;
      }
      const rows = this.#rowsById[game] ?? this.#setRows(new GameRows(this.#ids.text(game)));
      const n = r * STRIDE;
      const verdict = this.#store.offer(rows, numbers[n + Num.actionNumber], numbers[n + Num.orderNumber], numbers[n + Num.editedMs], numbers[n + Num.fingerprint]);
      if (verdict === 'duplicate' || verdict === 'stale') continue;
      const row = rows.appendRow(numbers, texts, r, ids);
      this.#accept(rows, row, verdict, nowMs);
      accepted?.(rows, row, verdict === 'correction');
    }
  }

  /** An accepted version (its row appended): held, seen, then scored now (a correction, a late one) or when released. */
  #accept(rows: GameRows, row: number, verdict: StoreVerdict, nowMs: number): void {
    const { gameId } = rows;
    const actionNumber = rows.num(row, Num.actionNumber);
    this.#store.hold(gameId, actionNumber, row);
    this.#lifecycle.arrived(gameId, rows.num(row, Num.timeActualMs), endsGame(rows.num(row, Num.play)));
    this.titles.seen(rows, row);
    const correction = verdict === 'correction';
    if (correction && this.totals.isApplied(gameId, actionNumber)) {
      // Take away what the replaced version gave (with the same factor), add the new one.
      const previous = this.#store.previousRow;
      this.totals.correct(rows, row, this.#scorer.weight(rows, row), previous, this.#scorer.weight(rows, previous));
      return;
    }
    if (this.#reorderer.push(rows, row, nowMs, correction)) {
      this.totals.add(rows, row, this.#scorer.weight(rows, row), 1);
      this.late.add(() => rows.action(row, this.#ids));
      return;
    }
    this.#score(rows, this.#reorderer.released, this.#reorderer.releasedCount);
  }

  /** Released rows of one game, in event-time order (the first `count`): each scored with its game's momentum. */
  #score(rows: GameRows, released: readonly number[], count = released.length): void {
    for (let i = 0; i < count; i++) {
      const row = released[i];
      const factor = this.#scorer.score(rows, row);
      this.totals.add(rows, row, this.#scorer.weight(rows, row), factor);
    }
  }

  /** Lets idle games release what they hold; call it every few hundred milliseconds. */
  tick(nowMs: number): void {
    for (const { rows, released } of this.#reorderer.tick(nowMs)) this.#score(rows, released);
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
      this.#markClosed(game.gameId);
      this.totals.restoreClosed(game.gameId, game.players);
    }
  }

  isClosed(gameId: string): boolean {
    return this.#closed.has(gameId);
  }

  #markClosed(gameId: string): void {
    this.#closed.add(gameId);
    this.#closedById[this.#ids.id(gameId)] = true;
  }

  #closeGame(gameId: string): ClosedGame {
    const rows = this.#rows.get(gameId) ?? new GameRows(gameId);
    this.#score(rows, this.#reorderer.closeGame(gameId));
    this.#scorer.closeGame(gameId);
    const actions = rows.encode(this.#store.latestRows(gameId), this.#ids);
    this.#store.closeGame(gameId);
    const players = this.totals.closeGame(gameId);
    const title = this.titles.title(gameId);
    this.titles.forget(gameId);
    this.#rows.delete(gameId);
    this.#rowsById[this.#ids.id(gameId)] = undefined;
    this.#markClosed(gameId);
    return { gameId, title, players, actions };
  }

  /** End of the source: everything still buffered is released. */
  finish(): void {
    for (const { rows, released } of this.#reorderer.flushAll()) this.#score(rows, released);
  }

  /** The version held for an action of an open game. */
  latest(gameId: string, actionNumber: number): GameAction | undefined {
    const row = this.#store.latestRow(gameId, actionNumber);
    return row < 0 ? undefined : this.#rows.get(gameId)?.action(row, this.#ids);
  }

  /** An accepted version of an open game by its row (the feed keeps rows). */
  action(rows: GameRows, row: number): GameAction {
    return rows.action(row, this.#ids);
  }

  /** Every held action of the open games, latest versions only (what the batch layer should agree with). */
  heldActions(): GameAction[] {
    const actions: GameAction[] = [];
    for (const rows of this.#rows.values()) for (const row of this.#store.latestRows(rows.gameId)) actions.push(rows.action(row, this.#ids));
    return actions;
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
      afterClose: this.afterClose.count,
      openGames: this.#lifecycle.openGames,
      closedGames: this.totals.closedGames,
    };
  }

  toCheckpoint(): StreamCheckpoint {
    return {
      games: [...this.#rows.values()].map((rows) => [rows.gameId, rows.encode(this.#store.latestRows(rows.gameId), this.#ids)]),
      store: this.#store.toState(),
      reorderer: this.#reorderer.toState(),
      scorer: this.#scorer.toState(),
      totals: this.totals.toState(),
      lifecycle: this.#lifecycle.toState(),
      titles: this.titles.toState(),
      late: this.late.toState(),
      afterClose: this.afterClose.toState(),
    };
  }
}
