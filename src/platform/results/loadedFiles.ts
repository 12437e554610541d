/**
 * The files of the session as the Results engine holds them: the loaded ones (the first-sight
 * sample among them, marked as such) with the performance ids they own, the ones that failed
 * with why, and the ones waiting for the analyst's column mapping. A file loaded again
 * replaces its earlier rows only once it has loaded: a broken file of the same name never
 * costs the data that was there. Ids keep counting up, so a run's scores never point at
 * another file's rows.
 */
import type { FixedValues } from '../../core/athletics/columns';
import { CancelledError, describeError } from '../dataError';
import { duckDb } from '../duckdb/duckdbClient';
import { loadResultsFile, rememberMapping, type FileLoadResult } from './fileLoading';
import type { ColumnMapping, FailedFile, FilesView, JobOptions, LoadedResultsFile, PendingMapping } from './results.types';

export class LoadedFiles {
  #files = new Map<string, { fileId: number; info: LoadedResultsFile }>();
  #failed = new Map<string, string>();
  #mappings = new Map<string, PendingMapping>();
  #nextFileId = 1;
  #nextPerformanceId = 0;

  has(name: string): boolean {
    return this.#files.has(name);
  }

  list(): LoadedResultsFile[] {
    return [...this.#files.values()].map((f) => f.info);
  }

  /** What the screen shows of the files: loaded, failed, waiting for a mapping. */
  view(): FilesView {
    const failed: FailedFile[] = [...this.#failed].map(([file, message]) => ({ file, message }));
    return { files: this.list(), failed, mappings: [...this.#mappings.values()] };
  }

  get hasSample(): boolean {
    return this.list().some((f) => f.sample);
  }

  /** A file waiting for a mapping, by name (the analyst maps the file the engine kept). */
  pending(name: string): PendingMapping | undefined {
    return this.#mappings.get(name);
  }

  dismissMapping(name: string): void {
    this.#mappings.delete(name);
  }

  async load(file: File, mapping: ColumnMapping | null, options: JobOptions, fixed: FixedValues = {}, sample = false): Promise<FileLoadResult> {
    const fileId = this.#nextFileId++;
    let result: FileLoadResult;
    try {
      result = await loadResultsFile(file, fileId, this.#nextPerformanceId, mapping, options, fixed);
    } catch (error) {
      if (!(error instanceof CancelledError) && !options.signal?.aborted) this.#failed.set(file.name, describeError(error));
      throw error;
    }
    if (result.request) {
      this.#mappings.set(file.name, { request: result.request, file });
      return result;
    }
    if (result.loaded) {
      const previous = this.#files.get(file.name);
      this.#nextPerformanceId += result.rows;
      this.#files.set(file.name, { fileId, info: { ...result.loaded, sample } });
      this.#failed.delete(file.name);
      this.#mappings.delete(file.name);
      if (previous) await duckDb().exec(`DELETE FROM performances WHERE file_id = ${previous.fileId}`);
      if (mapping) await rememberMapping(result.headers ?? [], mapping).catch(() => undefined);
    }
    return result;
  }

  /** Adds the time the whole drop waited after the file itself (athlete ids) to its load time. */
  addWait(name: string, milliseconds: number): void {
    const loaded = this.#files.get(name);
    if (loaded) loaded.info = { ...loaded.info, milliseconds: loaded.info.milliseconds + milliseconds };
  }

  info(name: string): LoadedResultsFile | undefined {
    return this.#files.get(name)?.info;
  }

  async drop(name: string): Promise<void> {
    const loaded = this.#files.get(name);
    if (!loaded) return;
    await duckDb().exec(`DELETE FROM performances WHERE file_id = ${loaded.fileId}`);
    this.#files.delete(name);
  }

  /** The analyst's own files replace the generated sample: its rows go, never to come back. */
  async dropSample(): Promise<void> {
    for (const info of this.list()) if (info.sample) await this.drop(info.file);
  }
}
