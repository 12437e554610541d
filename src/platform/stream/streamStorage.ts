import type { ClosedGame } from '../../core/events/streamPipeline';
import type { ReplaySpeed } from './byteSource';
import type { StreamCheckpointRecord } from './streamSettings';

/** How to open the same source again after a reload. */
export type SourceRecipe =
  | { kind: 'file'; name: string; blob: Blob; speed: ReplaySpeed }
  | { kind: 'generator'; games: number; seed: number; speed: ReplaySpeed }
  | { kind: 'url'; url: string };

/** A closed game as archived: written once, read back when the stream resumes. */
export type ArchivedGame = ClosedGame;

/** What a resumed stream starts from. */
export interface SavedStream {
  recipe: SourceRecipe;
  /** null when the stream was saved before its first checkpoint: it starts again from line 1. */
  record: StreamCheckpointRecord | null;
  closed: ArchivedGame[];
}

/**
 * One write of the running stream, in the order they must reach the disk. The games that
 * closed since the last checkpoint go with the next one, in the same transaction: on disk
 * a game is either open in the checkpoint or archived, never neither nor both.
 */
export type StreamWrite =
  | { kind: 'recipe'; recipe: SourceRecipe }
  | { kind: 'checkpoint'; record: StreamCheckpointRecord; closed: ArchivedGame[] }
  | { kind: 'clear' };

/** Where the stream is kept between visits: IndexedDB in the app, memory in tests. */
export interface StreamStorage {
  load(): Promise<SavedStream | null>;
  write(item: StreamWrite): Promise<void>;
}

/** The same contract in memory, with a switch that makes writes fail (tests of a full disk). */
export class MemoryStreamStorage implements StreamStorage {
  recipe: SourceRecipe | null = null;
  record: StreamCheckpointRecord | null = null;
  closed = new Map<string, ArchivedGame>();
  /** While set, every write throws it. */
  failure: Error | null = null;
  writes = 0;

  async load(): Promise<SavedStream | null> {
    if (this.recipe === null) return null;
    return structuredClone({ recipe: this.recipe, record: this.record, closed: [...this.closed.values()] });
  }

  async write(item: StreamWrite): Promise<void> {
    if (this.failure) throw this.failure;
    this.writes++;
    if (item.kind === 'recipe') this.recipe = item.recipe;
    else if (item.kind === 'checkpoint') {
      for (const game of item.closed) this.closed.set(game.gameId, structuredClone(game));
      this.record = structuredClone(item.record);
    }
    else {
      this.recipe = null;
      this.record = null;
      this.closed.clear();
    }
  }
}
