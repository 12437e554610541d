/**
 * What the Results engine has loaded, as the screen shows it: the dataset summary and the
 * engine's files (loaded, the sample among them; failed, with why; waiting for the analyst's
 * column mapping). It mirrors the engine's LoadedFiles one to one and holds nothing of its
 * own, so a second visit to Results shows exactly what the engine has.
 */
import type { DatasetSummary, FailedFile, FilesView, PendingMapping, ResultsFilesApi } from '../platform/results/results.types';

export class LoadedData {
  #engine: ResultsFilesApi;
  #summary = $state<DatasetSummary | null>(null);
  #view = $state<FilesView>({ files: [], failed: [], mappings: [] });
  #performances = $derived(this.#summary?.performances ?? 0);
  #sampleFiles = $derived(this.#view.files.filter((f) => f.sample).map((f) => f.file));

  constructor(engine: ResultsFilesApi) {
    this.#engine = engine;
  }

  get summary(): DatasetSummary | null {
    return this.#summary;
  }

  get sampleFiles(): string[] {
    return this.#sampleFiles;
  }

  get failed(): FailedFile[] {
    return this.#view.failed;
  }

  get mappings(): PendingMapping[] {
    return this.#view.mappings;
  }

  /** Performances ready to analyse (0 before anything is loaded). */
  get performances(): number {
    return this.#performances;
  }

  async refresh(): Promise<void> {
    this.#view = this.#engine.files();
    this.#summary = await this.#engine.summary();
  }

  dismissMapping(file: File): void {
    this.#engine.dismissMapping(file.name);
    this.#view = this.#engine.files();
  }
}
