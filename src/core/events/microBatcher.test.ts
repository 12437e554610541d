import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './microBatcher.ts';

describe('MicroBatcher', () => {
  it('cuts full batches at once and partial ones when the oldest item has waited maxLatencyMs', () => {
    let clock = 0;
    const batcher = new MicroBatcher<number>({ batchSize: 3, maxLatencyMs: 50, now: () => clock });
    expect([batcher.add(1), batcher.add(2), batcher.add(3)]).toEqual([[], [], [[1, 2, 3]]]);
    clock = 20;
    batcher.add(4);
    clock = 30;
    batcher.add(5);
    expect(batcher.nextDeadline()).toBe(70);
    clock = 69;
    expect(batcher.poll()).toEqual([]);
    clock = 70;
    expect(batcher.poll()).toEqual([[4, 5]]);
    expect(batcher.nextDeadline()).toBeNull();
  });

  it('applies new thresholds while running', () => {
    let clock = 0;
    const batcher = new MicroBatcher<number>({ batchSize: 10, maxLatencyMs: 1000, now: () => clock });
    for (let i = 1; i <= 5; i++) batcher.add(i);
    expect(batcher.setOptions({ batchSize: 2 })).toEqual([[1, 2], [3, 4]]);
    clock = 10;
    expect(batcher.setOptions({ maxLatencyMs: 5 })).toEqual([[5]]);
    expect(() => batcher.setOptions({ batchSize: 0 })).toThrow('invalid batchSize: 0');
    batcher.add(6);
    expect([batcher.flush(), batcher.flush()]).toEqual([[6], []]);
  });

  it('takes items that arrived together at one time', () => {
    let clock = 5;
    const batcher = new MicroBatcher<number>({ batchSize: 3, maxLatencyMs: 50, now: () => clock });
    expect(batcher.addMany([1, 2, 3, 4])).toEqual([[1, 2, 3]]);
    clock = 54;
    expect(batcher.poll()).toEqual([]);
    clock = 55;
    expect(batcher.poll()).toEqual([[4]]);
  });

  it('cuts a chunk of many items into batches in order, keeping the rest and its arrival time', () => {
    let clock = 0;
    const batcher = new MicroBatcher<number>({ batchSize: 7, maxLatencyMs: 50, now: () => clock });
    const items = Array.from({ length: 20_000 }, (_, i) => i);
    const batches = batcher.addMany(items);
    expect(batches.length).toBe(Math.floor(20_000 / 7));
    expect(batches.flat()).toEqual(items.slice(0, batches.length * 7));
    expect(batcher.pending).toBe(20_000 % 7);
    clock = 10;
    // 19,999 is left over; it waits from its own arrival (0), not from the next items' (10).
    expect(batcher.addMany([20_000, 20_001])).toEqual([]);
    expect(batcher.nextDeadline()).toBe(50);
    clock = 50;
    expect(batcher.poll()).toEqual([[19_999, 20_000, 20_001]]);
    expect(batcher.pending).toBe(0);
  });
});
