/**
 * The isolation forest of src/core/stats/isolationForest.ts in AssemblyScript, compiled to
 * WebAssembly by scripts/build-wasm.ts: the fit, and each row's path lengths summed over the
 * trees, by walking them or through lookup tables. The same random numbers (mulberry32, as
 * src/core/stats/random.ts) and the same floating-point operations in the same order as the
 * TypeScript it replaced, so the same trees and the same sums to the bit. Memory is laid out
 * by the caller; every pointer is a byte offset into this module's memory. c(m), which needs
 * a logarithm, comes from the caller as a table, since this module's Math.log is not V8's.
 * Why WebAssembly: in a compute worker the JIT compiled the forest's loops again and again
 * during a run (a V8 trace of "Run all": 800 bailouts out of the walk, 400 out of the fit),
 * and the forest took 1.7× its Node time there.
 *
 * The lookup tables: a tree's splits cut each feature at a few values, and where a row lands
 * depends only on how many of the tree's cuts on each feature lie below the row's value. So
 * each tree becomes a table of leaves indexed by those counts (at most 128 × 128 cells
 * for ψ = 256 and two features), and a row's counts for every tree come from one position
 * among all trees' cuts (found once per row and feature, by binary search). Scoring a row in
 * a tree is then two lookups and a read instead of a walk of eight dependent comparisons:
 * the same leaf, the same path length, added in the same tree order.
 */

@inline function f64At(base: usize, i: i32): f64 { return load<f64>(base + (<usize>i << 3)); }
@inline function setF64(base: usize, i: i32, v: f64): void { store<f64>(base + (<usize>i << 3), v); }
@inline function i32At(base: usize, i: i32): i32 { return load<i32>(base + (<usize>i << 2)); }
@inline function setI32(base: usize, i: i32, v: i32): void { store<i32>(base + (<usize>i << 2), v); }
@inline function u16At(base: usize, i: i32): i32 { return <i32>load<u16>(base + (<usize>i << 1)); }
@inline function setU16(base: usize, i: i32, v: i32): void { store<u16>(base + (<usize>i << 1), <u16>v); }

