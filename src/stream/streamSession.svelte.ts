import type { GameAction } from '../core/events/gameAction';
import type { Reject } from '../core/events/parseAction';
import { notices } from '../app/notices.svelte';
import { compareWithBatch, runBatchLayer, type BatchResult, type ConsistencyView } from '../platform/stream/batchLayer';
import { streamEngine, viewCallback } from '../platform/stream/streamEngineClient';
import type { SourceRecipe, StreamSettings, StreamView, ViewOptions } from '../platform/stream/streamEngine.api';
import { defaultStreamSettings } from '../platform/stream/streamSettings';

export type { StreamView };

/**
 * The Stream workspace's state: a mirror of the coordinator worker's view (at most five a
 * second) and the commands the components send it. Nothing here computes the stream; the
 * worker owns the sources, the pool, the model and storage (src/platform/stream).
 */
export class StreamSession {
  view = $state.raw<StreamView | null>(null);
  settings = $state<StreamSettings>({ ...defaultStreamSettings });
  viewOptions = $state<ViewOptions>({ leaderboardGame: null, rankBy: 'impact', feedGame: null });
  lagSloMs = $state(10_000);
  side = $state.raw<{ rejects: Reject[]; late: GameAction[]; afterClose: GameAction[] }>({ rejects: [], late: [], afterClose: [] });
  batch = $state.raw<{ result: BatchResult; report: ConsistencyView } | null>(null);
  batchBusy = $state(false);
  #engine = streamEngine();
  #problem: string | null = null;
  #attached = false;

  get running(): boolean {
    return this.view?.status === 'running';
  }

  /** On screen: views flow; the first time, a saved stream resumes, or `sample` plays. */
  async attach(sample: () => Promise<SourceRecipe>): Promise<void> {
    if (this.#attached) return;
    this.#attached = true;
    try {
      this.settings = await this.#engine.settings();
      const resumed = await this.#engine.open(viewCallback((view: StreamView) => this.#receive(view)));
      if (!resumed) await this.play(await sample());
    } catch (error) {
      notices.error(error, 'Opening the Stream workspace');
    }
  }

  /** Off screen: the stream goes on in its worker; no views are sent. */
  detach(): void {
    this.#attached = false;
    void this.#engine.close();
  }

  async play(recipe: SourceRecipe): Promise<void> {
    this.batch = null;
    await this.#engine.play(recipe).catch((error: unknown) => notices.error(error, 'Starting the stream'));
  }

  async connect(url: string): Promise<void> {
    this.batch = null;
    await this.#engine.connect(url).catch((error: unknown) => notices.error(error, 'Connecting the WebSocket'));
  }

  stop(): void {
    void this.#engine.stop();
  }

  update(change: Partial<StreamSettings>): void {
    this.settings = { ...this.settings, ...change };
    this.#engine.update(change).catch((error: unknown) => notices.error(error, 'Changing the stream settings'));
  }

  choose(change: Partial<ViewOptions>): void {
    this.viewOptions = { ...this.viewOptions, ...change };
    void this.#engine.setView(change);
  }

  retrySaves(): void {
    void this.#engine.retrySaves();
  }

  playerGamesCsv(): Promise<string> {
    return this.#engine.playerGamesCsv();
  }

  /** The accepted actions into DuckDB (built as Arrow in the worker), recomputed in SQL, compared with the live totals. */
  async recomputeBatch(): Promise<void> {
    this.batchBusy = true;
    try {
      const input = await this.#engine.batchInput();
      const result = await runBatchLayer(input, {});
      const streaming = { gameScore: new Map(input.gameScore), impact: new Map(input.impact) };
      this.batch = { result, report: compareWithBatch(streaming, result.scores) };
    } catch (error) {
      notices.error(error, 'The batch recomputation in DuckDB');
    } finally {
      this.batchBusy = false;
    }
  }

  #receive(view: StreamView): void {
    this.view = view;
    if (view.side !== null) this.side = view.side;
    if (view.problem !== null && view.problem !== this.#problem) notices.add('error', view.problem);
    this.#problem = view.problem;
  }
}

let session: StreamSession | null = null;

/** The one Stream state of the page, made when the workspace first opens (its worker with it). */
export function streamSession(): StreamSession {
  session ??= new StreamSession();
  return session;
}
