/**
 * The Results workspace's one boundary between its UI (src/results) and its engine
 * (src/platform/results): the UI calls these and renders what comes back; it never writes
 * SQL nor touches a worker. Everything heavy runs in the DuckDB worker or the compute pool.
 */
import type { ResultField, ColumnRecognition } from '../../core/athletics/columns';
import type { MarkExclusion } from '../../core/athletics/marks';
import type { DetectorInfo, DetectorParameters } from '../../core/detectors/types';
import type { EvaluationRow } from '../../core/evaluation/report';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type ColumnMapping = Partial<Record<ResultField, string>>;

export interface LoadedResultsFile {
  file: string;
  rows: number;
  /** Rows whose mark was excluded, by reason (DNF, DNS, DQ, NM, blank, invalid…). */
  excluded: Partial<Record<MarkExclusion, number>>;
  /** What the user should know that did not stop the load: "row 1,204: mark "fast" is not a mark". */
  warnings: string[];
  mapping: ColumnMapping;
  /** From reading the file to its rows being queryable (athlete ids assigned). */
  milliseconds: number;
  /** The generated first-sight sample, which the analyst's own files replace. */
  sample: boolean;
}

/** A file whose required columns were not all recognised: the UI opens the mapping dialog. */
export interface MappingRequest {
  file: string;
  headers: string[];
  recognition: ColumnRecognition;
  /** A mapping remembered for files of this shape, if any. */
  remembered: ColumnMapping | null;
}

/** A file that could not be used, with the message that says which rows and what was expected. */
export interface FailedFile {
  file: string;
  message: string;
}

/** A file the engine keeps while the analyst maps its columns. */
export interface PendingMapping {
  request: MappingRequest;
  file: File;
}

/** The files as the engine holds them: what the Data tab shows. */
export interface FilesView {
  files: LoadedResultsFile[];
  failed: FailedFile[];
  mappings: PendingMapping[];
}

/** The generated first-sight data, fetched only when the engine has nothing loaded. */
export interface SampleFiles {
  results: File;
  sanctions: File;
}

export interface LoadOutcome {
  loaded: LoadedResultsFile[];
  needsMapping: MappingRequest[];
  /** Files that cannot be used, with the message that says which column/rows and what was expected. */
  failed: FailedFile[];
}

export interface EventSummary {
  event: string;
  sex: string;
  direction: 'lower' | 'higher';
  performances: number;
  athletes: number;
}

export interface DatasetSummary {
  /** Changes whenever the loaded data changes; part of every cache key. */
  fingerprint: string;
  performances: number;
  athletes: number;
  events: EventSummary[];
  files: LoadedResultsFile[];
}

export interface DetectorChoice {
  id: string;
  params: DetectorParameters;
}

export interface DetectorRunSummary {
  detectorId: string;
  label: string;
  flagged: number;
  performances: number;
  milliseconds: number;
  fromCache: boolean;
  /** Groups the method could not judge, with why ("long-jump women: too few results"). */
  problems: string[];
}

export interface SanctionCandidate {
  athleteId: number;
  name: string;
  dob: string | null;
  nationality: string | null;
  confidence: number;
  reason: string;
}

export interface SanctionMatchRow {
  sanctionIndex: number;
  name: string;
  country: string;
  years: string;
  sanction: string;
  status: 'matched' | 'ambiguous' | 'unmatched' | 'confirmed' | 'rejected';
  candidates: SanctionCandidate[];
}

export interface SanctionsSummary {
  file: string;
  records: number;
  matchedAthletes: number;
  rows: SanctionMatchRow[];
  problems: string[];
}

export type EvaluationLevel = 'athlete' | 'performance';

export interface EvaluationTableRow extends EvaluationRow {
  method: string;
  label: string;
  kind: 'detector' | 'consensus' | 'baseline';
}

export interface EvaluationTable {
  level: EvaluationLevel;
  event: string | null;
  baseRate: number;
  rows: EvaluationTableRow[];
}

export interface PrCurve {
  method: string;
  label: string;
  precision: number[];
  recall: number[];
}

