import { database } from '../storage/database';
import { guardQuota } from '../storage/storageStatus';
import { CHECKPOINT_VERSION, type StreamCheckpointRecord } from './streamSettings';
import type { ArchivedGame, SavedStream, SourceRecipe, StreamStorage, StreamWrite } from './streamStorage';

const CHECKPOINT = 'stream:current';
const RECIPE = 'stream:current-source';
/** One record per closed game: `stream:closed:<gameId>`. */
const CLOSED = 'stream:closed:';
const closedRange = (): IDBKeyRange => IDBKeyRange.bound(CLOSED, `${CLOSED}\uffff`);

function what(item: StreamWrite): string {
  return item.kind === 'recipe' ? 'the stream source' : 'the stream checkpoint';
}

/**
 * The running stream in IndexedDB (store streamCheckpoints): the recipe of its source, once
 * (a dropped file is kept as a Blob), so a reload resumes by itself; and every few seconds
 * the checkpoint of the open games with the final totals of the games closed since, each
 * game archived once.
 */
export const indexedDbStreamStorage: StreamStorage = {
  async load(): Promise<SavedStream | null> {
    const db = await database();
    const recipe = await db.get('streamCheckpoints', RECIPE);
    if (!recipe) return null;
    const checkpoint = await db.get('streamCheckpoints', CHECKPOINT);
    const record = checkpoint?.state as StreamCheckpointRecord | undefined;
    const closed = (await db.getAll('streamCheckpoints', closedRange())).map((row) => row.state as ArchivedGame);
    // A checkpoint of an older version of the app is not read: the stream starts again from line 1.
    const current = record?.version === CHECKPOINT_VERSION ? record : null;
    return { recipe: recipe.state as SourceRecipe, record: current, closed: current ? closed : [] };
  },

  async write(item: StreamWrite): Promise<void> {
    const db = await database();
    if (item.kind === 'clear') {
      const tx = db.transaction('streamCheckpoints', 'readwrite');
      await Promise.all([tx.store.delete(CHECKPOINT), tx.store.delete(RECIPE), tx.store.delete(closedRange()), tx.done]);
      return;
    }
    const savedAt = Date.now();
    if (item.kind === 'recipe') {
      await guardQuota(what(item), () => db.put('streamCheckpoints', { id: RECIPE, state: item.recipe, savedAt }));
      return;
    }
    // The games closed since the last checkpoint and the checkpoint without them, in one
    // transaction (a transaction costs more than a put, and either both reach the disk or neither).
    await guardQuota(what(item), async () => {
      const tx = db.transaction('streamCheckpoints', 'readwrite');
      await Promise.all([
        ...item.closed.map((game) => tx.store.put({ id: `${CLOSED}${game.gameId}`, state: game, savedAt })),
        tx.store.put({ id: CHECKPOINT, state: item.record, savedAt }),
        tx.done,
      ]);
    });
  },
};
