import { describe, expect, it } from 'vitest';
import { listDetectors, runDetector } from '../../core/detectors/registry';
import { syntheticEvent } from '../../core/detectors/syntheticEvent';
import { detectGroup } from '../results/work/detectGroup';
import { arenaUse, minimumBytes, releaseTaskArena, standalone, withTaskArena } from './taskArena';

describe('task arena', () => {
  it('carves large arrays from one buffer, zero-filled, and leaves small ones and copies alone', () => {
    const n = minimumBytes / 8;
    const { big, also, small, copied, sliced } = withTaskArena(() => {
      const big = new Float64Array(n);
      const also = new Int32Array(2 * n);
      const small = new Float64Array(16);
      const copied = new Float64Array([1, 2, 3]);
      const sliced = big.slice();
      return { big, also, small, copied, sliced };
    });
    expect(big.buffer).toBe(also.buffer);
    expect(big.buffer.byteLength).toBeGreaterThan(big.byteLength + also.byteLength);
    expect(also.byteOffset).toBeGreaterThanOrEqual(big.byteLength);
    expect(small.buffer.byteLength).toBe(small.byteLength);
    expect(copied.buffer.byteLength).toBe(copied.byteLength);
    expect(sliced.buffer).not.toBe(big.buffer);
    expect(big instanceof Float64Array && also instanceof Int32Array).toBe(true);
    expect(arenaUse().carved).toBe(big.byteLength + also.byteLength);
  });

  it('gives the next task zeroed arrays over the memory the last one wrote', () => {
    const n = 4 * minimumBytes;
    const first = withTaskArena(() => new Uint8Array(n).fill(7));
    const second = withTaskArena(() => new Uint8Array(n));
    expect(second.buffer).toBe(first.buffer);
    expect(second.every((v) => v === 0)).toBe(true);
    expect(first[0]).toBe(0); // the first task's array is gone with its task: hence standalone()
  });

  it('gives the arena back when the worker goes to rest: the next task carves a fresh one', () => {
    const n = 4 * minimumBytes;
    const first = withTaskArena(() => new Uint8Array(n));
    releaseTaskArena();
    const second = withTaskArena(() => new Uint8Array(n));
    expect(second.buffer).not.toBe(first.buffer);
    const third = withTaskArena(() => new Uint8Array(n));
    expect(third.buffer).toBe(second.buffer);
  });

  it('copies out only what lives in the arena', () => {
    const kept = withTaskArena(() => {
      const carved = new Float64Array(minimumBytes).fill(2.5);
      const own = new Float64Array([1]);
      return { carved: standalone(carved), own, ownOut: standalone(own), carvedBuffer: carved.buffer };
    });
    expect(kept.carved.buffer).not.toBe(kept.carvedBuffer);
    expect(kept.carved.buffer.byteLength).toBe(kept.carved.byteLength);
    expect(kept.carved.every((v) => v === 2.5)).toBe(true);
    expect(kept.ownOut).toBe(kept.own);
    withTaskArena(() => new Float64Array(minimumBytes).fill(9));
    expect(kept.carved[0]).toBe(2.5);
  });

  it('spills into ordinary arrays when a task asks for more than the arena holds, and grows it for the next', () => {
    const huge = 40 * 1024 * 1024;
    const [a, b] = withTaskArena(() => [new Uint8Array(huge), new Uint8Array(huge)]);
    expect(a.buffer).not.toBe(b.buffer);
    expect(b.buffer.byteLength).toBe(huge);
    expect(arenaUse().demand).toBe(2 * huge);
    const [c, d] = withTaskArena(() => [new Uint8Array(huge), new Uint8Array(huge)]);
    expect(c.buffer).toBe(d.buffer);
  });

  it('changes no detector score: every detector through the compute task equals the detector run alone', () => {
    const { columns } = syntheticEvent({ seed: 11, athletes: 400, direction: 'lower' });
    const detectors = listDetectors().map((d) => ({ id: d.id, params: {} }));
    const alone = detectors.map((d) => runDetector(d.id, { ...columns }, {}, 1));
    const task = detectGroup({
      group: { event: columns.event, sex: columns.sex, direction: columns.direction },
      columns: { mark: columns.mark, athlete: columns.athlete, season: columns.season, dayNumber: columns.dayNumber, age: columns.age, wind: columns.wind },
      detectors, seed: 1,
    });
    // A second group through the same arena must not disturb the first's scores.
    detectGroup({ group: { event: columns.event, sex: columns.sex, direction: columns.direction }, columns: syntheticEvent({ seed: 12, athletes: 300, direction: 'lower' }).columns, detectors, seed: 1 });
    expect(arenaUse().carved).toBeGreaterThan(0);
    task.runs.forEach((run, d) => {
      if (!('scores' in run)) throw new Error(`${run.detectorId}: ${run.problem}`);
      expect(run.scores.buffer.byteLength, run.detectorId).toBe(run.scores.byteLength);
      expect([...run.scores], run.detectorId).toEqual([...alone[d].scores]);
      expect(run.threshold, run.detectorId).toBe(alone[d].threshold);
    });
  });
});
