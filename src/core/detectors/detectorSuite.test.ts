/**
 * One suite over every registered detector (PyOD style): seeded synthetic events with the
 * pattern each detector looks for planted (a boosted season, an arrival, a late surge, a
 * return after a gap), in both orientations. Each detector must return n finite scores,
 * repeat exactly for a seed, explain a flagged (or its top) performance with a number, rank
 * the planted performances above the rest with at least its stated ROC-AUC, and never score
 * a worse-than-usual performance as anomalous (only better-than-expected is suspicious).
 */
import { describe, expect, it } from 'vitest';
import { explainPerformance, listDetectors, runDetector } from './registry';
import { syntheticEvent, type PlantedPattern } from './syntheticEvent';

/** ROC-AUC by counting pairs (planted vs not), ties half: independent of the code under test. */
function rocAuc(scores: Float64Array, planted: Uint8Array): number {
  const positives: number[] = [], negatives: number[] = [];
  scores.forEach((s, i) => (planted[i] ? positives : negatives).push(s));
  let wins = 0;
  for (const p of positives) for (const q of negatives) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

// The pattern each detector looks for, and a floor on its ROC-AUC for the planted performances.
// Floors sit below the figures measured on these seeds, with room for seed-to-seed noise.
// Field-level methods (z, IQR) see a boosted race only as a good race, and LOF is local (a
// boosted race often sits in a dense region of good races), so their floors are lower.
const TARGET: Record<string, { pattern: PlantedPattern; floor: number }> = {
  'z-score': { pattern: 'boosted-season', floor: 0.8 }, iqr: { pattern: 'boosted-season', floor: 0.8 },
  'modified-z-score': { pattern: 'boosted-season', floor: 0.9 }, 'history-percentile': { pattern: 'boosted-season', floor: 0.75 },
  'improvement-beyond-age': { pattern: 'boosted-season', floor: 0.8 },
  arrival: { pattern: 'arrival', floor: 0.8 }, 'late-surge': { pattern: 'late-surge', floor: 0.75 },
  'return-after-gap': { pattern: 'return', floor: 0.8 },
  'isolation-forest': { pattern: 'boosted-season', floor: 0.85 }, 'local-outlier-factor': { pattern: 'boosted-season', floor: 0.65 },
  'robust-covariance': { pattern: 'boosted-season', floor: 0.8 },
  'career-model': { pattern: 'boosted-season', floor: 0.95 }, 'gaussian-copula': { pattern: 'boosted-season', floor: 0.8 },
};

const patterns: PlantedPattern[] = ['boosted-season', 'arrival', 'late-surge', 'return'];
const events = new Map(patterns.map((plant, k) => [plant, [
  syntheticEvent({ seed: 11 + 10 * k, athletes: 400, direction: 'lower', withWind: true, plant, boostedShare: 0.08 }),
  syntheticEvent({ seed: 12 + 10 * k, athletes: 400, direction: 'higher', withWind: false, plant, boostedShare: 0.08 }),
]]));

describe('every registered detector', () => {
  const detectors = listDetectors();

  it('finds the detectors of the three families, each saying in one sentence what it looks for', () => {
    expect(detectors.length).toBeGreaterThanOrEqual(13);
    expect(new Set(detectors.map((d) => d.family))).toEqual(new Set(['statistical', 'ml', 'advanced']));
    for (const d of detectors) {
      expect(TARGET[d.id], `no target pattern stated for ${d.id}`).toBeDefined();
      expect(d.pattern, d.id).toMatch(/^[A-Z].+\.$/);
      expect(d.pattern.split('. ').length, `${d.id}: one sentence`).toBe(1);
    }
  });

  describe.each(detectors.map((d) => [d.id, d] as const))('%s', (id, info) => {
    it('has parameters whose defaults sit inside their bounds', () => {
      for (const [name, spec] of Object.entries(info.parameters)) {
        expect(spec.min, name).toBeLessThanOrEqual(spec.default);
        expect(spec.default, name).toBeLessThanOrEqual(spec.max);
      }
    });

    it.each([0, 1].map((k) => [k === 0 ? 'lower' : 'higher', k] as const))('scores %s-is-better marks: finite, repeatable, explained, above its AUC floor', (_direction, k) => {
      const { pattern, floor } = TARGET[id];
      const { columns, planted } = events.get(pattern)![k];
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
      console.log(`${id.padEnd(22)} ${pattern.padEnd(14)} ${columns.direction.padEnd(6)} n=${columns.mark.length} planted=${planted.reduce((s, f) => s + f, 0)} flagged=${flagged} AUC=${auc.toFixed(3)}`);
      expect(auc).toBeGreaterThanOrEqual(floor);
    });

    it.each([0, 1].map((k) => [k === 0 ? 'lower' : 'higher', k] as const))('never finds %s-is-better marks made worse suspicious', (_direction, k) => {
      const { columns } = events.get('boosted-season')![k];
      const before = runDetector(id, columns, {}, 7);
      // One mark in 97 made 8 noise sd worse: none may flag, nor score above both its old score and the event's median.
      const worse = (i: number) => i % 97 === 5;
      const shift = columns.direction === 'lower' ? 2.8 : -12;
      const after = runDetector(id, { ...columns, mark: Float64Array.from(columns.mark, (m, i) => (worse(i) ? m + shift : m)) }, {}, 7);
      const middle = Float64Array.from(after.scores).sort()[Math.floor(after.scores.length / 2)];
      const tolerance = 1e-3 * (1 + Math.max(...Array.from(after.scores).map(Math.abs)));
      for (let i = 0; i < after.scores.length; i++) {
        if (!worse(i)) continue;
        expect(after.flagged[i], `row ${i} flagged`).toBe(0);
        expect(after.scores[i], `row ${i}`).toBeLessThanOrEqual(Math.max(before.scores[i], middle) + tolerance);
      }
    });

    it('rejects a parameter outside its bounds and an unknown one', () => {
      const [name, spec] = Object.entries(info.parameters)[0];
      const { columns } = events.get('boosted-season')![0];
      expect(() => runDetector(id, columns, { [name]: spec.max + 1 }, 1)).toThrow(`invalid ${name}: ${spec.max + 1}`);
      expect(() => runDetector(id, columns, { nonsense: 1 }, 1)).toThrow('unknown parameter "nonsense"');
    });
  });
});
