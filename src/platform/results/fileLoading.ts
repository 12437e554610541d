/**
 * One results file into the `performances` table: DuckDB loads it (CSV, Parquet, xlsx),
 * its columns are recognised (or mapped by the analyst, remembered per file shape), its
 * marks, events and winds are parsed in the compute pool chunk by chunk, and the parsed
 * columns go back into DuckDB through Arrow. A file that cannot be used throws a DataError
 * that names the file, the column, the rows and what was expected.
 */
import { askedResultFields, headerShapeSignature, recogniseColumns, requiredResultFields, type FixedValues } from '../../core/athletics/columns';
import { describeEvent } from '../../core/athletics/events';
import { formatMark } from '../../core/athletics/markFormat';
import type { MarkExclusion } from '../../core/athletics/marks';
import type { MarkRange } from '../../core/athletics/plausibleMarks';
import { CancelledError, DataError } from '../dataError';
import { duckDb } from '../duckdb/duckdbClient';
import { fileRowOf } from '../intake/rowNumbering';
import { computePool } from '../pool/browserPool';
import { database } from '../storage/database';
import { id, insertPerformancesSql, rawTextChunkSql } from './labSql';
import type { ColumnMapping, JobOptions, LoadedResultsFile, MappingRequest } from './results.types';
import type { NormaliseChunkResult } from './work/normaliseChunk';

const chunkRows = 100_000;

