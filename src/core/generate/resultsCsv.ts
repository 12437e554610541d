/**
 * Generated results as CSV text (RFC 4180 quoting), the way a results export is written:
 * the sample generator, the e2e fixtures and the fault campaign all write through here.
 */
import { generateResults, resultColumns, type ResultBatch, type ResultsGeneratorOptions } from './results.ts';

const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function cell(value: string | number | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  return quote(value);
}

export const resultsCsvHeader = `${resultColumns.join(',')}\n`;

/** One batch's rows as CSV lines (no header). */
export function batchToCsv(batch: ResultBatch): string {
  const columns = resultColumns.map((name) => batch[name] as ArrayLike<string | number | null>);
  const lines: string[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) lines[i] = columns.map((column) => cell(column[i])).join(',');
  return `${lines.join('\n')}\n`;
}

/** A whole small results file as CSV text, header first (for fixtures; large files stream batches). */
export function resultsCsv(options: ResultsGeneratorOptions): string {
  let text = resultsCsvHeader;
  for (const batch of generateResults(options).batches()) text += batchToCsv(batch);
  return text;
}

/** A sanctions list as CSV text in the Wikipedia list's columns. */
export function sanctionsCsv(options: ResultsGeneratorOptions): string {
  const { sanctions } = generateResults(options);
  const header = Object.keys(sanctions[0] ?? { Name: '' });
  const lines = sanctions.map((row, i) => [String(i), ...header.map((key) => quote(row[key as keyof typeof row]))].join(','));
  return `${['', ...header].map(quote).join(',')}\n${lines.join('\n')}\n`;
}
