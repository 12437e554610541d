/**
 * The detector contract (after PyOD / scikit-learn): one event and sex at a time, columns
 * as typed arrays; every detector returns a score per performance where higher is more
 * anomalous, and the threshold at which a score flags. Only better-than-expected is
 * suspicious: a detector scores marks that are unusually good, never unusually bad. Flags,
 * ranks, consensus, parameter checks, the orientation, the wind adjustment and the age and
 * career context (performanceContext.ts) are shared code, not the detector's.
 */
export interface EventColumns {
  event: string; // e.g. '400-metres', 'shot-put-6kg'
  sex: string; // 'male' | 'female' | other
  direction: 'lower' | 'higher'; // which marks are better (times lower, distances higher)
  mark: Float64Array; // seconds or metres as published
  athlete: Int32Array; // dense athlete index
  season: Int32Array; // year
  dayNumber: Float64Array; // days since 1970-01-01 of the performance
  age: Float64Array; // NaN when unknown
  wind: Float64Array; // m/s, NaN when none
}

export type DetectorFamily = 'statistical' | 'ml' | 'advanced';

export interface ParameterSpec {
  default: number;
  min: number;
  max: number;
  step?: number;
  label: string;
}

export type DetectorParameters = Record<string, number>;

export interface DetectionResult {
  scores: Float64Array; // one per performance, finite, higher = more anomalous
  threshold: number; // score >= threshold flags
}

export interface Detector {
  id: string;
  label: string;
  family: DetectorFamily;
  /** In one sentence, the pattern in a career this detector looks for. */
  pattern: string;
  parameters: Record<string, ParameterSpec>;
  detect(columns: EventColumns, params: DetectorParameters, seed: number): DetectionResult;
  /** One sentence with the numbers behind the score of performance `index`. */
  explain(columns: EventColumns, index: number, result: DetectionResult, params: DetectorParameters): string;
}

/** What the UI needs to build a detector's form. */
export interface DetectorInfo {
  id: string;
  label: string;
  family: DetectorFamily;
  pattern: string;
  parameters: Record<string, ParameterSpec>;
}

export interface DetectorRun extends DetectionResult {
  flagged: Uint8Array; // 1 where score >= threshold
}
