import { playerGamesCsv } from '../../core/events/playerGamesCsv';
import { decodeActions } from '../../core/events/actionBatchCodec';
import type { GameAction } from '../../core/events/gameAction';
import { playerGameKey } from '../../core/events/runningTotals';
import { describeError } from '../dataError';
import { actionsRawIpc } from './actionsRawIpc';
import type { ByteSource } from './byteSource';
import { fileSource, generatorSource } from './fileSource';
import { fetchSource, webSocketSource } from './liveSources';
import { SaveQueue } from './saveQueue';
import type { BatchInput, SaveView, StreamEngineApi, StreamView, ViewOptions } from './streamEngine.api';
import { StreamRun, type StreamPool } from './streamRun';
import { defaultStreamSettings, type StreamSettings } from './streamSettings';
import type { ArchivedGame, SavedStream, SourceRecipe, StreamStorage } from './streamStorage';
import { streamView, type ViewContext } from './streamView';

export interface EngineDeps {
  pool: StreamPool;
  storage: StreamStorage;
  cores: number;
  /** Opens a recipe's source; by default files, the generator and URLs as the app has them. */
  openSource?: (recipe: SourceRecipe) => ByteSource;
}

const VIEW_EVERY_MS = 200;
const CHECKPOINT_EVERY_MS = 2000;
/** A checkpoint costs more as the open games grow: keep it under a tenth of the coordinator's time. */
const CHECKPOINT_SHARE = 10;

export function recipeSource(recipe: SourceRecipe): ByteSource {
  if (recipe.kind === 'file') return fileSource(recipe.blob, recipe.speed, recipe.name);
  if (recipe.kind === 'generator') return generatorSource(recipe);
  return fetchSource(recipe.url);
}

/**
 * The Stream's engine: it owns the sources, the compute pool, storage and the model (one
 * StreamRun at a time), and gives the page a small view at most every 200 ms. It runs in
 * the coordinator worker in the app (workers/stream.worker.ts), and as it is in Node for the
 * tests, the benchmark and check:real — the same code on the same path.
 */
export class StreamEngine implements StreamEngineApi {
  #deps: EngineDeps;
  #settings: StreamSettings = { ...defaultStreamSettings };
  #run: StreamRun | null = null;
  #finished: Promise<void> = Promise.resolve();
  #context: ViewContext;
  #onView: ((view: StreamView) => void) | null = null;
  /** The next view's timer: views leave at most every VIEW_EVERY_MS, and every VIEW_EVERY_MS while a run runs. */
  #viewTimer: ReturnType<typeof setTimeout> | null = null;
  #lastViewMs = -Infinity;
  #viewWaiters: (() => void)[] = [];
  #checkpointTimer: ReturnType<typeof setInterval> | null = null;
  #lastCheckpointMs = 0;
  #checkpointCostMs = 0;
  #saves: SaveQueue;
  #openedOnce = false;
  /** Closed games of this stream (their actions, for the batch layer). */
  #archive = new Map<string, ArchivedGame>();
  /** Closed games not on disk yet: they go with the next checkpoint. */
  #unsaved: ArchivedGame[] = [];

