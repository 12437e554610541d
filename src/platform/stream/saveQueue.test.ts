import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreamCheckpointRecord } from './streamSettings';
import { SaveQueue, type SaveStatus } from './saveQueue';
import type { ArchivedGame, StreamStorage, StreamWrite } from './streamStorage';

const game = (gameId: string): ArchivedGame => ({ gameId, title: gameId, players: [], actions: { count: 0, numbers: new Float64Array(0), texts: new Int32Array(0), dictionary: [] } });
const checkpoint = (lines: number, ...closed: string[]): StreamWrite => ({ kind: 'checkpoint', record: { lines } as StreamCheckpointRecord, closed: closed.map(game) });

/** Storage that records writes and fails while `full` is set, answering after a tick (as IndexedDB does). */
function storage(): StreamStorage & { written: string[]; full: boolean } {
  const store = {
    written: [] as string[],
    full: false,
    load: async () => null,
    write: async (item: StreamWrite) => {
      await Promise.resolve();
      if (store.full) throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
      store.written.push(item.kind === 'checkpoint' ? `checkpoint ${item.record.lines}${item.closed.map((g) => ` +${g.gameId}`).join('')}` : item.kind);
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

  it('keeps the games a replaced checkpoint carried: the newer one writes them', async () => {
    const disk = storage();
    const queue = new SaveQueue(disk);
    queue.push(checkpoint(10, 'a'));
    queue.push(checkpoint(20, 'b', 'c'));
    queue.push(checkpoint(30, 'd'));
    queue.push(checkpoint(40));
    await queue.drained();
    // 10 was being written when the others came: 20 and 30 were replaced, their games were not.
    expect(disk.written).toEqual(['checkpoint 10 +a', 'checkpoint 40 +b +c +d']);
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
