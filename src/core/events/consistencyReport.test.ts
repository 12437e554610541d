import { describe, expect, it } from 'vitest';
import { consistencyByGame, consistencyReport } from './consistencyReport.ts';

const batch = new Map([['g1:1', 10], ['g1:2', 8], ['g1:3', 6], ['g1:4', 4], ['g2:1', 3], ['g2:5', 1]]);

describe('consistencyReport', () => {
  it('finds nothing to flag when both sides agree', () => {
    const report = consistencyReport(new Map(batch), batch, { topN: 4 });
    expect([report.meanAbsoluteError, report.spearman, report.kendallTau, report.ks, report.psi, report.drift]).toEqual([0, 1, 1, 0, 0, false]);
  });

  it('measures an error and a swapped order, and flags them', () => {
    const streaming = new Map(batch);
    streaming.set('g1:2', 5.5); // falls from 2nd to 4th of the top 4, 2.5 off
    const report = consistencyReport(streaming, batch, { topN: 4 });
    expect(report.meanAbsoluteError).toBeCloseTo(2.5 / 6, 12);
    expect(report.maxAbsoluteError).toBeCloseTo(2.5, 12);
    // top 4 of both sides: g1:1..g1:4; streaming order 10, 5.5, 6, 4 → one discordant pair of 6
    expect(report.kendallTau).toBeCloseTo(4 / 6, 12);
    expect(report.flags).toContain('mean absolute error 0.417 is above 0.05');
    expect(report.flags).toContain('Kendall tau 0.667 of the top 4 is below 0.9');
    expect(report.drift).toBe(true);
  });

  it('reports per game, counting a player missing on one side as 0', () => {
    const streaming = new Map(batch);
    streaming.delete('g2:5');
    const byGame = consistencyByGame(streaming, batch, { topN: 2 });
    expect([...byGame.keys()]).toEqual(['g1', 'g2']);
    expect(byGame.get('g2')).toMatchObject({ onlyInBatch: 1, maxAbsoluteError: 1, meanAbsoluteError: 0.5 });
    expect(() => consistencyReport(streaming, batch, { topN: 1 })).toThrow('invalid topN: 1');
  });
});
