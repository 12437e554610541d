/**
 * A k-d tree over points stored row-major in one Float64Array (n × dimensions), built by
 * median splits on the widest dimension, for k-nearest-neighbour queries in
 * O(log n)-ish time so LOF scales to 100k performances an event. Nodes live in typed
 * arrays; the far side of a split is pruned with the incremental cell distance of
 * Arya & Mount, which is tighter than the plain distance to the splitting plane.
 */
export interface KdTree {
  readonly points: Float64Array;
  readonly dimensions: number;
  readonly order: Int32Array; // point indices, grouped so each node covers order[start..end)
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly left: Int32Array; // −1 at a leaf
  readonly right: Int32Array;
  readonly splitDimension: Int32Array;
  readonly splitValue: Float64Array;
}

export function buildKdTree(points: Float64Array, dimensions: number, leafSize = 16): KdTree {
  if (!(dimensions >= 1) || points.length % dimensions !== 0) throw new Error(`invalid dimensions: ${dimensions}`);
  if (!(leafSize >= 1)) throw new Error(`invalid leafSize: ${leafSize}`);
  const n = points.length / dimensions;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const capacity = 4 * Math.ceil(n / leafSize) + 4;
  const start = new Int32Array(capacity), end = new Int32Array(capacity);
  const left = new Int32Array(capacity).fill(-1), right = new Int32Array(capacity).fill(-1);
  const splitDimension = new Int32Array(capacity), splitValue = new Float64Array(capacity);
  let nodeCount = 1;
  end[0] = n;
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    const lo = start[node], hi = end[node];
    if (hi - lo <= leafSize) continue;
    let widest = 0, widestSpread = -1;
    for (let d = 0; d < dimensions; d++) {
      let min = Infinity, max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = points[order[i] * dimensions + d];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > widestSpread) { widestSpread = max - min; widest = d; }
    }
    if (widestSpread <= 0) continue; // all points identical: keep as one leaf
    const mid = (lo + hi) >> 1;
    selectNth(order, points, dimensions, widest, lo, hi - 1, mid);
    splitDimension[node] = widest;
    splitValue[node] = points[order[mid] * dimensions + widest];
    const l = nodeCount++, r = nodeCount++;
    start[l] = lo; end[l] = mid; start[r] = mid; end[r] = hi;
    left[node] = l; right[node] = r;
    stack.push(l, r);
  }
  return { points, dimensions, order, start, end, left, right, splitDimension, splitValue };
}

/** Quickselect (Numerical Recipes' `select`): order[k] gets the k-th smallest coordinate. */
function selectNth(order: Int32Array, points: Float64Array, dims: number, dim: number, lo: number, hi: number, k: number): void {
  const key = (i: number) => points[order[i] * dims + dim];
  const swap = (a: number, b: number) => { const t = order[a]; order[a] = order[b]; order[b] = t; };
  let l = lo, ir = hi;
  for (;;) {
    if (ir <= l + 1) {
      if (ir === l + 1 && key(ir) < key(l)) swap(l, ir);
      return;
    }
    swap((l + ir) >> 1, l + 1);
    if (key(l) > key(ir)) swap(l, ir);
    if (key(l + 1) > key(ir)) swap(l + 1, ir);
    if (key(l) > key(l + 1)) swap(l, l + 1);
    let i = l + 1, j = ir;
    const pivotIndex = order[l + 1];
    const pivot = points[pivotIndex * dims + dim];
    for (;;) {
      do i++; while (key(i) < pivot);
      do j--; while (key(j) > pivot);
      if (j < i) break;
      swap(i, j);
    }
    order[l + 1] = order[j];
    order[j] = pivotIndex;
    if (j >= k) ir = j - 1;
    if (j <= k) l = i;
  }
}

export interface NeighborTable {
  k: number;
  indices: Int32Array; // n × k, nearest first
  distances: Float64Array; // Euclidean, n × k, ascending
}

/**
 * The k nearest other points of every point (a point is never its own neighbour). Each query
 * descends to the nearer side first and visits the far side only if its cell can still hold
 * a point nearer than the k-th best so far; a point is taken only when strictly nearer than
 * the k-th best so far (scikit-learn's rule), into a max-heap, so which of several equally
 * distant points stays follows the order they are met in. The descent keeps its own stack in
 * typed arrays (no recursion, no allocation per node): a million queries make a hundred
 * million node visits and distances.
 */
export function allNearestNeighbors(tree: KdTree, k: number): NeighborTable {
  const n = tree.points.length / tree.dimensions;
  if (!(k >= 1 && k < n)) throw new Error(`invalid k: ${k} (needs 1 ≤ k < ${n})`);
  const table = { k, indices: new Int32Array(n * k), distances: new Float64Array(n * k) };
  nearestNeighborsInto(tree, table, null);
  return table;
}

