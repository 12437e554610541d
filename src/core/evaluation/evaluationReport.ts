/**
 * What the evaluation gives back (methodEvaluation.ts), in its own file so that the parts
 * that read it (plainWords.ts, the UI) do not import the code that makes it.
 */
import type { RankingRow } from './report';

export type MethodKind = 'detector' | 'consensus' | 'baseline' | 'supervised';

export interface MethodRow extends RankingRow {
  method: string;
  label: string;
  kind: MethodKind;
  /** AP ÷ the best of the three trivial baselines' AP. */
  apOverBaseline: number;
}

export interface LiftCurve {
  method: string;
  label: string;
  kind: MethodKind;
  points: { k: number; lift: number }[];
}

export interface EvaluationReport {
  level: 'athlete' | 'performance';
  n: number;
  positives: number;
  baseRate: number;
  exposureStrata: string[];
  eraStrata: string[];
  rows: MethodRow[];
  lift: LiftCurve[];
  /** The learned combination's fit on all athletes, per sd of each feature; null at the performance level. */
  learned: { coefficients: { name: string; value: number }[]; intercept: number } | null;
  /** What the table says, in sentences. */
  words: string[];
}