export interface ConsensusRow {
  performanceId: number;
  athleteId: number;
  athlete: string;
  event: string;
  sex: string;
  date: string;
  mark: string;
  methods: string[];
}

/** An athlete by the performances several methods agree on (the profile's first sight). */
export interface FlaggedAthlete {
  athleteId: number;
  name: string;
  /** Performances flagged by at least the consensus number of methods. */
  consensusFlags: number;
  /** Those performances' flags summed over the methods. */
  flags: number;
}

export interface AthleteMatch {
  athleteId: number;
  name: string;
  dob: string | null;
  nationality: string | null;
  performances: number;
}

export interface PerformanceFlag {
  detectorId: string;
  label: string;
  score: number;
  explanation: string;
}

export interface ProfilePerformance {
  performanceId: number;
  event: string;
  sex: string;
  date: string;
  season: number;
  mark: number;
  markText: string;
  wind: number | null;
  seasonBest: boolean;
  flags: PerformanceFlag[];
}

export interface AthleteProfile {
  athleteId: number;
  name: string;
  dob: string | null;
  nationality: string | null;
  performances: ProfilePerformance[];
  /** Sanction periods of the matched sanctions, in years (inclusive). */
  sanctions: { from: number; to: number; text: string }[];
}

export interface EventDistribution {
  event: string;
  sex: string;
  direction: 'lower' | 'higher';
  bins: { from: number; to: number; count: number }[];
}

export interface ResultsLabApi {
  detectors(): DetectorInfo[];
  /**
   * First sight: loads the generated sample results and sanctions, only when nothing is
   * loaded and the analyst never loaded their own; true when it loaded them now.
   */
  openSample(fetchSample: () => Promise<SampleFiles>, options?: JobOptions): Promise<boolean>;
  /** The analyst's files; the first that loads replaces the sample results and sample sanctions. */
  loadFiles(files: File[], options?: JobOptions): Promise<LoadOutcome>;
  /** Load a file that needed mapping, with the user's mapping (remembered for its shape). */
  applyMapping(file: File, mapping: ColumnMapping, options?: JobOptions): Promise<LoadedResultsFile>;
  /** The analyst closed the mapping dialog of a file without loading it. */
  dismissMapping(file: string): void;
  /** The loaded, failed and waiting files, as the engine holds them. */
  files(): FilesView;
  removeFile(file: string): Promise<void>;
  summary(): Promise<DatasetSummary>;
  /**
   * Runs the detectors one after another; `onDetector` hears each as it finishes, so a
   * cancelled run still shows the detectors it finished. A run waits for the one before.
   */
  runDetectors(choices: DetectorChoice[], options?: JobOptions & { seed?: number; onDetector?: (summary: DetectorRunSummary) => void }): Promise<DetectorRunSummary[]>;
  loadSanctions(file: File, options?: JobOptions): Promise<SanctionsSummary>;
  /** The sanctions as matched now (they are matched again whenever the results change). */
  sanctionsSummary(): Promise<SanctionsSummary | null>;
  /** The analyst confirms a candidate for a sanction, or rejects the match (athleteId null). */
  decideMatch(sanctionIndex: number, athleteId: number | null): Promise<SanctionsSummary>;
  evaluation(level: EvaluationLevel, options?: { event?: string; consensusMin?: number }): Promise<EvaluationTable>;
  prCurves(level: EvaluationLevel, consensusMin?: number): Promise<PrCurve[]>;
  consensus(minMethods: number, limit?: number): Promise<ConsensusRow[]>;
  /** The athletes with the most performances flagged by at least `minMethods` methods. */
  mostFlaggedAthletes(minMethods: number, limit?: number): Promise<FlaggedAthlete[]>;
  searchAthletes(text: string, limit?: number): Promise<AthleteMatch[]>;
  profile(athleteId: number): Promise<AthleteProfile>;
  distribution(event: string, sex: string, bins?: number): Promise<EventDistribution>;
  /** Flagged performances (of one athlete, or all) as a file to save. */
  exportFlagged(format: 'csv' | 'xlsx', athleteId?: number): Promise<Blob>;
}
