import { describe, expect, it } from 'vitest';
import { autoscaleWorkers } from './workerAutoscale.ts';

describe('autoscaleWorkers', () => {
  it('adds a worker while the backlog grows, up to the maximum', () => {
    expect(autoscaleWorkers({ workers: 2, backlog: 40, previousBacklog: 20, drainedForMs: 0 })).toBe(3);
    expect(autoscaleWorkers({ workers: 8, backlog: 40, previousBacklog: 20, drainedForMs: 0 })).toBe(8);
  });

  it('holds while the backlog is high but shrinking, and retires one after it drained long enough', () => {
    expect(autoscaleWorkers({ workers: 4, backlog: 30, previousBacklog: 50, drainedForMs: 0 })).toBe(4);
    expect(autoscaleWorkers({ workers: 4, backlog: 0, previousBacklog: 0, drainedForMs: 1999 })).toBe(4);
    expect(autoscaleWorkers({ workers: 4, backlog: 0, previousBacklog: 0, drainedForMs: 2000 })).toBe(3);
    expect(autoscaleWorkers({ workers: 1, backlog: 0, previousBacklog: 0, drainedForMs: 9000 })).toBe(1);
  });

  it('refuses an empty range', () => {
    expect(() => autoscaleWorkers({ workers: 1, backlog: 0, previousBacklog: 0, drainedForMs: 0 }, { min: 3, max: 2, drainedBelow: 0, retireAfterMs: 1 })).toThrow('invalid worker range: 3–2');
  });
});
