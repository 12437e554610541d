import { describe, expect, it } from 'vitest';
import { actionPriority, PriorityQueue } from './priorityQueue.ts';

describe('PriorityQueue', () => {
  it('serves higher classes first, FIFO within a class', () => {
    const queue = new PriorityQueue<string>({ capacity: 10, policy: 'drop-lowest' });
    queue.offer('sub', 2);
    queue.offer('reb', 1);
    queue.offer('shot1', 0);
    queue.offer('shot2', 0);
    expect(queue.take(10)).toEqual(['shot1', 'shot2', 'reb', 'sub']);
    expect([actionPriority({ actionType: '3pt' }), actionPriority({ actionType: 'rebound' }), actionPriority({ actionType: 'timeout' })]).toEqual([0, 1, 2]);
  });

  it('when full, drops the newest of the lowest class, or the arrival when nothing ranks below it', () => {
    const queue = new PriorityQueue<string>({ capacity: 3, policy: 'drop-lowest' });
    queue.offer('subA', 2);
    queue.offer('subB', 2);
    queue.offer('reb', 1);
    expect(queue.offer('shot', 0)).toBe('accepted-after-drop');
    expect(queue.lastEvicted).toBe('subB');
    expect(queue.offer('sub', 2)).toBe('dropped');
    expect(queue.lastEvicted).toBeUndefined();
    expect(queue.offer('steal', 1)).toBe('accepted-after-drop');
    expect(queue.lastEvicted).toBe('subA');
    expect(queue.drops).toEqual([0, 0, 3]);
    expect(queue.droppedTotal).toBe(3);
    expect(queue.take(5)).toEqual(['shot', 'reb', 'steal']);
  });

  it('under backpressure drops nothing and tells the source to wait', () => {
    const queue = new PriorityQueue<number>({ capacity: 2, policy: 'backpressure' });
    expect([queue.offer(1, 1), queue.offer(2, 1), queue.offer(3, 0)]).toEqual(['accepted', 'accepted', 'backpressure']);
    expect(queue.isFull).toBe(true);
    queue.poll();
    expect([queue.isFull, queue.offer(3, 0), queue.poll()]).toEqual([false, 'accepted', 3]);
    expect(queue.drops).toEqual([0, 0, 0]);
    expect(() => new PriorityQueue({ capacity: 0, policy: 'backpressure' })).toThrow('invalid capacity: 0');
  });
});
