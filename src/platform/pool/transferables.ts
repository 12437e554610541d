/**
 * How deep a task's input or result is searched for typed arrays. The evaluation's input
 * holds each method's scores at input.table.detectors[k].scores, four levels down: at three
 * they were not transferred but cloned, 130 MB at a million rows costing the page and the
 * worker about a second between them.
 */
export const TRANSFER_DEPTH = 6;

/**
 * The ArrayBuffers inside a value (typed arrays, buffers, in objects and arrays up to `depth`
 * levels down), so they can be transferred instead of copied. A buffer is listed once;
 * shared or already-detached buffers are skipped.
 */
export function transferablesOf(value: unknown, depth = TRANSFER_DEPTH): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (item: unknown, level: number): void => {
    if (item === null || typeof item !== 'object') return;
    if (item instanceof ArrayBuffer) {
      if (item.byteLength > 0) found.add(item);
      return;
    }
    if (ArrayBuffer.isView(item)) {
      if (item.buffer instanceof ArrayBuffer && item.buffer.byteLength > 0) found.add(item.buffer);
      return;
    }
    if (level >= depth) return;
    const children = Array.isArray(item) ? item : item instanceof Map ? [...item.values()] : Object.values(item);
    for (const child of children) visit(child, level + 1);
  };
  visit(value, 0);
  return [...found];
}

/** A deep copy of the typed arrays in a value (other fields shared), kept for a retry. */
export function copyTypedArrays<T>(value: T, depth = TRANSFER_DEPTH): T {
  const copy = (item: unknown, level: number): unknown => {
    if (item === null || typeof item !== 'object') return item;
    if (item instanceof ArrayBuffer) return item.slice(0);
    if (item instanceof DataView) return new DataView(item.buffer.slice(item.byteOffset, item.byteOffset + item.byteLength));
    if (ArrayBuffer.isView(item)) return (item as unknown as { slice(): unknown }).slice();
    if (level >= depth) return item;
    if (Array.isArray(item)) return item.map((child) => copy(child, level + 1));
    if (item instanceof Map || item instanceof Set || item instanceof Date) return item;
    return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, copy(child, level + 1)]));
  };
  return copy(value, 0) as T;
}
