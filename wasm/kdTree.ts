/**
 * The k-d tree of src/core/stats/kdTree.ts in AssemblyScript, compiled to WebAssembly by
 * scripts/build-wasm.ts: the build (median splits on the widest dimension), the k nearest
 * neighbours of every wanted point, and the local outlier factor from them (at the end of
 * this file). Same algorithm and the same floating-point operations in
 * the same order as the TypeScript it replaced, so the same neighbours and distances to the
 * bit. Memory is laid out by the caller (kdTree.ts); every pointer is a byte offset into this
 * module's memory. Why WebAssembly: in a compute worker the JIT compiled the JavaScript
 * tree again and again (OSR) during a run's first groups, and warm it was 1.7× slower.
 */

@inline function f64At(base: usize, i: i32): f64 { return load<f64>(base + (<usize>i << 3)); }
@inline function setF64(base: usize, i: i32, v: f64): void { store<f64>(base + (<usize>i << 3), v); }
@inline function i32At(base: usize, i: i32): i32 { return load<i32>(base + (<usize>i << 2)); }
@inline function setI32(base: usize, i: i32, v: i32): void { store<i32>(base + (<usize>i << 2), v); }

function selectNth(order: usize, points: usize, dims: i32, dim: i32, lo: i32, hi: i32, k: i32): void {
  let l = lo, ir = hi;
  while (true) {
    if (ir <= l + 1) {
      if (ir == l + 1 && f64At(points, i32At(order, ir) * dims + dim) < f64At(points, i32At(order, l) * dims + dim)) { const t = i32At(order, l); setI32(order, l, i32At(order, ir)); setI32(order, ir, t); }
      return;
    }
    let a = (l + ir) >> 1, b = l + 1;
    let t = i32At(order, a); setI32(order, a, i32At(order, b)); setI32(order, b, t);
    if (f64At(points, i32At(order, l) * dims + dim) > f64At(points, i32At(order, ir) * dims + dim)) { t = i32At(order, l); setI32(order, l, i32At(order, ir)); setI32(order, ir, t); }
    if (f64At(points, i32At(order, l + 1) * dims + dim) > f64At(points, i32At(order, ir) * dims + dim)) { t = i32At(order, l + 1); setI32(order, l + 1, i32At(order, ir)); setI32(order, ir, t); }
    if (f64At(points, i32At(order, l) * dims + dim) > f64At(points, i32At(order, l + 1) * dims + dim)) { t = i32At(order, l); setI32(order, l, i32At(order, l + 1)); setI32(order, l + 1, t); }
    let i = l + 1, j = ir;
    const pivotIndex = i32At(order, l + 1);
    const pivot = f64At(points, pivotIndex * dims + dim);
    while (true) {
      do i++; while (f64At(points, i32At(order, i) * dims + dim) < pivot);
      do j--; while (f64At(points, i32At(order, j) * dims + dim) > pivot);
      if (j < i) break;
      t = i32At(order, i); setI32(order, i, i32At(order, j)); setI32(order, j, t);
    }
    setI32(order, l + 1, i32At(order, j));
    setI32(order, j, pivotIndex);
    if (j >= k) ir = j - 1;
    if (j <= k) l = i;
  }
}

/** Builds the tree into the given arrays (start/end/left/right/splitDimension of `capacity` i32, splitValue f64; left/right pre-filled with −1 by the caller); `stack`: capacity i32 of scratch. */
export function build(points: usize, n: i32, dims: i32, leafSize: i32, order: usize, start: usize, end: usize, left: usize, right: usize, splitDimension: usize, splitValue: usize, stack: usize): i32 {
  for (let i = 0; i < n; i++) setI32(order, i, i);
  let nodeCount = 1;
  setI32(start, 0, 0);
  setI32(end, 0, n);
  let top = 1;
  setI32(stack, 0, 0);
  while (top > 0) {
    top--;
    const node = i32At(stack, top);
    const lo = i32At(start, node), hi = i32At(end, node);
    if (hi - lo <= leafSize) continue;
    let widest = 0;
    let widestSpread: f64 = -1;
    for (let d = 0; d < dims; d++) {
      let min: f64 = Infinity, max: f64 = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = f64At(points, i32At(order, i) * dims + d);
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > widestSpread) { widestSpread = max - min; widest = d; }
    }
    if (widestSpread <= 0) continue;
    const mid = (lo + hi) >> 1;
    selectNth(order, points, dims, widest, lo, hi - 1, mid);
    setI32(splitDimension, node, widest);
    setF64(splitValue, node, f64At(points, i32At(order, mid) * dims + widest));
    const l = nodeCount++, r = nodeCount++;
    setI32(start, l, lo); setI32(end, l, mid); setI32(start, r, mid); setI32(end, r, hi);
    setI32(left, node, l); setI32(right, node, r);
    setI32(stack, top++, l);
    setI32(stack, top++, r);
  }
  return nodeCount;
}

