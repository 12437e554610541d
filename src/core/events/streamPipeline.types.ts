/** What the Stream's model (StreamPipeline) takes as options and gives back: counters, closed games, checkpoints. */
import type { ActionStoreState } from './actionStore.ts';
import type { GameRows } from './gameRows.ts';
import type { GameTitlesState } from './gameTitles.ts';
import type { KeptActionsState } from './keptActions.ts';
import type { ImpactScorerState } from './impactScorer.ts';
import type { ImpactOptions } from './impactModel.ts';
import type { LifecycleOptions, LifecycleState } from './gameLifecycle.ts';
import type { ReordererState } from './reorderer.ts';
import type { PlayerTotal, RunningTotalsState } from './runningTotals.ts';
import type { EncodedActions } from './actionBatchCodec.ts';

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
  /** "CHI @ DET · 2 Feb". */
  title: string;
  players: PlayerTotal[];
  /** The latest version of each of its actions, for the batch layer. */
  actions: EncodedActions;
}

export interface StreamCheckpoint {
  /** Each open game's held versions (one row per action, its latest version). */
  games: [string, EncodedActions][];
  store: ActionStoreState;
  reorderer: ReordererState;
  scorer: ImpactScorerState;
  totals: RunningTotalsState;
  lifecycle: LifecycleState;
  titles: GameTitlesState;
  late: KeptActionsState;
  afterClose: KeptActionsState;
}

export type PushOutcome = 'new' | 'correction' | 'duplicate' | 'stale' | 'after-close';

/** Told of every accepted version (new or correction), as a row of its game. */
export type AcceptedListener = (rows: GameRows, row: number, correction: boolean) => void;
