/**
 * The order that sorts numbers ascending, stable (equal values keep their index order; −0
 * and +0 are equal), NaN last: the same order as sorting the indices with a comparator, in
 * linear time. Each value's bits become an unsigned key that sorts as the number does (the
 * sign bit flipped for positives, every bit for negatives) and a least-significant-digit
 * radix sort orders the keys one or two bytes at a time, skipping the digits every key shares. A million
 * values sort in tens of milliseconds, where a comparator sort takes most of a second.
 */
import { mapped } from './mapped';

const SMALL = 256;

/**
 * `within`: sort these indices instead of 0..n − 1, keeping their order among equal values,
 * so that sorting by a second key and then by a first gives the order by both.
 */
export function sortOrder(values: ArrayLike<number>, within?: Int32Array): Int32Array {
  const n = within ? within.length : values.length;
  const order = within ? within.slice() : new Int32Array(n);
  if (!within) for (let i = 0; i < n; i++) order[i] = i;
  // Columns often arrive in order already (a group's days, its seasons): one pass proves it,
  // and a stable sort of ordered values is the order itself. A NaN may only be followed by NaN.
  if (inOrder(values, order)) return order;
  if (n < SMALL) {
    const position = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(values[order[a]], values[order[b]]) || a - b);
    return mapped(Int32Array, position, (p) => order[p]);
  }
  const word = new Float64Array(1), halves = new Uint32Array(word.buffer);
  const lowEnd = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
  let hi = new Uint32Array(n), lo = new Uint32Array(n);
  if (values instanceof Int32Array) {
    // Whole numbers need no bits of a double: the sign flipped, the low word sorts them.
    for (let i = 0; i < n; i++) { hi[i] = 0x80000000; lo[i] = (values[order[i]] ^ 0x80000000) >>> 0; }
  } else for (let i = 0; i < n; i++) {
    const v = values[order[i]];
    if (v !== v) { hi[i] = 0xffffffff; lo[i] = 0xffffffff; continue; }
    word[0] = v === 0 ? 0 : v; // −0 as +0
    let h = halves[1 - lowEnd], l = halves[lowEnd];
    if (h >>> 31) { h = ~h; l = ~l; } else h |= 0x80000000;
    hi[i] = h >>> 0; lo[i] = l >>> 0;
  }
  let nextOrder = new Int32Array(n), nextHi = new Uint32Array(n), nextLo = new Uint32Array(n);
  let current = order;
  // A byte at a time for a few thousand values; two at a time beyond, where the 65,536 counts pay.
  const bits = n < 8192 ? 8 : 16, mask = (1 << bits) - 1, perWord = 32 / bits;
  const counts = new Int32Array(1 << bits);
  const passes = (values instanceof Int32Array ? 1 : 2) * perWord;
  for (let pass = 0; pass < passes; pass++) {
    const keys = pass >= perWord ? hi : lo, shift = bits * (pass % perWord);
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & mask]++;
    if (counts[(keys[0] >>> shift) & mask] === n) continue; // every key has this digit: nothing to move
    for (let d = 0, sum = 0; d <= mask; d++) { const c = counts[d]; counts[d] = sum; sum += c; }
    for (let i = 0; i < n; i++) {
      const at = counts[(keys[i] >>> shift) & mask]++;
      nextOrder[at] = current[i]; nextHi[at] = hi[i]; nextLo[at] = lo[i];
    }
    [current, nextOrder] = [nextOrder, current];
    [hi, nextHi] = [nextHi, hi];
    [lo, nextLo] = [nextLo, lo];
  }
  return current;
}

/** Whether values[order[0]], values[order[1]]… ascend (equal values allowed), NaN only at the end. */
function inOrder(values: ArrayLike<number>, order: Int32Array): boolean {
  for (let t = 1; t < order.length; t++) {
    const a = values[order[t - 1]], b = values[order[t]];
    if (!(a <= b) && b === b) return false; // a > b, or a NaN before a number
  }
  return true;
}

/** Ascending with NaN last; 0 for equal values (−0 and +0 included). */
function compare(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const na = a !== a, nb = b !== b;
  return na === nb ? 0 : na ? 1 : -1;
}
