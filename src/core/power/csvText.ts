/**
 * Just enough CSV for timing-gate and head-unit exports: quoted fields with doubled quotes,
 * comma or semicolon (European exports), CRLF. A CSV with millions of rows goes to DuckDB's
 * reader instead; these files are a few thousand lines.
 */
export function csvLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
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

/** `83.4`, `1:23.4`, `1:02:03.4` (and a decimal comma) → seconds; NaN when not a time. */
export function parseClockTime(text: string): number {
  const raw = text.trim().replace(',', '.');
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(raw)) return NaN;
  return raw.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