/** An n × k table whose rows are still to be answered (index −1). */
export function emptyNeighborTable(n: number, k: number): NeighborTable {
  return { k, indices: new Int32Array(n * k).fill(-1), distances: new Float64Array(n * k).fill(NaN) };
}

/** Answers the rows of `table` for the points marked in `wanted` (all points when null); each row as allNearestNeighbors answers it. */
export function nearestNeighborsInto(tree: KdTree, table: NeighborTable, wanted: Uint8Array | null): void {
  const { points, dimensions, order, start, end, left, right, splitDimension, splitValue } = tree;
  const n = points.length / dimensions, k = table.k;
  if (!(k >= 1 && k < n)) throw new Error(`invalid k: ${k} (needs 1 ≤ k < ${n})`);
  const { indices, distances } = table;
  const heapDistance = new Float64Array(k), heapIndex = new Int32Array(k);
  const offsets = new Float64Array(dimensions);
  // Pending far sides: the node, the split's dimension and gap, the far cell's distance. A
  // frame with node −1 restores offsets[dimension] to `gap` once a far side's subtree is done.
  const capacity = 2 * (left.length + 1);
  const stackNode = new Int32Array(capacity), stackDimension = new Int32Array(capacity);
  const stackDistance = new Float64Array(capacity), stackGap = new Float64Array(capacity);
  // Queries in the tree's own order: neighbouring queries walk the same nodes while they are in cache.
  for (let q = 0; q < n; q++) {
    const query = order[q], base = query * dimensions;
    if (wanted && !wanted[query]) continue;
    let size = 0, worst = Infinity;
    let top = 0, node = 0, cellDistance = 0;
    for (;;) {
      // Down to a leaf, nearer side first; each far side waits on the stack.
      while (left[node] >= 0) {
        const dim = splitDimension[node];
        const gap = points[base + dim] - splitValue[node];
        const near = gap < 0 ? left[node] : right[node], far = gap < 0 ? right[node] : left[node];
        const previous = offsets[dim];
        stackNode[top] = far; stackDimension[top] = dim; stackGap[top] = gap;
        stackDistance[top] = cellDistance - previous * previous + gap * gap;
        top++;
        node = near;
      }
      for (let t = start[node]; t < end[node]; t++) {
        const p = order[t];
        if (p === query) continue;
        let d2 = 0;
        for (let d = 0, pb = p * dimensions; d < dimensions; d++) { const diff = points[pb + d] - points[base + d]; d2 += diff * diff; }
        if (d2 < worst) {
          // Max-heap on squared distance holding the k best so far.
          if (size < k) {
            let i = size++;
            while (i > 0) {
              const parent = (i - 1) >> 1;
              if (heapDistance[parent] >= d2) break;
              heapDistance[i] = heapDistance[parent]; heapIndex[i] = heapIndex[parent]; i = parent;
            }
            heapDistance[i] = d2; heapIndex[i] = p;
          } else {
            siftDown(heapDistance, heapIndex, size, d2, p);
          }
          if (size === k) worst = heapDistance[0];
        }
      }
      // The next far side worth a visit, restoring offsets as subtrees end.
      node = -1;
      while (top > 0) {
        top--;
        const far = stackNode[top], dim = stackDimension[top];
        if (far < 0) { offsets[dim] = stackGap[top]; continue; }
        const farDistance = stackDistance[top];
        if (farDistance < worst) {
          // The far side is entered with this dimension's offset set to its gap; the frame
          // stays as the one that restores the offset when the far side's subtree is done.
          const gap = stackGap[top];
          stackNode[top] = -1; stackGap[top] = offsets[dim];
          top++;
          offsets[dim] = gap;
          node = far; cellDistance = farDistance;
          break;
        }
      }
      if (node < 0) break;
    }
    // Heap-sort the k results into ascending order.
    for (let last = k - 1; last >= 0; last--) {
      const d2 = heapDistance[0], index = heapIndex[0];
      indices[query * k + last] = index; distances[query * k + last] = Math.sqrt(d2);
      siftDown(heapDistance, heapIndex, last, heapDistance[last], heapIndex[last]);
    }
  }
}

/** Replace the heap's root with (d2, index) and restore the max-heap over the first `size`. */
function siftDown(heapDistance: Float64Array, heapIndex: Int32Array, size: number, d2: number, index: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heapDistance[child + 1] > heapDistance[child]) child++;
    if (heapDistance[child] <= d2) break;
    heapDistance[i] = heapDistance[child]; heapIndex[i] = heapIndex[child]; i = child;
  }
  heapDistance[i] = d2; heapIndex[i] = index;
}
