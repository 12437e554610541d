import { playerGameKey, type LeaderboardRow, type PlayerTotal } from '../core/events/runningTotals';
import type { GameAction } from '../core/events/gameAction';
import type { Reject } from '../core/events/parseAction';
import type { PipelineCounters } from '../core/events/streamPipeline';
import { computePool } from '../platform/pool/browserPool';
import type { ByteSource } from '../platform/stream/byteSource';
import { fileSource, generatorSource } from '../platform/stream/fileSource';
import { fetchSource } from '../platform/stream/liveSources';
import { saveCheckpoint, saveSourceRecipe, type SourceRecipe } from '../platform/stream/checkpointStore';
import type { LineBlockInput, ParsedBlock } from '../platform/stream/parsedBlock';
import { defaultStreamSettings, StreamCoordinator, type StreamCheckpointRecord, type StreamSettings } from '../platform/stream/streamCoordinator';
import type { HealthPoint } from '../platform/stream/streamMetrics';
import { notices } from '../app/notices.svelte';

export interface StreamView {
  status: StreamCoordinator['state'];
  label: string;
  counters: PipelineCounters & { drops: number };
  dropsByClass: number[];
  queueDepth: number;
  workers: number;
  throughput: number;
  lagMs: number;
  latency: { p50: number; p95: number; p99: number };
  history: HealthPoint[];
  games: string[];
  resumedFromLine: number;
  checkpointLine: number;
}

const CHECKPOINT_EVERY_MS = 2000;
/** A checkpoint costs more as the stream grows: keep it under a tenth of the main thread's time. */
const CHECKPOINT_SHARE = 10;

export function recipeSource(recipe: SourceRecipe): ByteSource {
  if (recipe.kind === 'file') return fileSource(recipe.blob, recipe.speed, recipe.name);
  if (recipe.kind === 'generator') return generatorSource(recipe);
  return fetchSource(recipe.url);
}

/**
 * The Stream workspace's state: one coordinator at a time, its settings (changeable while
 * it runs), and a view of it refreshed at most every 200 ms on an animation frame — the
 * coordinator itself never touches the DOM.
 */
export class StreamSession {
  settings = $state<StreamSettings>({ ...defaultStreamSettings });
  lagSloMs = $state(10_000);
  view = $state<StreamView | null>(null);
  /** Bumped with the view, so components re-read the coordinator's lists. */
  revision = $state(0);
  #coordinator: StreamCoordinator | null = null;
  #frame = 0;
  #lastView = 0;
  #lastCheckpoint = 0;
  #checkpointCostMs = 0;
  #checkpointLine = 0;
  #resumedFromLine = 0;

  get coordinator(): StreamCoordinator | null {
    return this.#coordinator;
  }

  get running(): boolean {
    return this.#coordinator?.state === 'running';
  }

  /** Starts a source (a recipe, so it can be reopened after a reload), resuming from a checkpoint. */
  async start(recipe: SourceRecipe | null, source: ByteSource, resume?: StreamCheckpointRecord): Promise<void> {
    this.stop();
    const pool = computePool();
    const coordinator = new StreamCoordinator(this.settings, {
      run: (input: LineBlockInput) => pool.run('parseLineBlock', input),
      resizePool: (workers) => pool.resize(workers),
      poolWorkers: () => pool.stats.workers,
    }, resume && resume.resumeKey === source.resumeKey ? resume : undefined);
    this.#coordinator = coordinator;
    this.#checkpointLine = 0;
    // A fresh view at once rather than none: the health panel stays mounted, and its ten
    // charts are not built again (about 25 ms each) at every new stream.
    this.#resumedFromLine = coordinator.lines;
    this.#refresh();
    this.#lastCheckpoint = performance.now();
    if (source.resumeKey !== null) await saveSourceRecipe(recipe).catch((error) => notices.error(error, 'Saving the stream source'));
    this.#loop();
    try {
      await coordinator.run(source);
    } catch (error) {
      notices.error(error, `The stream ${source.label} stopped`);
    } finally {
      if (this.#coordinator === coordinator) {
        this.#refresh();
        if (source.resumeKey !== null && coordinator.state === 'finished') await this.#checkpoint(coordinator);
      }
    }
  }

