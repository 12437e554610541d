/**
 * Consensus outliers: the performances that at least k methods flag, each with the
 * methods that did. Methods that work differently and agree are harder to dismiss than
 * one method's extreme score. The count of methods is also a score, so the consensus
 * is evaluated like any method.
 */

export interface MethodFlags {
  id: string;
  flagged: ArrayLike<number>;
}

export interface ConsensusOutlier {
  row: number;
  methods: string[];
}

export interface Consensus {
  /** How many methods flag each performance. */
  counts: Uint8Array;
  /** 1 where counts ≥ minMethods. */
  flagged: Uint8Array;
  /** The flagged performances, most methods first, then by row. */
  outliers: ConsensusOutlier[];
}

export function consensusOutliers(methods: readonly MethodFlags[], minMethods: number): Consensus {
  if (!Number.isInteger(minMethods) || minMethods < 1) throw new Error(`invalid minMethods: ${minMethods}`);
  if (methods.length > 255) throw new Error(`too many methods: ${methods.length} (at most 255)`);
  const n = methods.length === 0 ? 0 : methods[0].flagged.length;
  for (const method of methods) {
    if (method.flagged.length !== n) {
      throw new Error(`consensus: method ${method.id} has ${method.flagged.length} flags, expected ${n}`);
    }
  }
  const counts = new Uint8Array(n);
  for (const method of methods) for (let i = 0; i < n; i++) if (method.flagged[i]) counts[i]++;
  const flagged = new Uint8Array(n);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (counts[i] >= minMethods) {
      flagged[i] = 1;
      rows.push(i);
    }
  }
  rows.sort((a, b) => counts[b] - counts[a] || a - b);
  const outliers = rows.map((row) => ({
    row,
    methods: methods.filter((m) => m.flagged[row]).map((m) => m.id),
  }));
  return { counts, flagged, outliers };
}
