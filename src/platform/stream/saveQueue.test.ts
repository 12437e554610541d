import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreamCheckpointRecord } from './streamSettings';
import { SaveQueue, type SaveStatus } from './saveQueue';
import type { StreamStorage, StreamWrite } from './streamStorage';

const checkpoint = (lines: number): StreamWrite => ({ kind: 'checkpoint', record: { lines } as StreamCheckpointRecord });

/** Storage that records writes and fails while `full` is set, answering after a tick (as IndexedDB does). */
function storage(): StreamStorage & { written: string[]; full: boolean } {
  const store = {
    written: [] as string[],
    full: false,
    load: async () => null,
    write: async (item: StreamWrite) => {
      await Promise.resolve();
      if (store.full) throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
      store.written.push(item.kind === 'checkpoint' ? `checkpoint ${item.record.lines}` : item.kind === 'closed' ? `closed ${item.games.map((g) => g.gameId).join(' ')}` : item.kind);
    },
  };
  return store;
}

afterEach(() => vi.useRealTimers());

describe('SaveQueue', () => {
  it('writes in order, one at a time, and a newer checkpoint replaces one that waits', async () => {
    const disk = storage();
    const queue = new SaveQueue(disk);
    queue.push({ kind: 'recipe', recipe: { kind: 'url', url: 'https://example.org/feed' } });
    queue.push(checkpoint(10));
    queue.push(checkpoint(20));
    queue.push(checkpoint(30));
    await queue.drained();
    expect(disk.written).toEqual(['recipe', 'checkpoint 30']);
  });

  it('writes games that close while others wait in one write, in the order they closed', async () => {
    const disk = storage();
    const queue = new SaveQueue(disk);
    const closed = (...ids: string[]): StreamWrite => ({ kind: 'closed', games: ids.map((gameId) => ({ gameId, title: gameId, players: [], actions: { count: 0, numbers: new Float64Array(0), texts: new Int32Array(0), dictionary: [] } })) });
    queue.push(closed('a'));
    queue.push(closed('b', 'c'));
    queue.push(closed('d'));
    queue.push(checkpoint(10));
    queue.push(closed('e'));
    await queue.drained();
    // 'a' was being written when the others came; a checkpoint keeps its place between games.
    expect(disk.written).toEqual(['closed a', 'closed b c d', 'checkpoint 10', 'closed e']);
  });

  it('keeps what fails while the disk is full, says so with the count, and writes it all once there is room', async () => {
    vi.useFakeTimers();
    const disk = storage();
    const statuses: SaveStatus[] = [];
    const queue = new SaveQueue(disk, (status) => statuses.push(status));
    disk.full = true;
    queue.push({ kind: 'recipe', recipe: { kind: 'url', url: 'https://example.org/feed' } });
    queue.push(checkpoint(10));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.status.waiting).toBe(2);
    expect(queue.status.problem).toMatch(/^The device's storage for Trackside is full, so the stream could not be saved\. Free space in Settings/);
    // Retried after 1 s, then 2 s…: still full, still waiting, nothing dropped.
    await vi.advanceTimersByTimeAsync(3100);
    expect(disk.written).toEqual([]);
    expect(queue.status.waiting).toBe(2);
    disk.full = false;
    await vi.advanceTimersByTimeAsync(4100);
    expect(disk.written).toEqual(['recipe', 'checkpoint 10']);
    expect(queue.status).toEqual({ waiting: 0, problem: null });
    expect(statuses.some((s) => s.waiting === 2 && s.problem !== null)).toBe(true);
  });

  it('a new stream drops what the old one still had waiting and clears its saved state first', async () => {
    vi.useFakeTimers();
    const disk = storage();
    const queue = new SaveQueue(disk);
    disk.full = true;
    queue.push(checkpoint(10));
    await vi.advanceTimersByTimeAsync(0);
    queue.restart();
    queue.push({ kind: 'recipe', recipe: { kind: 'url', url: 'https://example.org/next' } });
    disk.full = false;
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    await queue.drained();
    expect(disk.written).toEqual(['clear', 'recipe']);
  });
});