function siftDown(heapDistance: usize, heapIndex: usize, size: i32, d2: f64, index: i32): void {
  let i = 0;
  while (true) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && f64At(heapDistance, child + 1) > f64At(heapDistance, child)) child++;
    if (f64At(heapDistance, child) <= d2) break;
    setF64(heapDistance, i, f64At(heapDistance, child)); setI32(heapIndex, i, i32At(heapIndex, child)); i = child;
  }
  setF64(heapDistance, i, d2); setI32(heapIndex, i, index);
}

/** Answers the rows of the n × k table for the points marked in `wanted` (every point when wanted is 0). Scratch: heap (k f64 + k i32), offsets (dims f64, zeroed), stacks of `capacity`. */
export function query(points: usize, n: i32, dims: i32, k: i32, order: usize, start: usize, end: usize, left: usize, right: usize, splitDimension: usize, splitValue: usize,
  indices: usize, distances: usize, wanted: usize, heapDistance: usize, heapIndex: usize, offsets: usize, stackNode: usize, stackDimension: usize, stackDistance: usize, stackGap: usize): void {
  for (let q = 0; q < n; q++) {
    const queryPoint = i32At(order, q), base = queryPoint * dims;
    if (wanted != 0 && load<u8>(wanted + <usize>queryPoint) == 0) continue;
    let size = 0;
    let worst: f64 = Infinity;
    let top = 0, node = 0;
    let cellDistance: f64 = 0;
    while (true) {
      while (i32At(left, node) >= 0) {
        const dim = i32At(splitDimension, node);
        const gap = f64At(points, base + dim) - f64At(splitValue, node);
        const near = gap < 0 ? i32At(left, node) : i32At(right, node), far = gap < 0 ? i32At(right, node) : i32At(left, node);
        const previous = f64At(offsets, dim);
        setI32(stackNode, top, far); setI32(stackDimension, top, dim); setF64(stackGap, top, gap);
        setF64(stackDistance, top, cellDistance - previous * previous + gap * gap);
        top++;
        node = near;
      }
      const tEnd = i32At(end, node);
      for (let t = i32At(start, node); t < tEnd; t++) {
        const p = i32At(order, t);
        if (p == queryPoint) continue;
        let d2: f64 = 0;
        for (let d = 0, pb = p * dims; d < dims; d++) { const diff = f64At(points, pb + d) - f64At(points, base + d); d2 += diff * diff; }
        if (d2 < worst) {
          if (size < k) {
            let i = size++;
            while (i > 0) {
              const parent = (i - 1) >> 1;
              if (f64At(heapDistance, parent) >= d2) break;
              setF64(heapDistance, i, f64At(heapDistance, parent)); setI32(heapIndex, i, i32At(heapIndex, parent)); i = parent;
            }
            setF64(heapDistance, i, d2); setI32(heapIndex, i, p);
          } else {
            siftDown(heapDistance, heapIndex, size, d2, p);
          }
          if (size == k) worst = f64At(heapDistance, 0);
        }
      }
      node = -1;
      while (top > 0) {
        top--;
        const far = i32At(stackNode, top), dim = i32At(stackDimension, top);
        if (far < 0) { setF64(offsets, dim, f64At(stackGap, top)); continue; }
        const farDistance = f64At(stackDistance, top);
        if (farDistance < worst) {
          const gap = f64At(stackGap, top);
          setI32(stackNode, top, -1); setF64(stackGap, top, f64At(offsets, dim));
          top++;
          setF64(offsets, dim, gap);
          node = far; cellDistance = farDistance;
          break;
        }
      }
      if (node < 0) break;
    }
    for (let last = k - 1; last >= 0; last--) {
      const d2 = f64At(heapDistance, 0), index = i32At(heapIndex, 0);
      setI32(indices, queryPoint * k + last, index); setF64(distances, queryPoint * k + last, Math.sqrt(d2));
      siftDown(heapDistance, heapIndex, last, f64At(heapDistance, last), i32At(heapIndex, last));
    }
  }
}

