/**
 * Just enough CSV for timing-gate and head-unit exports: quoted fields with doubled quotes,
 * comma or semicolon (European exports), CRLF. A CSV with millions of rows goes to DuckDB's
 * reader instead; these files are a few thousand lines.
 */
export function csvLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** The non-blank lines with their 1-based line numbers in the file, for messages that name the row. */
export function numberedLines(text: string): { readonly line: number; readonly text: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((entry) => entry.text.trim() !== '');
}

export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = ([',', ';', '\t'] as const).map((d) => [d, headerLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function splitCsvLine(line: string, delimiter = ','): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/**
 * A plain decimal number as data files write it (`250`, `-3.5`, `1e3`, `6,5` where commas are
 * decimal marks); null when the text is not one: `0x1F4`, `Infinity`, `12x`, ` ` — JavaScript's
 * Number() would accept the first two. `1e999` parses, to Infinity, so the caller can say why
 * it is no measurement.
 */
export function parseDecimal(text: string, decimalComma = false): number | null {
  const raw = decimalComma ? text.trim().replace(',', '.') : text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : null;
}

/** `83.4`, `1:23.4`, `1:02:03.4` (and a decimal comma) → seconds; NaN when not a time. */
export function parseClockTime(text: string): number {
  const raw = text.trim().replace(',', '.');
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(raw)) return NaN;
  return raw.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Header text as a key: lower case, without spaces, underscores, dashes, brackets, slashes and dots. */
export function canonical(text: string): string {
  return text.toLowerCase().replace(/[\s_\-()/.]/g, '');
}
