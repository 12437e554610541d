/**
 * An isolation forest's trees as lookup tables, for scoring many rows at once. A tree's
 * splits cut each feature at a few values; where a row lands depends only on how many of
 * the tree's cuts on each feature lie below the row's value. So each tree becomes a table of
 * path lengths indexed by those counts (at most 128 × 128 cells for ψ = 256 and two
 * features), and a row's counts for every tree come from one position among all trees' cuts
 * (found once per row and feature, by binary search). Scoring a row in a tree is then two
 * lookups and a read instead of a walk of eight dependent comparisons: the same leaf, the
 * same path length, added in the same tree order, so the same score to the last bit.
 */
import { mapped } from './mapped';

/** The fitted trees as isolationForest.ts lays them out (its IsolationForestModel). */
export interface FittedTrees {
  dimensions: number;
  nodesPerTree: number;
  feature: Int32Array; // −1 marks a leaf
  threshold: Float64Array; // split value, or at a leaf the path length
  left: Int32Array; // left child within the tree; the right child is left + 1
}

/** All trees' cells together, at most (32 MB of path lengths); a larger forest is walked instead. */
const MAX_CELLS = 1 << 22;
/** Rows scored together, tree after tree: enough that loading a tree's tables into the cache pays. */
const BLOCK_ROWS = 32768;

export interface ForestTables {
  dimensions: number;
  trees: number;
  /** Per feature: every tree's cut values, ascending and distinct. */
  cuts: Float64Array[];
  /** Per tree and feature [tree × dimensions + d]: of the tree's own cuts, how many lie below each position among all cuts. */
  below: Uint16Array[];
  /** Per tree and feature: the step in that tree's table for one more cut below. */
  stride: Int32Array;
  /** Per tree: where its table starts in `cells`. */
  offset: Int32Array;
  /** The path length (depth + c(m) of its leaf) of every cell of every tree. */
  cells: Float64Array;
}

/** The first index of an ascending array whose value is ≥ x: how many values lie below x. */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const distinctSorted = (values: number[]): Float64Array => {
  const sorted = Float64Array.from(values).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
  return sorted.slice(0, m);
};

/** The forest's tables, or null when they would outgrow MAX_CELLS (many features, or large ψ). */
export function forestTables(model: FittedTrees): ForestTables | null {
  const { dimensions: dims, nodesPerTree, feature, threshold } = model;
  const trees = feature.length / nodesPerTree;
  const own: Float64Array[] = []; // [tree × dims + d]: the tree's cuts on feature d
  const all: number[][] = Array.from({ length: dims }, () => []);
  const stride = new Int32Array(trees * dims), offset = new Int32Array(trees + 1);
  for (let tree = 0; tree < trees; tree++) {
    const values: number[][] = Array.from({ length: dims }, () => []);
    for (let node = tree * nodesPerTree; node < (tree + 1) * nodesPerTree; node++) {
      if (feature[node] >= 0) values[feature[node]].push(threshold[node]);
    }
    let size = 1;
    for (let d = dims - 1; d >= 0; d--) {
      const cuts = distinctSorted(values[d]);
      own[tree * dims + d] = cuts;
      for (const value of cuts) all[d].push(value);
      stride[tree * dims + d] = size;
      size *= cuts.length + 1;
    }
    offset[tree + 1] = offset[tree] + size;
    if (offset[tree + 1] > MAX_CELLS) return null;
  }
  const cuts = all.map(distinctSorted);
  const below: Uint16Array[] = [];
  for (let tree = 0; tree < trees; tree++) {
    for (let d = 0; d < dims; d++) {
      const mine = own[tree * dims + d], every = cuts[d];
      const counts = new Uint16Array(every.length + 1);
      for (let r = 0, k = 0; r < every.length; r++) {
        if (k < mine.length && mine[k] === every[r]) k++;
        counts[r + 1] = k;
      }
      below.push(counts);
    }
  }
  const cells = new Float64Array(offset[trees]);
  fillCells(model, own, stride, offset, cells);
  return { dimensions: dims, trees, cuts, below, stride, offset, cells };
}

