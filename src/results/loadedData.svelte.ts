/**
 * What the Results workspace has loaded, as the screen shows it: the dataset summary, the
 * first-sight sample files, the files that failed (with why) and the files waiting for the
 * analyst's column mapping.
 */
import type { DatasetSummary, LoadOutcome, MappingRequest, ResultsFilesApi } from '../platform/results/results.types';

export interface FailedFile { file: string; message: string }
export interface PendingMapping { request: MappingRequest; file: File }

export class LoadedData {
  #lab: ResultsFilesApi;
  #summary = $state<DatasetSummary | null>(null);
  #sampleFiles = $state<string[]>([]);
  #failed = $state<FailedFile[]>([]);
  #mappings = $state<PendingMapping[]>([]);
  #performances = $derived(this.#summary?.performances ?? 0);

  constructor(lab: ResultsFilesApi) {
    this.#lab = lab;
  }

  get summary(): DatasetSummary | null {
    return this.#summary;
  }

  get sampleFiles(): string[] {
    return this.#sampleFiles;
  }

  get failed(): FailedFile[] {
    return this.#failed;
  }

  get mappings(): PendingMapping[] {
    return this.#mappings;
  }

  /** Performances ready to analyse (0 before anything is loaded). */
  get performances(): number {
    return this.#performances;
  }

  async refresh(): Promise<void> {
    this.#summary = await this.#lab.summary();
  }

  sampleLoaded(outcome: LoadOutcome): void {
    this.#sampleFiles = outcome.loaded.map((f) => f.file);
  }

  /** The analyst's own files replace the first-sight sample. */
  async dropSample(): Promise<void> {
    for (const sample of this.#sampleFiles) await this.#lab.removeFile(sample).catch(() => undefined);
    this.#sampleFiles = [];
  }

  filesLoaded(files: File[], outcome: LoadOutcome): void {
    this.#failed = [...this.#failed.filter((f) => !files.some((file) => file.name === f.file)), ...outcome.failed];
    this.#mappings = [...this.#mappings, ...outcome.needsMapping.map((request) => ({ request, file: files.find((f) => f.name === request.file)! }))];
  }

  dismissMapping(file: File): void {
    this.#mappings = this.#mappings.filter((m) => m.file !== file);
  }

  mapped(file: File, failure: string | null): void {
    this.#failed = [...this.#failed.filter((f) => f.file !== file.name), ...(failure === null ? [] : [{ file: file.name, message: failure }])];
  }

  removed(name: string): void {
    this.#sampleFiles = this.#sampleFiles.filter((f) => f !== name);
  }
}
