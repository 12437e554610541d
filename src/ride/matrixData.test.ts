import { describe, expect, it } from 'vitest';
import { formatDuration, segmentLabel } from './matrixData';

describe('how segments read', () => {
  it('writes laps and times the way cyclists do', () => {
    expect(segmentLabel('3.1', 1, [])).toBe('Lap 3');
    expect(segmentLabel('2.3', 5, ['Climb', 'Flat', 'Rock garden'])).toBe('2.3 Rock garden');
    expect(segmentLabel('2.4', 5, ['Climb'])).toBe('2.4');
    expect([42.06, 61, 599.6, 3725].map(formatDuration)).toEqual(['42.1 s', '1:01', '10:00', '1:02:05']);
  });
});
