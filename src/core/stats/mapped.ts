/**
 * `Float64Array.from(values, f)` and its kin, as a plain loop. V8 runs a typed array's `from`
 * with a mapping function through its generic iteration, about twenty times slower than a
 * loop (some 150 ns a value: a sixth of a second per million rows, many times over in a run of
 * the detectors). Each value is stored as `from` would store it (the array's own conversion).
 */
type NumberArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

export function mapped<Out extends NumberArray, In>(Type: new (length: number) => Out, values: ArrayLike<In>, f: (value: In, index: number) => number): Out {
  const out = new Type(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i], i);
  return out;
}
