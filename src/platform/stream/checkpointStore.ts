import { database } from '../storage/database';
import { guardQuota } from '../storage/storageStatus';
import type { ReplaySpeed } from './byteSource';
import type { StreamCheckpointRecord } from './streamSettings';

/** How to open the same source again after a reload. */
export type SourceRecipe =
  | { kind: 'file'; name: string; blob: Blob; speed: ReplaySpeed }
  | { kind: 'generator'; games: number; seed: number; speed: ReplaySpeed }
  | { kind: 'url'; url: string };

export interface SavedStream {
  record: StreamCheckpointRecord;
  recipe: SourceRecipe | null;
  savedAt: number;
}

const CHECKPOINT = 'stream:current';
const RECIPE = 'stream:current-source';

/**
 * The running stream's checkpoint in IndexedDB (store streamCheckpoints): the pipeline's
 * state at the committed offset, written every few seconds, and — once per stream — the
 * recipe of its source (a dropped file is kept as a Blob), so a reload resumes by itself.
 */
export async function saveSourceRecipe(recipe: SourceRecipe | null): Promise<void> {
  const db = await database();
  if (recipe === null) {
    await db.delete('streamCheckpoints', RECIPE);
    return;
  }
  await guardQuota('the stream source', () => db.put('streamCheckpoints', { id: RECIPE, savedAt: Date.now(), state: recipe }));
}

export async function saveCheckpoint(record: StreamCheckpointRecord): Promise<void> {
  const db = await database();
  await guardQuota('the stream checkpoint', () => db.put('streamCheckpoints', { id: CHECKPOINT, savedAt: Date.now(), state: record }));
}

export async function loadSavedStream(): Promise<SavedStream | null> {
  const db = await database();
  const checkpoint = await db.get('streamCheckpoints', CHECKPOINT);
  if (!checkpoint) return null;
  const recipe = await db.get('streamCheckpoints', RECIPE);
  return { record: checkpoint.state as StreamCheckpointRecord, recipe: (recipe?.state as SourceRecipe | undefined) ?? null, savedAt: checkpoint.savedAt };
}

export async function clearSavedStream(): Promise<void> {
  const db = await database();
  await db.delete('streamCheckpoints', CHECKPOINT);
  await db.delete('streamCheckpoints', RECIPE);
}
