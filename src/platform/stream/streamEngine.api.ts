/**
 * The one typed boundary to the Stream's coordinator worker (workers/stream.worker.ts),
 * `Remote<StreamEngineApi>` on the page. The page sends commands and receives a small view
 * at most every 200 ms; everything else — sources, the compute pool, the model, storage —
 * stays in the worker.
 */
import type { GameAction } from '../../core/events/gameAction';
import type { Reject } from '../../core/events/parseAction';
import type { LeaderboardRow } from '../../core/events/runningTotals';
import type { PipelineCounters } from '../../core/events/streamPipeline';
import type { HealthPoint } from './streamMetrics';
import type { RunState } from './streamRun';
import type { StreamSettings } from './streamSettings';
import type { SourceRecipe } from './streamStorage';

export type { SourceRecipe, StreamSettings, RunState, HealthPoint };

/** What the page chooses to see; the worker builds only that. */
export interface ViewOptions {
  /** The leaderboard's game, or null for all games (summed). */
  leaderboardGame: string | null;
  rankBy: 'impact' | 'gameScore';
  /** The feed's game (the first game when null or gone). */
  feedGame: string | null;
}

export interface GameName {
  gameId: string;
  /** "CHI @ DET · 2 Feb". */
  title: string;
  closed: boolean;
}

export interface FeedEntry {
  /** gameId#actionNumber: one entry per action, whatever came twice. */
  key: string;
  action: GameAction;
}

export interface SaveView {
  /** The last line a checkpoint on disk covers. */
  checkpointLine: number;
  /** Writes waiting for storage (a full disk): retried, never dropped. */
  waiting: number;
  problem: string | null;
}

export interface StreamView {
  status: RunState;
  label: string;
  /** "Resumed games.jsonl from line 1,204 (checkpoint of 20:11:05)." after a reload; '' otherwise. */
  resumed: string;
  /** Why the stream stopped, in words, when it failed or was refused. */
  problem: string | null;
  counters: PipelineCounters & { lines: number; rejects: number; drops: number };
  dropsByClass: number[];
  queueDepth: number;
  workers: number;
  cores: number;
  throughput: number;
  lagMs: number;
  latency: { p50: number; p95: number; p99: number };
  history: HealthPoint[];
  games: GameName[];
  leaderboard: LeaderboardRow[];
  feed: FeedEntry[];
  feedGame: string | null;
  save: SaveView;
  /** Bumped when a side output below changed; the lists come only then. */
  sideVersion: number;
  side: { rejects: Reject[]; late: GameAction[]; afterClose: GameAction[] } | null;
}

/** Everything the batch layer on the page needs: actions_raw as Arrow IPC, and the live scores. */
export interface BatchInput {
  ipc: Uint8Array;
  actions: number;
  gameScore: [string, number][];
  impact: [string, number][];
}

export interface StreamEngineApi {
  /**
   * Starts sending views to `onView` (the page's state); resumes the saved stream when there
   * is one and answers true, else false (the page then plays its sample).
   */
  open(onView: (view: StreamView) => void): Promise<boolean>;
  /** Stops sending views (the workspace is not on screen); the stream itself goes on. */
  close(): Promise<void>;
  /** A new stream from a recipe (the previous one stops, its saved state is cleared). */
  play(recipe: SourceRecipe): Promise<void>;
  /** A live WebSocket feed (not resumable). */
  connect(url: string): Promise<void>;
  stop(): Promise<void>;
  update(change: Partial<StreamSettings>): Promise<StreamSettings>;
  settings(): Promise<StreamSettings>;
  setView(options: Partial<ViewOptions>): Promise<void>;
  /** Every player-game as CSV (gameId, personId, counts, Game Score, impact). */
  playerGamesCsv(): Promise<string>;
  batchInput(): Promise<BatchInput>;
  /** Tries the waiting writes again now (after the person freed space). */
  retrySaves(): Promise<void>;
}
