/**
 * The types the Results engine (resultsEngine.ts, in this same thread) speaks in: what the
 * UI (src/results) asks of it and the view it renders. The UI never writes SQL nor touches a
 * worker; everything heavy runs in the DuckDB worker or the compute pool behind the engine.
 */
import type { ResultField, ColumnRecognition, FixedValues } from '../../core/athletics/columns';
import type { MarkExclusion } from '../../core/athletics/marks';
import type { DetectorInfo, DetectorParameters } from '../../core/detectors/types';
import type { EvaluationReport } from '../../core/evaluation/methodEvaluation';

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
  /** One value for every row, for a field the file has no column for (sex `male` for a men's list). */
  fixed: FixedValues;
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
  /** The run's wall time, from asking for the groups to the scores stored (every detector of a run shares it). */
  milliseconds: number;
  /** This detector's own time in the workers, summed over the groups it judged. */
  workerMilliseconds: number;
  /** The run's time in the context its detectors share, summed over the groups (performanceContext.ts). */
  contextMilliseconds: number;
  /** Every group read from the cache. */
  fromCache: boolean;
  groupsFromCache: number;
  groups: number;
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
  /** Records with a violation (or sanction) year, and the column it was read from. */
  dated: number;
  dateColumn: string | null;
  matchedAthletes: number;
  rows: SanctionMatchRow[];
  problems: string[];
  /** Only athletics kept: the rows of other sports left out (null when the list has no sport column). */
  otherSports: { rows: number; bySport: Record<string, number> } | null;
  athleticsOnly: boolean;
}

export type EvaluationLevel = 'athlete' | 'performance';

export interface EvaluationSettings {
  level: EvaluationLevel;
  /** One event to score, or null for all. */
  event: string | null;
  /** How many methods must flag a performance for the consensus. */
  consensusMin: number;
}

/** The evaluation as the screen shows it: the report of src/core/evaluation for the settings. */
export interface EvaluationView extends EvaluationReport {
  settings: EvaluationSettings;
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

/** Where the learned combination (supervised, out of fold) ranks an athlete, and why. */
export interface LearnedStanding {
  rank: number;
  of: number;
  probability: number;
  /** Its largest terms (coefficient × standardised value), largest first. */
  why: { name: string; term: number }[];
}

export interface AthleteProfile {
  athleteId: number;
  name: string;
  dob: string | null;
  nationality: string | null;
  performances: ProfilePerformance[];
  /** Sanction periods of the matched sanctions, in years (inclusive). */
  sanctions: { from: number; to: number; text: string }[];
  /** Null until the learned combination has been fitted (a sanctions list and detector runs). */
  learned: LearnedStanding | null;
}

export interface EventDistribution {
  event: string;
  sex: string;
  direction: 'lower' | 'higher';
  bins: { from: number; to: number; count: number }[];
}

/** What the loading side of the engine offers the data tab (LoadedData). */
export interface ResultsFilesApi {
  /**
   * First sight: loads the generated sample results and sanctions, only when nothing is
   * loaded and the analyst never loaded their own; true when it loaded them now.
   */
  openSample(fetchSample: () => Promise<SampleFiles>, options?: JobOptions): Promise<boolean>;
  /** The analyst's files; the first that loads replaces the sample results and sample sanctions. */
  loadFiles(files: File[], options?: JobOptions): Promise<LoadOutcome>;
  /** Load a file that needed mapping, with the user's mapping (remembered for its shape) and one value per field it lacks. */
  applyMapping(file: File, mapping: ColumnMapping, options?: JobOptions, fixed?: FixedValues): Promise<LoadedResultsFile>;
  /** The analyst closed the mapping dialog of a file without loading it. */
  dismissMapping(file: string): void;
  /** The loaded, failed and waiting files, as the engine holds them. */
  files(): FilesView;
  removeFile(file: string): Promise<void>;
  summary(): Promise<DatasetSummary>;
}

/** A finished step of the last long job ("Detectors", "Evaluation"), as the panel lists them. */
export interface JobPhase {
  name: string;
  milliseconds: number;
}

/**
 * The analysis as the engine holds it, one immutable snapshot at a time: the UI's state
 * mirrors it (subscribe) and renders it.
 */
export interface ResultsView {
  detectors: DetectorInfo[];
  /** The current data's runs, by detector, in the order they finished. */
  runs: DetectorRunSummary[];
  sanctions: SanctionsSummary | null;
  settings: EvaluationSettings;
  /** Null before any detector has run, or without a sanctions list. */
  evaluation: EvaluationView | null;
  consensus: ConsensusRow[];
  mostFlagged: FlaggedAthlete[];
  profile: AthleteProfile | null;
  distribution: EventDistribution | null;
  /** The steps of the last "Run" and how long each took. */
  lastRun: JobPhase[];
}
