import { describe, expect, it } from 'vitest';
import { advanceMomentum, clutchWeight, createMomentum, impactOptions, momentumFactor, momentumRun } from './impactModel.ts';

const options = impactOptions();

describe('impact model', () => {
  it('weights only the last minutes of a close fourth period or overtime', () => {
    expect(clutchWeight({ period: 2, clockSeconds: 10, scoreHome: 50, scoreAway: 50 }, options)).toBe(1);
    // 60 s left → timeFactor 0.8; margin 2 → closeness 0.8; 1 + 0.64
    expect(clutchWeight({ period: 4, clockSeconds: 60, scoreHome: 100, scoreAway: 98 }, options)).toBeCloseTo(1.64, 12);
    expect(clutchWeight({ period: 5, clockSeconds: 0, scoreHome: 110, scoreAway: 110 }, options)).toBe(2);
    expect(clutchWeight({ period: 4, clockSeconds: 60, scoreHome: 100, scoreAway: 85 }, options)).toBe(1);
  });

  it('counts the run of the own team over the last N actions, capped', () => {
    const ring = createMomentum(3);
    for (const [teamId, actionType] of [[1, '3pt'], [2, '2pt'], [1, '2pt'], [1, 'freethrow']] as const) {
      advanceMomentum(ring, { teamId, actionType, shotResult: 'Made' });
    }
    // the ring keeps the last three: team 2 +2, team 1 +2, team 1 +1
    expect(momentumRun(ring, 1)).toBe(1);
    expect(momentumRun(ring, 2)).toBe(-1);
    expect(momentumFactor(5, options)).toBeCloseTo(1.1, 12);
    expect(momentumFactor(-25, options)).toBeCloseTo(0.8, 12);
  });

  it('refuses parameters that make no sense', () => {
    expect(() => impactOptions({ momentumWindow: 0 })).toThrow('invalid momentumWindow: 0');
    expect(() => impactOptions({ clutchSeconds: -3 })).toThrow('invalid clutchSeconds: -3');
    expect(() => impactOptions({ momentumPerPoint: 0.2 })).toThrow(/perPoint × cap must stay below 1/);
  });
});
