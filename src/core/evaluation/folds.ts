/**
 * Folds for cross-fitting, grouped and stratified: every item of a group (all performances
 * of an athlete) falls in one fold, so a model never scores an athlete it was trained on;
 * positive groups are dealt round the folds first, then the rest, so each fold has its share
 * of sanctioned athletes. Seeded, so a run repeats exactly.
 */
import { createRandom } from '../stats/random';
import { mapped } from '../stats/mapped';

export function groupedFolds(groups: ArrayLike<number>, labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  if (!(Number.isInteger(folds) && folds >= 2)) throw new Error(`invalid folds: ${folds}`);
  const positive = new Map<number, boolean>();
  for (let i = 0; i < groups.length; i++) positive.set(groups[i], (positive.get(groups[i]) ?? false) || labels[i] === 1);
  const random = createRandom(seed);
  const ordered = [...positive.keys()].sort((a, b) => a - b);
  const dealt = [...random.shuffled(ordered.filter((g) => positive.get(g))), ...random.shuffled(ordered.filter((g) => !positive.get(g)))];
  const foldOf = new Map<number, number>();
  dealt.forEach((group, k) => foldOf.set(group, k % folds));
  return mapped(Int32Array, groups as ArrayLike<number>, (g) => foldOf.get(g)!);
}