/** Every cell of every tree gets the path length of the leaf its rows reach (a walk of each tree once). */
function fillCells(model: FittedTrees, own: Float64Array[], stride: Int32Array, offset: Int32Array, cells: Float64Array): void {
  const { dimensions: dims, nodesPerTree, feature, threshold, left } = model;
  const trees = feature.length / nodesPerTree;
  // A pending node and the box of cut counts its rows can have: lo..hi per feature.
  const stackNode = new Int32Array(nodesPerTree), bounds = new Int32Array(nodesPerTree * 2 * dims);
  const at = new Int32Array(dims);
  for (let tree = 0; tree < trees; tree++) {
    const base = tree * nodesPerTree;
    let top = 1;
    stackNode[0] = 0;
    for (let d = 0; d < dims; d++) { bounds[2 * d] = 0; bounds[2 * d + 1] = own[tree * dims + d].length; }
    while (top > 0) {
      top--;
      const node = base + stackNode[top], box = top * 2 * dims;
      const f = feature[node];
      if (f >= 0) {
        // Rows with more than `rank` of the tree's cuts on f below their value lie right of this cut.
        const rank = countBelow(own[tree * dims + f], threshold[node]);
        const lo = bounds[box + 2 * f], hi = bounds[box + 2 * f + 1];
        const rightBox = box + 2 * dims;
        bounds.copyWithin(rightBox, box, box + 2 * dims);
        stackNode[top] = left[node]; // the left child takes this slot: counts lo..min(hi, rank)
        bounds[box + 2 * f + 1] = Math.min(hi, rank);
        stackNode[top + 1] = left[node] + 1; // the right child the next: max(lo, rank + 1)..hi
        bounds[rightBox + 2 * f] = Math.max(lo, rank + 1);
        top += 2;
        continue;
      }
      let empty = false;
      for (let d = 0; d < dims; d++) {
        at[d] = bounds[box + 2 * d];
        if (at[d] > bounds[box + 2 * d + 1]) empty = true;
      }
      if (empty) continue;
      // Every cell of the box (an odometer over the features) gets the leaf's path length.
      for (;;) {
        let cell = offset[tree];
        for (let d = 0; d < dims; d++) cell += at[d] * stride[tree * dims + d];
        cells[cell] = threshold[node];
        let d = dims - 1;
        while (d >= 0 && at[d] === bounds[box + 2 * d + 1]) { at[d] = bounds[box + 2 * d]; d--; }
        if (d < 0) break;
        at[d]++;
      }
    }
  }
}

/**
 * Each row's position among all cuts of each feature (NaN right of every cut, as in a walk),
 * and the rows reduced to their distinct positions: rows between the same cuts of every
 * feature land in the same leaf of every tree (a third of a group is often the typical value
 * itself, and most of the rest shares its cells), so each distinct position is scored once.
 */
function distinctPositions(cuts: Float64Array[], points: Float64Array): { position: Int32Array[]; rowOf: Int32Array; count: number } {
  const dims = cuts.length, n = points.length / dims;
  const position = cuts.map((sorted, d) => {
    const out = new Int32Array(n);
    for (let row = 0; row < n; row++) {
      const x = points[row * dims + d];
      out[row] = x === x ? countBelow(sorted, x) : sorted.length;
    }
    return out;
  });
  // Open addressing on the positions themselves: a row whose positions match an earlier row's shares its entry.
  const capacity = 2 ** Math.ceil(Math.log2(2 * n + 2)), mask = capacity - 1;
  const slot = new Int32Array(capacity).fill(-1);
  const rowOf = new Int32Array(n), first: number[] = [];
  for (let row = 0; row < n; row++) {
    let hash = 0;
    for (let d = 0; d < dims; d++) hash = Math.imul(hash ^ position[d][row], 0x9e3779b1);
    let at = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const entry = slot[at];
      if (entry < 0) { slot[at] = first.length; rowOf[row] = first.length; first.push(row); break; }
      let same = true;
      for (let d = 0; d < dims && same; d++) same = position[d][first[entry]] === position[d][row];
      if (same) { rowOf[row] = entry; break; }
      at = (at + 1) & mask;
    }
  }
  const distinct = position.map((column) => mapped(Int32Array, first, (row) => column[row]));
  return { position: distinct, rowOf, count: first.length };
}

/** The sum over trees, in tree order, of each row's path length (the score's exponent before normalising). */
export function tablePathLengths(tables: ForestTables, points: Float64Array): Float64Array {
  const { dimensions: dims, trees, cuts, below, stride, offset, cells } = tables;
  const { position, rowOf, count } = distinctPositions(cuts, points);
  const sums = new Float64Array(count);
  for (let first = 0; first < count; first += BLOCK_ROWS) {
    const last = Math.min(count, first + BLOCK_ROWS);
    for (let tree = 0; tree < trees; tree++) {
      const start = offset[tree];
      if (dims === 2) {
        const belowX = below[2 * tree], belowY = below[2 * tree + 1], strideX = stride[2 * tree], strideY = stride[2 * tree + 1];
        const px = position[0], py = position[1];
        for (let k = first; k < last; k++) sums[k] += cells[start + belowX[px[k]] * strideX + belowY[py[k]] * strideY];
        continue;
      }
      for (let k = first; k < last; k++) {
        let cell = start;
        for (let d = 0; d < dims; d++) cell += below[tree * dims + d][position[d][k]] * stride[tree * dims + d];
        sums[k] += cells[cell];
      }
    }
  }
  return mapped(Float64Array, rowOf, (k) => sums[k]);
}
