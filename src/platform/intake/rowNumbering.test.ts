import { describe, expect, it } from 'vitest';
import { fileRowOf } from './rowNumbering';

describe('fileRowOf', () => {
  it('counts the header and steps over blank and left-out rows', () => {
    // Header row 1; rows 3 (blank) and 5 (left out) are not in the table.
    const numbering = { firstDataRow: 2, missing: [3, 5] };
    expect([0, 1, 2, 3].map((i) => fileRowOf(numbering, i))).toEqual([2, 4, 6, 7]);
    expect(fileRowOf({ firstDataRow: 1, missing: [] }, 9)).toBe(10);
    expect(fileRowOf({ firstDataRow: 2, missing: [2, 3] }, 0)).toBe(4);
  });
});
