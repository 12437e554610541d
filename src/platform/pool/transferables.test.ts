import { describe, expect, it } from 'vitest';
import { copyTypedArrays, transferablesOf } from './transferables';

// The shape of the evaluation's input: each method's scores four levels down.
const evaluationShaped = () => ({
  table: {
    athleteOf: new Int32Array(4),
    detectors: [
      { id: 'a', scores: new Float64Array(4), flagged: new Uint8Array(4) },
      { id: 'b', scores: new Float64Array(4), flagged: new Uint8Array(4) },
    ],
  },
  sanctioned: { athleteIds: new Int32Array(2) },
  level: 'athlete',
});

describe('transferables', () => {
  it('finds the typed arrays of every method four levels down, each buffer once', () => {
    const input = evaluationShaped();
    const found = transferablesOf(input);
    const expected = [input.table.athleteOf, ...input.table.detectors.flatMap((d) => [d.scores, d.flagged]), input.sanctioned.athleteIds].map((a) => a.buffer);
    expect(found).toHaveLength(expected.length);
    expect(new Set(found)).toEqual(new Set(expected));
    const shared = new Float64Array(8);
    expect(transferablesOf({ a: shared.subarray(0, 4), b: shared.subarray(4) })).toEqual([shared.buffer]);
  });

  it('skips empty and detached buffers and stops at the depth asked', () => {
    const detached = new Float64Array(4);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    expect(transferablesOf({ detached, empty: new Float64Array(0) })).toEqual([]);
    expect(transferablesOf({ a: { b: { c: new Float64Array(1) } } }, 2)).toEqual([]);
  });

  it('copies for a retry what it would transfer: the nested scores too', () => {
    const input = evaluationShaped();
    input.table.detectors[0].scores[1] = 7;
    const copy = copyTypedArrays(input);
    expect(copy.table.detectors[0].scores).not.toBe(input.table.detectors[0].scores);
    expect(Array.from(copy.table.detectors[0].scores)).toEqual([0, 7, 0, 0]);
    structuredClone(input, { transfer: transferablesOf(input) });
    expect(input.table.detectors[0].scores.length).toBe(0);
    expect(copy.table.detectors[0].scores[1]).toBe(7);
    expect(copy.level).toBe('athlete');
  });
});