  constructor(deps: EngineDeps) {
    this.#deps = deps;
    const save: SaveView = { checkpointLine: 0, waiting: 0, problem: null };
    this.#context = { label: '', resumed: '', problem: null, options: { leaderboardGame: null, rankBy: 'impact', feedGame: null }, save, cores: deps.cores, sideSeen: { version: 0, counts: '' } };
    this.#saves = new SaveQueue(deps.storage, (status, saved) => {
      this.#context.save = { ...this.#context.save, waiting: status.waiting, problem: status.problem };
      if (saved?.kind === 'checkpoint') this.#context.save.checkpointLine = saved.record.lines;
      this.#requestView();
    });
  }

  /** The run on screen (tests and checks read its model). */
  get run(): StreamRun | null {
    return this.#run;
  }

  /** Resolves when the current run has ended (finished, stopped or failed). */
  whenDone(): Promise<void> {
    return this.#finished;
  }

  /** Resolves once the view that is due (a run's end, a save) has left; at once when none is due. */
  viewsDelivered(): Promise<void> {
    if (this.#viewTimer === null) return Promise.resolve();
    return new Promise((resolve) => this.#viewWaiters.push(resolve));
  }

  /** Resolves when every write so far is on disk. */
  savesDrained(): Promise<void> {
    return this.#saves.drained();
  }

  async open(onView: (view: StreamView) => void): Promise<boolean> {
    this.#onView = onView;
    this.#context.sideSeen = { version: this.#context.sideSeen.version, counts: '' };
    if (this.#openedOnce) {
      this.#requestView();
      return this.#run !== null;
    }
    this.#openedOnce = true;
    let saved: SavedStream | null = null;
    try {
      saved = await this.#deps.storage.load();
    } catch (error) {
      this.#context.problem = `The saved stream could not be read (${describeError(error)}); starting afresh.`;
      this.#requestView();
    }
    if (saved === null) return false;
    const source = (this.#deps.openSource ?? recipeSource)(saved.recipe);
    const at = saved.record ? `line ${saved.record.lines.toLocaleString('en')} (checkpoint of ${new Date(saved.record.savedAt).toLocaleTimeString('en-GB')})` : 'its start (no checkpoint had been saved yet)';
    this.#context.resumed = `Resumed ${source.label} from ${at}.`;
    await this.#start(source, null, saved);
    return true;
  }

  async close(): Promise<void> {
    this.#onView = null;
    if (this.#viewTimer !== null) clearTimeout(this.#viewTimer);
    this.#viewTimer = null;
    for (const wake of this.#viewWaiters.splice(0)) wake();
  }

  async play(recipe: SourceRecipe): Promise<void> {
    const source = (this.#deps.openSource ?? recipeSource)(recipe);
    this.#context.resumed = '';
    await this.#start(source, recipe);
  }

  async connect(url: string): Promise<void> {
    this.#context.resumed = '';
    await this.#start(webSocketSource(url), null);
  }

  async stop(): Promise<void> {
    this.#run?.stop();
    await this.#finished;
  }

  async update(change: Partial<StreamSettings>): Promise<StreamSettings> {
    this.#settings = { ...this.#settings, ...change };
    this.#run?.setSettings(change);
    this.#requestView();
    return { ...this.#settings };
  }

  async settings(): Promise<StreamSettings> {
    return { ...this.#settings };
  }

  async setView(options: Partial<ViewOptions>): Promise<void> {
    this.#context.options = { ...this.#context.options, ...options };
    this.#requestView();
  }

  async playerGamesCsv(): Promise<string> {
    return playerGamesCsv(this.#run?.pipeline.totals.playerGames() ?? []);
  }

  async batchInput(): Promise<BatchInput> {
    const run = this.#run;
    const open = run?.pipeline.heldActions() ?? [];
    const closed: GameAction[] = [];
    for (const game of this.#archive.values()) for (const { action } of decodeActions(game.actions)) closed.push(action);
    const actions = [...closed, ...open];
    const gameScore: [string, number][] = [];
    const impact: [string, number][] = [];
    for (const p of run?.pipeline.totals.playerGames() ?? []) {
      gameScore.push([playerGameKey(p.gameId, p.personId), p.gameScore]);
      impact.push([playerGameKey(p.gameId, p.personId), p.impact]);
    }
    return { ipc: actionsRawIpc(actions), actions: actions.length, gameScore, impact };
  }

  async retrySaves(): Promise<void> {
    this.#saves.retryNow();
  }

  /** Stops the run and the timers (a test's end; the worker lives as long as the page). */
  async dispose(): Promise<void> {
    await this.stop();
    await this.close();
    if (this.#checkpointTimer !== null) clearInterval(this.#checkpointTimer);
    this.#checkpointTimer = null;
  }

  /** Writes a checkpoint now (tests; the app checkpoints on its own every few seconds). */
  checkpointNow(): void {
    const run = this.#run;
    if (run === null || !run.resumable) return;
    const started = performance.now();
    this.#saves.push({ kind: 'checkpoint', record: run.checkpoint(), closed: this.#unsaved.splice(0) });
    this.#checkpointCostMs = performance.now() - started;
    this.#lastCheckpointMs = performance.now();
  }

  async #start(source: ByteSource, recipe: SourceRecipe | null, resume?: SavedStream): Promise<void> {
    this.#run?.stop();
    await this.#finished;
    this.#archive = new Map((resume?.closed ?? []).map((game) => [game.gameId, game]));
    this.#unsaved = [];
    const record = resume?.record && resume.record.resumeKey === source.resumeKey ? resume.record : undefined;
    const run = new StreamRun(this.#settings, this.#deps.pool, record ? { record, closed: resume?.closed ?? [] } : undefined, (games) => {
      for (const game of games) this.#archive.set(game.gameId, game);
      // A source that cannot resume is never checkpointed: its games stay in memory only.
      if (this.#run?.resumable) this.#unsaved.push(...games);
    });
    this.#run = run;
    this.#context.label = source.label;
    this.#context.problem = null;
    this.#context.save = { ...this.#context.save, checkpointLine: record?.lines ?? 0 };
    if (resume === undefined) {
      // A new stream: the last one's saved state goes, this one's source is saved (a file as a Blob) to resume after a reload.
      this.#saves.restart();
      if (recipe !== null && source.resumeKey !== null) this.#saves.push({ kind: 'recipe', recipe });
    }
    this.#lastCheckpointMs = performance.now();
    this.#checkpointTimer ??= setInterval(() => this.#checkpointWhenDue(), 250);
    this.#requestView();
    this.#finished = run.run(source).then(
      () => undefined,
      (error: unknown) => {
        if (this.#run === run) this.#context.problem = `The stream ${source.label} stopped: ${describeError(error)}`;
      },
    ).finally(() => {
      if (this.#run !== run) return;
      if (run.state === 'finished') this.checkpointNow();
      this.#requestView();
    });
  }

  #checkpointWhenDue(): void {
    const run = this.#run;
    if (run?.state !== 'running' || !run.resumable) return;
    if (performance.now() - this.#lastCheckpointMs >= Math.max(CHECKPOINT_EVERY_MS, CHECKPOINT_SHARE * this.#checkpointCostMs)) this.checkpointNow();
  }

  /**
   * A view is due: it leaves at once when the last one is VIEW_EVERY_MS old, else when it
   * is; however many changes come meanwhile (saves, settings, a burst of closing games),
   * one view carries them all. While a run runs, views keep coming every VIEW_EVERY_MS.
   */
  #requestView(): void {
    if (this.#onView === null || this.#viewTimer !== null) return;
    const wait = Math.max(0, this.#lastViewMs + VIEW_EVERY_MS - performance.now());
    this.#viewTimer = setTimeout(() => {
      this.#viewTimer = null;
      this.#emit();
      for (const wake of this.#viewWaiters.splice(0)) wake();
      if (this.#run?.state === 'running') this.#requestView();
    }, wait);
  }

  #emit(): void {
    if (this.#onView === null) return;
    this.#lastViewMs = performance.now();
    this.#run?.metrics.sample({ queueDepth: this.#run.queueDepth, drops: this.#run.drops, rejects: this.#run.rejectCount, late: this.#run.pipeline.counters().late, corrected: this.#run.pipeline.totals.correctedCount });
    this.#onView(streamView(this.#run, this.#context));
  }
}
