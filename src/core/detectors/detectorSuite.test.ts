/**
 * One suite over every registered detector (PyOD style): seeded synthetic events with
 * planted boosted seasons, in both orientations. Each detector must return n finite scores,
 * repeat exactly for a seed, explain a flagged (or its top) performance with a number, and
 * rank the planted performances above the rest with at least its stated ROC-AUC.
 */
import { describe, expect, it } from 'vitest';
import { explainPerformance, listDetectors, runDetector } from './registry';
import { syntheticEvent } from './syntheticEvent';

/** ROC-AUC by counting pairs (planted vs not), ties half: independent of the code under test. */
function rocAuc(scores: Float64Array, planted: Uint8Array): number {
  const positives: number[] = [], negatives: number[] = [];
  scores.forEach((s, i) => (planted[i] ? positives : negatives).push(s));
  let wins = 0;
  for (const p of positives) for (const q of negatives) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

// Floors sit below the figures measured on these seeds, with room for seed-to-seed noise.
// Field-level methods (z, IQR) see a boosted race only as a good race, and LOF is two-sided and
// local (a boosted race often sits in a dense region of good races), so their floors are lower.
const AUC_FLOOR: Record<string, number> = {
  'z-score': 0.8, iqr: 0.8, 'modified-z-score': 0.9, 'history-percentile': 0.75,
  'isolation-forest': 0.85, 'local-outlier-factor': 0.65, 'robust-covariance': 0.8,
  'career-model': 0.95, 'gaussian-copula': 0.95,
};

const events = [
  syntheticEvent({ seed: 11, athletes: 300, direction: 'lower', withWind: true }),
  syntheticEvent({ seed: 12, athletes: 300, direction: 'higher', withWind: false }),
];

describe('every registered detector', () => {
  const detectors = listDetectors();

  it('finds at least the nine detectors of the three families', () => {
    expect(detectors.length).toBeGreaterThanOrEqual(9);
    expect(new Set(detectors.map((d) => d.family))).toEqual(new Set(['statistical', 'ml', 'advanced']));
    for (const d of detectors) expect(AUC_FLOOR[d.id], `no quality floor stated for ${d.id}`).toBeTypeOf('number');
  });

  describe.each(detectors.map((d) => [d.id, d] as const))('%s', (id, info) => {
    it('has parameters whose defaults sit inside their bounds', () => {
      for (const [name, spec] of Object.entries(info.parameters)) {
        expect(spec.min, name).toBeLessThanOrEqual(spec.default);
        expect(spec.default, name).toBeLessThanOrEqual(spec.max);
      }
    });

    it.each(events.map((e, k) => [e.columns.direction, k] as const))('scores %s-is-better marks: finite, repeatable, explained, above its AUC floor', (_direction, k) => {
      const { columns, planted } = events[k];
      const run = runDetector(id, columns, {}, 7);
      expect(run.scores.length).toBe(columns.mark.length);
      expect(run.flagged.length).toBe(columns.mark.length);
      expect(run.scores.every(Number.isFinite)).toBe(true);
      const again = runDetector(id, columns, {}, 7);
      expect(Array.from(again.scores)).toEqual(Array.from(run.scores));
      let index = run.flagged.indexOf(1);
      if (index < 0) index = run.scores.indexOf(Math.max(...run.scores));
      const sentence = explainPerformance(id, columns, index, run, {});
      expect(sentence).toMatch(/\d/);
      expect(sentence.endsWith('.')).toBe(true);
      const auc = rocAuc(run.scores, planted);
      const flagged = run.flagged.reduce((s, f) => s + f, 0);
      console.log(`${id.padEnd(22)} ${columns.direction.padEnd(6)} n=${columns.mark.length} planted=${planted.reduce((s, f) => s + f, 0)} flagged=${flagged} AUC=${auc.toFixed(3)}`);
      expect(auc).toBeGreaterThanOrEqual(AUC_FLOOR[id]);
    });

    it('rejects a parameter outside its bounds and an unknown one', () => {
      const [name, spec] = Object.entries(info.parameters)[0];
      expect(() => runDetector(id, events[0].columns, { [name]: spec.max + 1 }, 1)).toThrow(`invalid ${name}: ${spec.max + 1}`);
      expect(() => runDetector(id, events[0].columns, { nonsense: 1 }, 1)).toThrow('unknown parameter "nonsense"');
    });
  });
});
