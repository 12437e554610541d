/**
 * Consensus across detectors: how many methods flag each performance, and which
 * performances at least `minMethods` of them flag.
 */
export interface Consensus {
  methodCount: Uint8Array; // methods flagging each performance
  flagged: Uint8Array; // 1 where methodCount >= minMethods
}

export function consensusOf(flagsByMethod: readonly Uint8Array[], minMethods: number): Consensus {
  if (flagsByMethod.length === 0) throw new Error('consensus: no methods given');
  if (!Number.isInteger(minMethods) || minMethods < 1 || minMethods > flagsByMethod.length) {
    throw new Error(`invalid minMethods: ${minMethods} (expected 1 to ${flagsByMethod.length})`);
  }
  const n = flagsByMethod[0].length;
  const methodCount = new Uint8Array(n);
  for (const flags of flagsByMethod) {
    if (flags.length !== n) throw new Error(`consensus: flag arrays differ in length (${flags.length} and ${n})`);
    for (let i = 0; i < n; i++) methodCount[i] += flags[i];
  }
  const flagged = new Uint8Array(n);
  for (let i = 0; i < n; i++) flagged[i] = methodCount[i] >= minMethods ? 1 : 0;
  return { methodCount, flagged };
}
