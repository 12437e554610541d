import { database } from '../storage/database';
import { guardQuota } from '../storage/storageStatus';

/** A view set (YAML) a coach or squad keeps on the device. */
export interface SavedViewSet {
  readonly id: string;
  readonly name: string;
  readonly owner: string | null;
  readonly yaml: string;
}

/** The saved view sets (IndexedDB `views`): what the Ride's view settings list and load. */
export const viewSets = {
  async list(): Promise<SavedViewSet[]> {
    const db = await database();
    return (await db.getAll('views')).map((v) => ({ id: v.id, name: v.name, owner: v.owner, yaml: v.yaml }));
  },
  async save(set: SavedViewSet): Promise<void> {
    const db = await database();
    await guardQuota('the view set', () => db.put('views', { ...set, updatedAt: Date.now() }));
  },
  async remove(id: string): Promise<void> {
    const db = await database();
    await db.delete('views', id);
  },
};