  stop(): void {
    this.#coordinator?.stop();
    cancelAnimationFrame(this.#frame);
  }

  update(change: Partial<StreamSettings>): void {
    this.settings = { ...this.settings, ...change };
    this.#coordinator?.setSettings(change);
  }

  leaderboard(by: 'impact' | 'gameScore', gameId: string | null, limit = 10): LeaderboardRow[] {
    return this.#coordinator?.pipeline.totals.leaderboard({ by, gameId: gameId ?? undefined, limit }) ?? [];
  }

  playerGames(): PlayerTotal[] {
    return this.#coordinator?.pipeline.totals.playerGames() ?? [];
  }

  feed(gameId: string): GameAction[] {
    return (this.#coordinator?.recent.get(gameId) ?? []).slice(-12).reverse();
  }

  get rejects(): Reject[] {
    return this.#coordinator?.rejects ?? [];
  }

  get late(): GameAction[] {
    return this.#coordinator?.pipeline.late ?? [];
  }

  streamingScores(): { gameScore: Map<string, number>; impact: Map<string, number> } {
    const scores = { gameScore: new Map<string, number>(), impact: new Map<string, number>() };
    for (const p of this.playerGames()) {
      scores.gameScore.set(playerGameKey(p.gameId, p.personId), p.gameScore);
      scores.impact.set(playerGameKey(p.gameId, p.personId), p.impact);
    }
    return scores;
  }

  #loop(): void {
    cancelAnimationFrame(this.#frame);
    const step = (): void => {
      const coordinator = this.#coordinator;
      if (!coordinator) return;
      const now = performance.now();
      if (now - this.#lastView >= 200) this.#refresh();
      if (now - this.#lastCheckpoint >= Math.max(CHECKPOINT_EVERY_MS, CHECKPOINT_SHARE * this.#checkpointCostMs) && coordinator.resumable) {
        this.#lastCheckpoint = now;
        void this.#checkpoint(coordinator);
      }
      if (coordinator.state === 'running') this.#frame = requestAnimationFrame(step);
    };
    this.#frame = requestAnimationFrame(step);
  }

  async #checkpoint(coordinator: StreamCoordinator): Promise<void> {
    try {
      const started = performance.now();
      const record = coordinator.checkpoint();
      const saved = saveCheckpoint(record);
      // What blocks this thread: building the record and the clone inside put (synchronous).
      this.#checkpointCostMs = performance.now() - started;
      await saved;
      if (this.#coordinator === coordinator) {
        this.#checkpointLine = record.lines;
        if (this.view) this.view = { ...this.view, checkpointLine: record.lines };
      }
    } catch (error) {
      notices.error(error, 'Saving the stream checkpoint');
    }
  }

  #refresh(): void {
    const c = this.#coordinator;
    if (!c) return;
    this.#lastView = performance.now();
    const point = c.metrics.sample({ queueDepth: c.queueDepth, drops: c.drops, rejects: c.rejectCount, late: c.pipeline.reorderer.lateCount, corrected: c.pipeline.totals.correctedCount });
    void point;
    const [p50, p95, p99] = c.metrics.latency.percentiles([50, 95, 99]);
    this.view = {
      status: c.state,
      label: this.view?.label ?? '',
      counters: { ...c.pipeline.counters(), lines: c.lines, rejects: c.rejectCount, drops: c.drops },
      dropsByClass: c.dropsByClass,
      queueDepth: c.queueDepth,
      workers: computePool().stats.workers,
      throughput: c.metrics.averageThroughput,
      lagMs: c.metrics.currentLagMs,
      latency: { p50, p95, p99 },
      history: c.metrics.history.slice(),
      games: [...c.recent.keys()].sort(),
      resumedFromLine: this.#resumedFromLine,
      checkpointLine: this.#checkpointLine,
    };
    this.revision++;
  }
}
