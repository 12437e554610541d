/**
 * Runs in a compute worker: one chunk of a loaded file's text columns (Arrow IPC from
 * DuckDB) through normaliseResultColumns, back as Arrow IPC ready to insert into DuckDB.
 */
import { normaliseResultColumns } from '../../../core/athletics/normaliseResults';
import type { MarkExclusion } from '../../../core/athletics/marks';
import { isPlausible, plausibleRangeOf, type MarkRange } from '../../../core/athletics/plausibleMarks';
import { integersOf, ipcOfColumns, readIpc, textsOf } from '../arrowReading';

export interface NormaliseChunkInput {
  /** Columns: source_row (0-based row of the file), athlete, event, mark, wind, sex (text). */
  ipc: Uint8Array;
}

export interface NormaliseChunkResult {
  /** Columns: source_row, athlete_key, sex, event, direction, mark, mark_flags, wind. */
  ipc: Uint8Array;
  rows: number;
  validMarks: number;
  excluded: Record<MarkExclusion, number>;
  /** Source rows (0-based) and their text, for the first marks that could not be read. */
  invalid: { row: number; text: string }[];
  unknownEvents: Record<string, number>;
  /** The first marks their event cannot hold (left out), with the event's range. */
  implausible: { row: number; text: string; event: string; range: MarkRange }[];
}

const keptImplausible = 20;

export function normaliseChunk(input: NormaliseChunkInput): NormaliseChunkResult {
  const table = readIpc(input.ipc);
  const sourceRow = integersOf(table, 'source_row');
  const markText = textsOf(table, 'mark');
  const normalised = normaliseResultColumns({
    athlete: textsOf(table, 'athlete'),
    event: textsOf(table, 'event'),
    mark: markText,
    wind: textsOf(table, 'wind'),
    sex: textsOf(table, 'sex'),
  });
  let validMarks = 0;
  const implausible: NormaliseChunkResult['implausible'] = [];
  const ranges = new Map<string, MarkRange | null>();
  for (let i = 0; i < normalised.rows; i++) {
    if (Number.isNaN(normalised.mark[i])) continue;
    const event = normalised.event[i]!;
    let range = ranges.get(event);
    if (range === undefined) ranges.set(event, (range = plausibleRangeOf(event)));
    if (isPlausible(range, normalised.mark[i])) {
      validMarks++;
      continue;
    }
    // A mark its event cannot hold is a typing or unit error: left out, counted, the first named.
    normalised.mark[i] = NaN;
    normalised.excluded.implausible++;
    if (implausible.length < keptImplausible) implausible.push({ row: sourceRow[i], text: markText[i] ?? '', event, range: range ?? { min: NaN, max: NaN } });
  }
  const ipc = ipcOfColumns({
    source_row: { kind: 'int', values: sourceRow },
    athlete_key: { kind: 'text', values: normalised.athleteKey },
    sex: { kind: 'text', values: normalised.sex },
    event: { kind: 'text', values: normalised.event },
    direction: { kind: 'text', values: normalised.direction },
    mark: { kind: 'float', values: normalised.mark },
    mark_flags: { kind: 'int', values: normalised.markFlags },
    wind: { kind: 'float', values: normalised.wind },
  });
  return {
    ipc,
    rows: normalised.rows,
    validMarks,
    excluded: normalised.excluded,
    invalid: normalised.invalidRows.map((i) => ({ row: sourceRow[i], text: markText[i] ?? '' })),
    unknownEvents: normalised.unknownEvents,
    implausible,
  };
}