/**
 * The local outlier factor of src/core/stats/localOutlierFactor.ts in one call, so the n × k
 * table stays in this memory between the tree's searches instead of crossing to JavaScript
 * and back three times. Builds the tree (leafSize), then answers every point (wanted = 0), or
 * the wanted points, their neighbours and those neighbours' neighbours, as three rounds of
 * search; then each point's k-distance, the local reachability density of the points a
 * factor needs, and the factor of each wanted point (NaN elsewhere). The same operations in
 * the same order as the TypeScript it replaced. Scratch as for build and query, plus ask,
 * next, searched and needDensity (n u8) and kDistance and density (n f64).
 */
export function localOutlierFactor(points: usize, n: i32, dims: i32, k: i32, leafSize: i32, wanted: usize,
  order: usize, start: usize, end: usize, left: usize, right: usize, splitDimension: usize, splitValue: usize, stack: usize, capacity: i32,
  indices: usize, distances: usize, heapDistance: usize, heapIndex: usize, offsets: usize, stackNode: usize, stackDimension: usize, stackDistance: usize, stackGap: usize,
  ask: usize, next: usize, searched: usize, needDensity: usize, kDistance: usize, density: usize, factor: usize): void {
  memory.fill(start, 0, <usize>capacity << 2); memory.fill(end, 0, <usize>capacity << 2); memory.fill(splitDimension, 0, <usize>capacity << 2);
  memory.fill(left, 0xff, <usize>capacity << 2); memory.fill(right, 0xff, <usize>capacity << 2); memory.fill(splitValue, 0, <usize>capacity << 3);
  build(points, n, dims, leafSize, order, start, end, left, right, splitDimension, splitValue, stack);
  if (wanted == 0) {
    memory.fill(offsets, 0, <usize>dims << 3);
    query(points, n, dims, k, order, start, end, left, right, splitDimension, splitValue, indices, distances, 0, heapDistance, heapIndex, offsets, stackNode, stackDimension, stackDistance, stackGap);
  } else {
    for (let i = 0; i < n * k; i++) { setI32(indices, i, -1); setF64(distances, i, NaN); }
    memory.fill(searched, 0, <usize>n); memory.fill(needDensity, 0, <usize>n);
    memory.copy(ask, wanted, <usize>n);
    let asked = ask, following = next;
    for (let level = 0; level < 3; level++) {
      for (let i = 0; i < n; i++) {
        if (load<u8>(asked + <usize>i) == 0) continue;
        if (load<u8>(searched + <usize>i) != 0) store<u8>(asked + <usize>i, 0);
        else store<u8>(searched + <usize>i, 1);
      }
      memory.fill(offsets, 0, <usize>dims << 3);
      query(points, n, dims, k, order, start, end, left, right, splitDimension, splitValue, indices, distances, asked, heapDistance, heapIndex, offsets, stackNode, stackDimension, stackDistance, stackGap);
      if (level < 2) for (let i = 0; i < n; i++) if (load<u8>(asked + <usize>i) != 0) store<u8>(needDensity + <usize>i, 1);
      // Next: the neighbours of the points just searched that are not searched yet.
      memory.fill(following, 0, <usize>n);
      for (let i = 0; i < n; i++) {
        if (load<u8>(asked + <usize>i) == 0) continue;
        for (let j = 0; j < k; j++) store<u8>(following + <usize>i32At(indices, i * k + j), 1);
      }
      const t = asked; asked = following; following = t;
    }
  }
  for (let i = 0; i < n; i++) setF64(kDistance, i, i32At(indices, i * k) >= 0 ? f64At(distances, i * k + k - 1) : NaN);
  for (let i = 0; i < n; i++) {
    setF64(density, i, NaN);
    if (wanted != 0 && load<u8>(needDensity + <usize>i) == 0) continue;
    let sum: f64 = 0;
    for (let j = 0; j < k; j++) sum += Math.max(f64At(kDistance, i32At(indices, i * k + j)), f64At(distances, i * k + j));
    setF64(density, i, 1 / (sum / <f64>k + 1e-10));
  }
  for (let i = 0; i < n; i++) {
    setF64(factor, i, NaN);
    if (wanted != 0 && load<u8>(wanted + <usize>i) == 0) continue;
    let sum: f64 = 0;
    for (let j = 0; j < k; j++) sum += f64At(density, i32At(indices, i * k + j));
    setF64(factor, i, sum / <f64>k / f64At(density, i));
  }
}
