import { describe, expect, it } from 'vitest';
import { implausibility, plausibleOrGap, profileProblem } from './plausibleRanges';

describe('plausible ranges', () => {
  it('says why a value is no measurement, and keeps a plausible one', () => {
    expect(implausibility('power', 32767)).toBe('power 32,767 W is above 3,000 W');
    expect(implausibility('power', -5)).toBe('power -5 W is below 0 W');
    expect(implausibility('cadence', 400)).toBe('cadence 400 rpm is above 250 rpm');
    expect(implausibility('heartRate', 12)).toBe('heart rate 12 bpm is below 25 bpm');
    expect(implausibility('speed', Number.POSITIVE_INFINITY)).toBe('speed Infinity is not a number of m/s');
    expect([implausibility('power', 0), implausibility('power', 2999), implausibility('power', NaN), implausibility('heartRate', 0)]).toEqual([null, null, null, null]);
    expect([plausibleOrGap('power', 250), plausibleOrGap('power', 8342), plausibleOrGap('heartRate', 0)]).toEqual([250, NaN, NaN]);
    expect(profileProblem('ftp', 9999)).toBe('FTP 9999 W is outside 30–700 W');
    expect(profileProblem('weightKg', 61.5)).toBeNull();
  });
});
