/**
 * What kind of text a CSV file is, read from its first bytes: its encoding (a byte-order
 * mark, or the zero bytes of UTF-16 without one), its separator (the one the header uses
 * most: comma, semicolon, tab or bar) and its header's names. DuckDB is then told all three
 * instead of guessing them: a guess over a broken row made a whole header one column.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextKind {
  encoding: TextEncodingName;
  /** Bytes of the byte-order mark at the start (0 when there is none). */
  bom: number;
}

export function textKindOf(head: Uint8Array): TextKind {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // UTF-16 without a mark: ASCII text leaves every other byte zero.
  const sample = Math.min(head.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (pairs >= 4 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
  if (pairs >= 4 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Share of control characters (other than tab and line breaks) in the first bytes: text has none. */
export function controlShare(head: Uint8Array): number {
  const sample = Math.min(head.length, 65536);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const byte = head[i];
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return sample === 0 ? 0 : control / sample;
}

const candidates = [',', ';', '\t', '|'];

export interface CsvHeader {
  delimiter: string;
  names: string[];
  /** Byte length of the header line (without its line break). */
  bytes: number;
}

/**
 * The header line (up to the first line break outside quotes) of `text`, which starts at the
 * first non-blank line; null when no line break comes within `text` (the caller checks
 * whether the file ended there or the line is too long).
 */
export function headerOf(text: string, complete: boolean): CsvHeader | null {
  let end = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      end = i;
      break;
    }
  }
  if (end < 0 && !complete) return null;
  const line = end < 0 ? text : text.slice(0, end);
  const counts = candidates.map((candidate) => countOutsideQuotes(line, candidate));
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = counts[best] > 0 ? candidates[best] : ',';
  return { delimiter, names: splitLine(line, delimiter), bytes: new TextEncoder().encode(line).length };
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
  }
  return count;
}

/** One line's values, with quotes removed and `""` read as a quote. */
function splitLine(line: string, delimiter: string): string[] {
  const values: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"' && value === '') quoted = true;
    else if (char === delimiter) {
      values.push(value.trim());
      value = '';
    } else value += char;
  }
  values.push(value.trim());
  return values;
}
