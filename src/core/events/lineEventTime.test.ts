import { describe, expect, it } from 'vitest';
import { lineEventTimeMs } from './lineEventTime.ts';

describe('lineEventTimeMs', () => {
  it('reads the feed time, the generic ISO time and epoch milliseconds', () => {
    // 2025-02-02T20:11:19.3Z = 1738527079300 ms (20:11:19.3 UTC after 2025-02-02 00:00 = 1738454400000 + 72679300).
    expect(lineEventTimeMs('{"gameId":"1","timeActual":"2025-02-02T20:11:19.3Z","x":1}')).toBe(1738527079300);
    expect(lineEventTimeMs('{"game":"g","t":"2025-02-02T20:11:19.3Z"}')).toBe(1738527079300);
    expect(lineEventTimeMs('{"game":"g","t": 1738527079300}')).toBe(1738527079300);
  });

  it('is NaN for a line without a time', () => {
    expect(lineEventTimeMs('{"gameId":"1"}')).toBeNaN();
    expect(lineEventTimeMs('not json')).toBeNaN();
  });
});