/** mulberry32, as createRandom in src/core/stats/random.ts: u32 arithmetic wraps as Math.imul and `>>> 0` do. */
let state: u32 = 0;
@inline function next(): f64 {
  state += 0x6d2b79f5;
  let t = state;
  t = (t ^ (t >>> 15)) * (t | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return <f64>(t ^ (t >>> 14)) / 4294967296.0;
}
@inline function nextInt(n: i32): i32 { return <i32>Math.floor(next() * <f64>n); }

/**
 * Grows `trees` trees of 2ψ − 1 node slots each into feature (i32, −1 at a leaf), threshold
 * (f64: the split, or at a leaf depth + c(m)) and left (i32: the left child; the right is
 * left + 1). `leafLength`: c(m) for m = 0..ψ. Scratch: pool (n i32), rows (ψ i32), candidates
 * (dims i32), lows and highs (dims f64), four stacks of 2ψ − 1 i32.
 */
export function fit(points: usize, n: i32, dims: i32, trees: i32, sampleSize: i32, maxDepth: i32, seed: u32, leafLength: usize,
  feature: usize, threshold: usize, left: usize, pool: usize, rows: usize, candidates: usize, lows: usize, highs: usize,
  stackNode: usize, stackStart: usize, stackEnd: usize, stackDepth: usize): void {
  state = seed;
  const nodesPerTree = 2 * sampleSize - 1;
  for (let i = 0; i < trees * nodesPerTree; i++) { setI32(feature, i, -1); setF64(threshold, i, 0); setI32(left, i, 0); }
  for (let i = 0; i < n; i++) setI32(pool, i, i);
  for (let tree = 0; tree < trees; tree++) {
    // Partial Fisher–Yates: the first ψ entries of the pool are a sample without replacement.
    for (let i = 0; i < sampleSize; i++) {
      const j = i + nextInt(n - i);
      const t = i32At(pool, i); setI32(pool, i, i32At(pool, j)); setI32(pool, j, t);
      setI32(rows, i, i32At(pool, i));
    }
    const base = tree * nodesPerTree;
    let nodeCount = 1;
    setI32(stackNode, 0, 0); setI32(stackStart, 0, 0); setI32(stackEnd, 0, sampleSize); setI32(stackDepth, 0, 0);
    let top = 1;
    while (top > 0) {
      top--;
      const node = i32At(stackNode, top), lo = i32At(stackStart, top), hi = i32At(stackEnd, top), depth = i32At(stackDepth, top);
      let usable = 0;
      if (depth < maxDepth && hi - lo > 1) {
        for (let d = 0; d < dims; d++) { setF64(lows, d, Infinity); setF64(highs, d, -Infinity); }
        for (let i = lo; i < hi; i++) {
          const b = i32At(rows, i) * dims;
          for (let d = 0; d < dims; d++) {
            const v = f64At(points, b + d);
            if (v < f64At(lows, d)) setF64(lows, d, v);
            if (v > f64At(highs, d)) setF64(highs, d, v);
          }
        }
        for (let d = 0; d < dims; d++) if (f64At(highs, d) > f64At(lows, d)) setI32(candidates, usable++, d);
      }
      if (usable == 0) {
        setF64(threshold, base + node, <f64>depth + f64At(leafLength, hi - lo));
        continue;
      }
      const d = i32At(candidates, nextInt(usable));
      const low = f64At(lows, d), high = f64At(highs, d);
      let split = low + next() * (high - low);
      if (split >= high) split = low;
      let mid = lo; // partition rows[lo..hi) so that x ≤ split comes first
      for (let i = lo; i < hi; i++) {
        const row = i32At(rows, i);
        if (f64At(points, row * dims + d) <= split) { setI32(rows, i, i32At(rows, mid)); setI32(rows, mid, row); mid++; }
      }
      setI32(feature, base + node, d);
      setF64(threshold, base + node, split);
      const leftNode = nodeCount++, rightNode = nodeCount++;
      setI32(left, base + node, leftNode);
      setI32(stackNode, top, leftNode); setI32(stackStart, top, lo); setI32(stackEnd, top, mid); setI32(stackDepth, top, depth + 1); top++;
      setI32(stackNode, top, rightNode); setI32(stackStart, top, mid); setI32(stackEnd, top, hi); setI32(stackDepth, top, depth + 1); top++;
    }
  }
}

/** Each row's path lengths summed over the trees in order, walking every tree from its root (x ≤ split goes left; NaN goes right). */
export function walk(points: usize, n: i32, dims: i32, trees: i32, nodesPerTree: i32, feature: usize, threshold: usize, left: usize, totals: usize): void {
  for (let row = 0; row < n; row++) {
    let total: f64 = 0;
    const b = row * dims;
    for (let tree = 0, base = 0; tree < trees; tree++, base += nodesPerTree) {
      let node = 0;
      let f = i32At(feature, base);
      while (f >= 0) {
        const child = i32At(left, base + node);
        node = f64At(points, b + f) <= f64At(threshold, base + node) ? child : child + 1;
        f = i32At(feature, base + node);
      }
      total += f64At(threshold, base + node);
    }
    setF64(totals, row, total);
  }
}

/** a before b in Float64Array.prototype.sort's order (NaN last); −0 and +0 tie, which no count below tells apart. */
@inline function before(a: f64, b: f64): bool { return a < b || (b != b && a == a); }

/** Heapsort of values[lo..hi). */
function sortValues(values: usize, lo: i32, hi: i32): void {
  const n = hi - lo;
  const base = values + (<usize>lo << 3);
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(base, start, n);
  for (let end = n - 1; end > 0; end--) {
    const t = f64At(base, 0); setF64(base, 0, f64At(base, end)); setF64(base, end, t);
    siftDown(base, 0, end);
  }
}

function siftDown(base: usize, at: i32, n: i32): void {
  const value = f64At(base, at);
  let i = at;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && before(f64At(base, child), f64At(base, child + 1))) child++;
    if (!before(value, f64At(base, child))) break;
    setF64(base, i, f64At(base, child));
    i = child;
  }
  setF64(base, i, value);
}

