/**
 * What the Results engine has loaded, as the screen shows it: the dataset summary and the
 * engine's files (loaded, the sample among them; failed, with why; waiting for the analyst's
 * column mapping). It mirrors the engine's LoadedFiles one to one and holds nothing of its
 * own, so a second visit to Results shows exactly what the engine has.
 */
import type { DatasetSummary, FailedFile, FilesView, PendingMapping, ResultsLabApi } from '../platform/results/resultsLab.api';

export class LoadedData {
  #lab: ResultsLabApi;
  #summary = $state<DatasetSummary | null>(null);
  #view = $state<FilesView>({ files: [], failed: [], mappings: [] });
  #performances = $derived(this.#summary?.performances ?? 0);
  #sampleFiles = $derived(this.#view.files.filter((f) => f.sample).map((f) => f.file));

  constructor(lab: ResultsLabApi) {
    this.#lab = lab;
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
    this.#view = this.#lab.files();
    this.#summary = await this.#lab.summary();
  }

  dismissMapping(file: File): void {
    this.#lab.dismissMapping(file.name);
    this.#view = this.#lab.files();
  }
}
