/** Shared parts: parameter checks, flags, ranks, orientation and mark formatting (consensus: src/core/evaluation/consensus.ts). */
import { describe, expect, it } from 'vitest';
import { countFlagged, flagInto, flaggedIndices, flagScores, rankScores } from './flags';
import { formatMark, goodnessOf } from './goodness';
import { resolveParameters } from './parameters';
import { listDetectors, runDetector } from './registry';
import { syntheticEvent } from './syntheticEvent';
import type { EventColumns } from './types';

const spec = { id: 'demo', parameters: { k: { default: 20, min: 2, max: 100, step: 1, label: 'k' }, t: { default: 1.5, min: 1, max: 5, label: 't' } } };

describe('resolveParameters', () => {
  it('fills defaults and keeps given values', () => {
    expect(resolveParameters(spec, { t: 2 })).toEqual({ k: 20, t: 2 });
  });
  it('throws loudly on bounds, steps, NaN and unknown names', () => {
    expect(() => resolveParameters(spec, { k: 1 })).toThrow('invalid k: 1 (demo expects 2 to 100)');
    expect(() => resolveParameters(spec, { k: 2.5 })).toThrow('invalid k: 2.5 (demo expects steps of 1 from 2)');
    expect(() => resolveParameters(spec, { t: NaN })).toThrow('invalid t: NaN');
    expect(() => resolveParameters(spec, { q: 1 })).toThrow('unknown parameter "q" for demo (known: k, t)');
  });
});

describe('flags and ranks', () => {
  it('flags at or above the threshold and ranks the highest first with shared ties', () => {
    const scores = Float64Array.from([0.2, 3, 1.5, 3, -1]);
    expect(Array.from(flagScores(scores, 1.5))).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(rankScores(scores))).toEqual([4, 1.5, 3, 1.5, 5]);
  });

  it('counts, lists and writes in place the same flags, NaN scores never flagging', () => {
    const scores = Float64Array.from([0.2, 3, NaN, 1.5, 3, -1, Infinity]);
    const flags = Array.from(flagScores(scores, 1.5));
    expect(flags).toEqual([0, 1, 0, 1, 1, 0, 1]);
    expect(countFlagged(scores, 1.5)).toBe(4);
    expect(Array.from(flaggedIndices(scores, 1.5))).toEqual([1, 3, 4, 6]);
    const table = new Uint8Array(10).fill(9);
    flagInto(table, 2, scores, 1.5);
    expect(Array.from(table)).toEqual([9, 9, ...flags, 9]);
    expect(() => flagInto(table, 4, scores, 1.5)).toThrow('flags do not fit: 7 from 4 in 10');
    expect(() => countFlagged(scores, NaN)).toThrow('invalid threshold: NaN');
    expect(countFlagged(scores, Infinity)).toBe(1);
  });
});

describe('orientation and marks', () => {
  const columns = (direction: 'lower' | 'higher', event: string): EventColumns => ({ ...syntheticEvent({ seed: 1, athletes: 2, direction }).columns, event });
  it('negates times and keeps distances', () => {
    const c = { ...columns('lower', '400-metres'), mark: Float64Array.from([45.1, 46]) };
    expect(Array.from(goodnessOf(c))).toEqual([-45.1, -46]);
    expect(Array.from(goodnessOf({ ...c, direction: 'higher' }))).toEqual([45.1, 46]);
  });
  it('prints marks as published', () => {
    const time = columns('lower', '800-metres');
    expect(formatMark(time, 10.49)).toBe('10.49 s');
    expect(formatMark(time, 105.32)).toBe('1:45.32');
    expect(formatMark(time, 7439)).toBe('2:03:59');
    expect(formatMark(columns('higher', 'long-jump'), 8.95)).toBe('8.95 m');
    expect(formatMark(columns('higher', 'decathlon'), 8732.4)).toBe('8732 pts');
  });
});

describe('registry', () => {
  it('lists metadata for the form and rejects unknown detectors and bad columns', () => {
    const ids = listDetectors().map((d) => d.id);
    expect(ids).toContain('isolation-forest');
    expect(listDetectors().find((d) => d.id === 'local-outlier-factor')?.parameters.neighbors.default).toBe(20);
    const { columns } = syntheticEvent({ seed: 3, athletes: 20, direction: 'lower' });
    expect(() => runDetector('nope', columns, {}, 1)).toThrow('unknown detector: nope');
    expect(() => runDetector('z-score', { ...columns, age: new Float64Array(1) }, {}, 1)).toThrow('age has 1 values, mark has');
    expect(() => runDetector('z-score', { ...columns, direction: 'up' as 'lower' }, {}, 1)).toThrow('invalid direction: up');
  });
});