export async function rememberedMapping(shape: string): Promise<ColumnMapping | null> {
  try {
    return ((await (await database()).get('columnMappings', shape))?.mapping as ColumnMapping | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function rememberMapping(headers: string[], mapping: ColumnMapping): Promise<void> {
  const clean = Object.fromEntries(Object.entries(mapping).filter(([, column]) => !!column)) as Record<string, string>;
  await (await database()).put('columnMappings', { shape: headerShapeSignature(headers), mapping: clean, savedAt: Date.now() });
}

/** "expected 8.70 to 1:23.33", in the event's own way of writing marks. */
function rangeText(event: string, range: MarkRange): string {
  const style = describeEvent(event)?.markStyle ?? 'decimal';
  const write = (value: number) => formatMark(value, { style, decimals: style === 'points' || style === 'hours' ? 0 : 2 });
  return Number.isFinite(range.min) ? `expected ${write(range.min)} to ${write(range.max)}` : 'not a finite number';
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The analyst's mapping, else a remembered one for this header shape, else recognition; or a request to ask. */
async function chooseMapping(file: File, headers: string[], mapping: ColumnMapping | null): Promise<ColumnMapping | { request: MappingRequest }> {
  if (mapping) return mapping;
  const recognition = recogniseColumns(headers);
  const remembered = await rememberedMapping(headerShapeSignature(headers));
  const fits = remembered && requiredResultFields.every((f) => remembered[f] && headers.includes(remembered[f]!));
  const used = fits ? remembered : recognition.mapping;
  // A field the detectors depend on (the sex: an event's implement depends on it) is asked for too.
  if ([...requiredResultFields, ...askedResultFields].some((f) => !used[f])) return { request: { file: file.name, headers, recognition, remembered } };
  return used;
}

export interface FileLoadResult {
  loaded?: LoadedResultsFile;
  request?: MappingRequest;
  /** Rows the file added (its performance ids are idOffset+1 … idOffset+rows). */
  rows: number;
  headers: string[];
}

/**
 * Loads `file` as file number `fileId`. Without a `mapping` the columns are recognised by
 * name or by a remembered mapping; when required ones are still missing, or the sex (events
 * depend on it), a MappingRequest comes back and nothing is added. `fixed` holds one value
 * for a field the file has no column for (a men's list: sex `male`); it is not remembered
 * with the mapping, since the next file of the same shape may be the women's.
 */
export async function loadResultsFile(file: File, fileId: number, idOffset: number, mapping: ColumnMapping | null, options: JobOptions = {}, fixed: FixedValues = {}): Promise<FileLoadResult> {
  const db = duckDb();
  const raw = `raw_${fileId}`;
  const parsed = `parsed_${fileId}`;
  const progress = (phase: string, done: number, total: number) => options.onProgress?.({ phase, done, total });
  const started = performance.now();
  const onAbort = () => void db.cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // A Parquet file names its columns in its footer: the mapping is settled first and only
    // the mapped columns are decoded and inserted (a file that needs the analyst's mapping is not read at all).
    const known = await db.fileColumns(file);
    let used = known ? await chooseMapping(file, known, mapping) : null;
    if (used && 'request' in used) return { rows: 0, headers: known!, request: used.request };
    const wanted = used ? [...new Set(Object.values(used).filter((c): c is string => !!c && known!.includes(c)))] : undefined;
    const report = await db.loadFile(file, { table: raw, columns: wanted }, (p) => progress(p.phase, p.done, p.total));
    options.signal?.throwIfAborted();
    const headers = known ?? report.columns.map((c) => c.name);
    if (!used) {
      used = await chooseMapping(file, headers, mapping);
      if ('request' in used) {
        await db.exec(`DROP TABLE IF EXISTS ${id(raw)}`);
        return { rows: 0, headers, request: used.request };
      }
    }
    for (const field of requiredResultFields) {
      const column = used[field];
      if (fixed[field as keyof FixedValues] !== undefined && !column) continue;
      if (!column || !headers.includes(column)) {
        throw new DataError(`no column for the ${field}`, { file: file.name, column: column ?? field, expected: `one of the file's columns: ${headers.join(', ')}` });
      }
    }
    if (report.rows === 0) throw new DataError('the file has no rows', { file: file.name, expected: 'one result per row' });

    const chunks = Math.ceil(report.rows / chunkRows);
    let done = 0;
    let inserting: Promise<unknown> = Promise.resolve();
    let created = false;
    const results = await Promise.all(
      Array.from({ length: chunks }, async (_, c) => {
        const ipc = await db.queryIpc(rawTextChunkSql(raw, used, c * chunkRows, (c + 1) * chunkRows, fixed));
        const result = await computePool().run('resultsNormalise', { ipc }, { signal: options.signal });
        // One insert at a time: the first creates the table.
        inserting = inserting.then(() => {
          const create = !created;
          created = true;
          return db.insertArrow(parsed, result.ipc, create);
        });
        await inserting;
        progress(`Parsing marks of ${file.name}: ${plural(Math.min(++done * chunkRows, report.rows), 'row')} of ${report.rows.toLocaleString('en')}`, done, chunks);
        return result;
      }),
    );
    options.signal?.throwIfAborted();
    const excluded: Partial<Record<MarkExclusion, number>> = {};
    const unknownEvents: Record<string, number> = {};
    let validMarks = 0;
    const invalid: { row: number; text: string }[] = [];
    const implausible: NormaliseChunkResult['implausible'] = [];
    for (const result of results) {
      implausible.push(...result.implausible);
      validMarks += result.validMarks;
      for (const [reason, count] of Object.entries(result.excluded) as [MarkExclusion, number][]) if (count > 0) excluded[reason] = (excluded[reason] ?? 0) + count;
      for (const [name, count] of Object.entries(result.unknownEvents)) unknownEvents[name] = (unknownEvents[name] ?? 0) + count;
      invalid.push(...result.invalid);
    }
    invalid.sort((a, b) => a.row - b.row);
    const rowList = invalid.slice(0, 5).map((r) => `row ${fileRowOf(report.numbering, r.row).toLocaleString('en')} ("${r.text}")`).join(', ');
    const expectedMark = 'marks like 10.49, 1:45.32, 2:03:59 or 8.95, or DNF, DNS, DQ, NM';
    if (validMarks === 0 && implausible.length > 0 && invalid.length === 0) {
      const first = implausible.sort((a, b) => a.row - b.row)[0];
      throw new DataError(`no mark its event can hold: row ${fileRowOf(report.numbering, first.row).toLocaleString('en')} ("${first.text}" for ${first.event}, ${rangeText(first.event, first.range)})`, {
        file: file.name, column: used.mark, advice: 'Check the unit (seconds, metres) and the event column',
      });
    }
    if (validMarks === 0) {
      const reason = invalid.length > 0 ? `no readable mark: ${rowList}` : Object.keys(unknownEvents).length > 0 ? `no event recognised (${Object.keys(unknownEvents).slice(0, 5).join(', ')})` : 'no marks';
      throw new DataError(reason, { file: file.name, column: invalid.length > 0 || Object.keys(unknownEvents).length === 0 ? used.mark : used.event, expected: invalid.length > 0 ? expectedMark : 'event names like 100m, 400mH, Long Jump' });
    }
    const warnings: string[] = [...report.warnings];
    if (invalid.length > 0) {
      warnings.push(`${plural(excluded.invalid ?? invalid.length, 'mark')} in column "${used.mark}" could not be read and were left out: ${rowList}${invalid.length > 5 ? ' …' : ''} (expected ${expectedMark})`);
    }
    if (implausible.length > 0) {
      implausible.sort((a, b) => a.row - b.row);
      const named = implausible.slice(0, 5).map((r) => `row ${fileRowOf(report.numbering, r.row).toLocaleString('en')} ("${r.text}" for ${r.event}, ${rangeText(r.event, r.range)})`).join(', ');
      const count = excluded.implausible ?? implausible.length;
      const verb = count === 1 ? 'is not a possible mark of its event and was' : 'are not possible marks of their event and were';
      warnings.push(`${plural(count, 'mark')} in column "${used.mark}" ${verb} left out: ${named}${implausible.length > 5 ? ' …' : ''}. Check the unit (seconds, metres) and the event of these rows`);
    }
    const unknown = Object.entries(unknownEvents).sort((a, b) => b[1] - a[1]);
    if (unknown.length > 0) {
      warnings.push(`${plural(unknown.reduce((s, [, n]) => s + n, 0), 'row')} with an event not recognised in column "${used.event}" were left out: ${unknown.slice(0, 5).map(([name, n]) => `${name} (${n})`).join(', ')}`);
    }
    progress(`Adding ${file.name} to the performances`, chunks, chunks);
    await db.exec(insertPerformancesSql(raw, parsed, fileId, idOffset, used, report.columns, fixed));
    await db.exec(`DROP TABLE IF EXISTS ${id(parsed)}`);
    await db.exec(`DROP TABLE IF EXISTS ${id(raw)}`);
    const undated = await db.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM performances WHERE file_id = ${fileId} AND mark IS NOT NULL AND date IS NULL`);
    if (undated[0].n > 0) warnings.push(`${plural(undated[0].n, 'row')} without a readable date in column "${used.date}" are not analysed (expected dates like 2024-06-30)`);
    if (undated[0].n >= validMarks) {
      await db.exec(`DELETE FROM performances WHERE file_id = ${fileId}`);
      throw new DataError('no readable date', { file: file.name, column: used.date, expected: 'dates like 2024-06-30' });
    }
    return { rows: report.rows, headers, loaded: { file: file.name, rows: report.rows, excluded, warnings, mapping: used, fixed, milliseconds: performance.now() - started, sample: false } };
  } catch (error) {
    // Nothing of a file that failed stays: not its tables, not a row of it in the performances.
    await db.exec(`DELETE FROM performances WHERE file_id = ${fileId}`).catch(() => undefined);
    await db.exec(`DROP TABLE IF EXISTS ${id(parsed)}`).catch(() => undefined);
    await db.exec(`DROP TABLE IF EXISTS ${id(raw)}`).catch(() => undefined);
    if (options.signal?.aborted) throw new CancelledError(`Loading ${file.name}`);
    if (error instanceof DataError) throw new DataError(error.message, { ...error.location, file: file.name });
    throw new DataError((error as Error).message, { file: file.name });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
