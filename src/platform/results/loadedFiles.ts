/**
 * The files of the session and the performance ids they own: a file loaded again replaces
 * its earlier rows, and ids keep counting up so a run's scores never point at another
 * file's rows.
 */
import type { FixedValues } from '../../core/athletics/columns';
import { duckDb } from '../duckdb/duckdbClient';
import { loadResultsFile, rememberMapping, type FileLoadResult } from './fileLoading';
import type { ColumnMapping, JobOptions, LoadedResultsFile } from './results.types';

export class LoadedFiles {
  #files = new Map<string, { fileId: number; info: LoadedResultsFile }>();
  #nextFileId = 1;
  #nextPerformanceId = 0;

  has(name: string): boolean {
    return this.#files.has(name);
  }

  list(): LoadedResultsFile[] {
    return [...this.#files.values()].map((f) => f.info);
  }

  async load(file: File, mapping: ColumnMapping | null, options: JobOptions, fixed: FixedValues = {}): Promise<FileLoadResult> {
    if (this.#files.has(file.name)) await this.drop(file.name);
    const fileId = this.#nextFileId++;
    const result = await loadResultsFile(file, fileId, this.#nextPerformanceId, mapping, options, fixed);
    if (result.loaded) {
      this.#nextPerformanceId += result.rows;
      this.#files.set(file.name, { fileId, info: result.loaded });
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
}