/** Sorts values[lo..hi) and keeps each value once at its front; returns how many are kept. */
function distinctSorted(values: usize, lo: i32, hi: i32): i32 {
  sortValues(values, lo, hi);
  let m = lo;
  for (let i = lo; i < hi; i++) if (i == lo || f64At(values, i) != f64At(values, m - 1)) setF64(values, m++, f64At(values, i));
  return m - lo;
}

/** How many of sorted[0..length) lie below x (the first index whose value is ≥ x). */
@inline function countBelow(sorted: usize, length: i32, x: f64): i32 {
  let lo = 0, hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f64At(sorted, mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tables' shape. Per tree and feature [tree × dims + d] its own cuts, ascending and
 * distinct, into ownValues from ownStart (trees × dims + 1 i32); then per feature every
 * tree's cuts into allValues from allStart (dims + 1 i32); per tree and feature the step in
 * the tree's table for one more cut below (stride), and where each tree's table starts
 * (offset, trees + 1 i32). ownValues and allValues hold trees × nodesPerTree f64 each.
 * Returns how many cells all tables need, or −1 when that would pass maxCells.
 */
export function cuts(trees: i32, nodesPerTree: i32, dims: i32, feature: usize, threshold: usize, ownValues: usize, ownStart: usize,
  stride: usize, offset: usize, allValues: usize, allStart: usize, maxCells: i32): i32 {
  let at = 0;
  setI32(offset, 0, 0);
  for (let tree = 0; tree < trees; tree++) {
    const base = tree * nodesPerTree;
    for (let d = 0; d < dims; d++) {
      const start = at;
      setI32(ownStart, tree * dims + d, start);
      for (let node = base; node < base + nodesPerTree; node++) if (i32At(feature, node) == d) setF64(ownValues, at++, f64At(threshold, node));
      at = start + distinctSorted(ownValues, start, at);
    }
    setI32(ownStart, (tree + 1) * dims, at);
    let size: f64 = 1;
    for (let d = dims - 1; d >= 0; d--) {
      if (size > <f64>maxCells) return -1;
      setI32(stride, tree * dims + d, <i32>size);
      size *= <f64>(i32At(ownStart, tree * dims + d + 1) - i32At(ownStart, tree * dims + d) + 1);
    }
    const end = <f64>i32At(offset, tree) + size;
    if (end > <f64>maxCells) return -1;
    setI32(offset, tree + 1, <i32>end);
  }
  let all = 0;
  for (let d = 0; d < dims; d++) {
    const start = all;
    setI32(allStart, d, start);
    for (let tree = 0; tree < trees; tree++) {
      for (let k = i32At(ownStart, tree * dims + d), end = i32At(ownStart, tree * dims + d + 1); k < end; k++) setF64(allValues, all++, f64At(ownValues, k));
    }
    all = start + distinctSorted(allValues, start, all);
  }
  setI32(allStart, dims, all);
  return i32At(offset, trees);
}

/**
 * Fills the tables cuts() shaped. below (u16): per tree, per feature d, for each position
 * 0..C_d among all cuts of d, how many of the tree's own cuts lie below it; a tree's entries
 * take allStart[dims] + dims, feature d's start at allStart[d] + d. cells (u16): the leaf
 * each cell's rows reach, as its node number within the tree (below 2ψ − 1 ≤ 8,191), whose
 * path length is its threshold: two bytes a cell instead of eight, so a tree's table stays
 * in the cache while a block of rows is scored. Scratch: stackNode (nodesPerTree i32), bounds
 * (nodesPerTree × 2 × dims i32), at (dims i32).
 */
export function fillTables(trees: i32, nodesPerTree: i32, dims: i32, feature: usize, threshold: usize, left: usize, ownValues: usize, ownStart: usize,
  stride: usize, offset: usize, allValues: usize, allStart: usize, below: usize, cells: usize, stackNode: usize, bounds: usize, at: usize): void {
  const perTree = i32At(allStart, dims) + dims;
  for (let tree = 0; tree < trees; tree++) {
    for (let d = 0; d < dims; d++) {
      const mine = i32At(ownStart, tree * dims + d), mineEnd = i32At(ownStart, tree * dims + d + 1);
      const every = i32At(allStart, d), everyEnd = i32At(allStart, d + 1);
      const counts = below + (<usize>(tree * perTree + every + d) << 1);
      setU16(counts, 0, 0);
      let k = mine;
      for (let r = every; r < everyEnd; r++) {
        if (k < mineEnd && f64At(ownValues, k) == f64At(allValues, r)) k++;
        setU16(counts, r - every + 1, k - mine);
      }
    }
  }
  memory.fill(cells, 0, <usize>i32At(offset, trees) << 1);
  for (let tree = 0; tree < trees; tree++) {
    const base = tree * nodesPerTree, cellBase = i32At(offset, tree);
    // A pending node and the box of cut counts its rows can have: lo..hi per feature.
    let top = 1;
    setI32(stackNode, 0, 0);
    for (let d = 0; d < dims; d++) {
      setI32(bounds, 2 * d, 0);
      setI32(bounds, 2 * d + 1, i32At(ownStart, tree * dims + d + 1) - i32At(ownStart, tree * dims + d));
    }
    while (top > 0) {
      top--;
      const node = base + i32At(stackNode, top), box = top * 2 * dims;
      const f = i32At(feature, node);
      if (f >= 0) {
        // Rows with more than `rank` of the tree's cuts on f below their value lie right of this cut.
        const own = i32At(ownStart, tree * dims + f);
        const rank = countBelow(ownValues + (<usize>own << 3), i32At(ownStart, tree * dims + f + 1) - own, f64At(threshold, node));
        const lo = i32At(bounds, box + 2 * f), hi = i32At(bounds, box + 2 * f + 1);
        const rightBox = box + 2 * dims;
        memory.copy(bounds + (<usize>rightBox << 2), bounds + (<usize>box << 2), <usize>(2 * dims) << 2);
        setI32(stackNode, top, i32At(left, node)); // the left child takes this slot: counts lo..min(hi, rank)
        setI32(bounds, box + 2 * f + 1, min(hi, rank));
        setI32(stackNode, top + 1, i32At(left, node) + 1); // the right child the next: max(lo, rank + 1)..hi
        setI32(bounds, rightBox + 2 * f, max(lo, rank + 1));
        top += 2;
        continue;
      }
      let empty = false;
      for (let d = 0; d < dims; d++) {
        setI32(at, d, i32At(bounds, box + 2 * d));
        if (i32At(at, d) > i32At(bounds, box + 2 * d + 1)) empty = true;
      }
      if (empty) continue;
      // Every cell of the box (an odometer over the features) gets the leaf's path length.
      const leaf = node - base;
      for (;;) {
        let cell = cellBase;
        for (let d = 0; d < dims; d++) cell += i32At(at, d) * i32At(stride, tree * dims + d);
        setU16(cells, cell, leaf);
        let d = dims - 1;
        while (d >= 0 && i32At(at, d) == i32At(bounds, box + 2 * d + 1)) { setI32(at, d, i32At(bounds, box + 2 * d)); d--; }
        if (d < 0) break;
        setI32(at, d, i32At(at, d) + 1);
      }
    }
  }
}

/** Rows scored together, tree after tree: enough that loading a tree's tables into the cache pays. */
const BLOCK_ROWS = 32768;

/**
 * Each row's path lengths summed over the trees in tree order, through the tables, into
 * totals (n f64). Rows between the same cuts of every feature land in the same leaf of every
 * tree (a third of a group is often the typical value itself, and most of the rest shares
 * its cells), so each distinct position is scored once. Scratch: position and distinct
 * (dims × n i32 each), slot (capacity i32, a power of two ≥ 2n + 2), rowOf (n i32), sums
 * (n f64).
 */
export function score(points: usize, n: i32, dims: i32, trees: i32, nodesPerTree: i32, threshold: usize, allValues: usize, allStart: usize, stride: usize, offset: usize,
  below: usize, cells: usize, position: usize, distinct: usize, slot: usize, capacity: i32, rowOf: usize, sums: usize, totals: usize): void {
  // Each row's position among all cuts of each feature; NaN right of every cut, as in a walk.
  for (let d = 0; d < dims; d++) {
    const start = i32At(allStart, d), count = i32At(allStart, d + 1) - start;
    const sorted = allValues + (<usize>start << 3);
    for (let row = 0; row < n; row++) {
      const x = f64At(points, row * dims + d);
      setI32(position, d * n + row, x == x ? countBelow(sorted, count, x) : count);
    }
  }
  // Open addressing on the positions themselves: a row whose positions match an earlier row's shares its entry.
  const mask = capacity - 1;
  memory.fill(slot, 0xff, <usize>capacity << 2);
  let count = 0;
  for (let row = 0; row < n; row++) {
    let hash: i32 = 0;
    for (let d = 0; d < dims; d++) hash = (hash ^ i32At(position, d * n + row)) * <i32>0x9e3779b1;
    let at = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const entry = i32At(slot, at);
      if (entry < 0) {
        setI32(slot, at, count); setI32(rowOf, row, count);
        for (let d = 0; d < dims; d++) setI32(distinct, d * n + count, i32At(position, d * n + row));
        count++;
        break;
      }
      let same = true;
      for (let d = 0; d < dims && same; d++) same = i32At(distinct, d * n + entry) == i32At(position, d * n + row);
      if (same) { setI32(rowOf, row, entry); break; }
      at = (at + 1) & mask;
    }
  }
  memory.fill(sums, 0, <usize>count << 3);
  const perTree = i32At(allStart, dims) + dims;
  for (let first = 0; first < count; first += BLOCK_ROWS) {
    const last = min(count, first + BLOCK_ROWS);
    for (let tree = 0; tree < trees; tree++) {
      const start = i32At(offset, tree);
      const pathLength = threshold + (<usize>(tree * nodesPerTree) << 3); // a leaf's threshold is its path length
      const tableBelow = below + (<usize>(tree * perTree) << 1);
      if (dims == 2) {
        const belowX = tableBelow, belowY = tableBelow + (<usize>(i32At(allStart, 1) + 1) << 1);
        const strideX = i32At(stride, 2 * tree), strideY = i32At(stride, 2 * tree + 1);
        const py = distinct + (<usize>n << 2);
        for (let k = first; k < last; k++) {
          const cell = start + u16At(belowX, i32At(distinct, k)) * strideX + u16At(belowY, i32At(py, k)) * strideY;
          setF64(sums, k, f64At(sums, k) + f64At(pathLength, u16At(cells, cell)));
        }
        continue;
      }
      for (let k = first; k < last; k++) {
        let cell = start;
        for (let d = 0; d < dims; d++) cell += u16At(tableBelow + (<usize>(i32At(allStart, d) + d) << 1), i32At(distinct, d * n + k)) * i32At(stride, tree * dims + d);
        setF64(sums, k, f64At(sums, k) + f64At(pathLength, u16At(cells, cell)));
      }
    }
  }
  for (let row = 0; row < n; row++) setF64(totals, row, f64At(sums, i32At(rowOf, row)));
}
