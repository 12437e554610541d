import { describe, expect, it } from 'vitest';
import { DataError, describeError } from '../dataError';
import { planCsv } from './csvPlan';
import { CsvScanner } from './csvScanner';

const csv = (name: string, text: string | Uint8Array<ArrayBuffer>) => new File([text], name);
const rows = (n: number) => Array.from({ length: n }, (_, i) => `Runner ${i},male,100m,10.${i % 10}0,2020-06-1${i % 9}`);
const header = 'athlete,sex,event,mark,date';

async function refusal(file: File): Promise<DataError> {
  const error = await planCsv(file).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('planCsv', () => {
  it('reads the separator, header and rows, counting a quoted line break as part of its row', async () => {
    const plan = await planCsv(csv('semi.csv', 'name;mark\n"Ann\nLee";10.5\nBo;11\n'));
    expect(plan.delimiter).toBe(';');
    expect(plan.header).toEqual(['name', 'mark']);
    expect(plan.dataRows).toBe(2);
    expect(plan.raggedCount).toBe(0);
    expect(plan.encoding).toBe('utf-8');
  });

  it('names the rows with more or fewer values than the header, in the rows a spreadsheet shows', async () => {
    const lines = [header, ...rows(40)];
    lines[6] = 'Runner, X,male,100m,10.5,2020-06-11';
    lines[11] = 'Runner Y,male,100m';
    const plan = await planCsv(csv('ragged.csv', `${lines.join('\n')}\n`));
    expect(plan.raggedCount).toBe(2);
    expect(plan.ragged).toEqual([{ row: 7, values: 6 }, { row: 12, values: 3 }]);
  });

  it('refuses a file where most rows do not fit the header, and says to check the separator', async () => {
    const error = await refusal(csv('wrong-separator.csv', `${header}\n${rows(10).map((r) => r.replaceAll(',', ';')).join('\n')}\n`));
    expect(describeError(error)).toContain('10 rows of 10 in "wrong-separator.csv" have a different number of values than its header\'s 5 (row 2 has 1');
    expect(error.location.advice).toMatch(/same separator/);
  });

  it('refuses an unclosed quote, naming the row and column where it opens', async () => {
    const lines = [header, ...rows(30)];
    lines[12] = '"Runner Q,male,100m,10.5,2020-06-11';
    const error = await refusal(csv('unclosed.csv', `${lines.join('\n')}\n`));
    expect(error.location.row).toBe(13);
    expect(error.location.column).toBe('athlete');
    expect(describeError(error)).toMatch(/^"unclosed\.csv", row 13, column "athlete": a quote \("\) opens this value and is never closed.*\. Close the quote/);
  });

  it('refuses an empty file, a binary file, a 10 MB line and 100,000 columns before DuckDB sees them', async () => {
    expect((await refusal(csv('empty.csv', ''))).message).toBe('"empty.csv" is empty: it has no header and no rows');
    expect((await refusal(csv('blank.csv', '\n\n  \n'))).message).toMatch(/is empty/);
    const binary = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    expect((await refusal(csv('binary.csv', binary))).message).toBe('"binary.csv" is not a text file');
    const long = await refusal(csv('line.csv', 'a'.repeat(10_000_000)));
    expect(describeError(long)).toBe('"line.csv", row 1: this row is longer than 1 MB, so it is not a row of a table (expected rows under 1 MB, one per line). Check that this is a CSV file with a line break after each row');
    const laterLong = await refusal(csv('later.csv', `${header}\n${rows(3).join('\n')}\n${'b'.repeat(2_000_000)}\n`));
    expect(laterLong.location.row).toBe(5);
    const wide = await refusal(csv('wide.csv', `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`));
    expect(wide.message).toBe('"wide.csv" has 100,000 columns in its header; Trackside reads files of up to 2,000 columns');
  });

  it('reads UTF-16 (Excel\'s "Unicode text") as UTF-8 with its tabs, and Latin-1 as Latin-1', async () => {
    const text = `\uFEFFathlete\tmark\nSøren Ås\t10.5\n`;
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      utf16[2 * i] = text.charCodeAt(i) & 0xff;
      utf16[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const plan = await planCsv(csv('unicode.csv', utf16));
    expect(plan.delimiter).toBe('\t');
    expect(plan.header).toEqual(['athlete', 'mark']);
    expect(new TextDecoder().decode(plan.transcoded!)).toContain('Søren Ås\t10.5');
    const latin1 = Uint8Array.from('name,mark\nS\xf8ren,10.5\n', (c) => c.charCodeAt(0));
    expect((await planCsv(csv('latin1.csv', latin1))).encoding).toBe('latin-1');
  });

  it('keeps the blank rows\' numbers and warns of a header naming a column twice', async () => {
    const plan = await planCsv(csv('dup.csv', 'athlete,mark,mark\nA,1,2\n\nB,3,4\n'));
    expect(plan.blankRows).toEqual([3]);
    expect(plan.dataRows).toBe(2);
    expect(plan.warnings).toEqual(['columns 2 and 3 are both named "mark" in the header; the first is the one recognised by name']);
  });
});

describe('CsvScanner', () => {
  it('gives the same counts whatever the chunk boundaries, CRLF and quotes included', () => {
    const text = 'a,b\r\n"x,""y""\r\nz",2\r\n3,4\r\n5\r\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const scanner = new CsvScanner(44, 1 << 20);
      scanner.push(bytes.subarray(0, cut));
      scanner.push(bytes.subarray(cut));
      const scan = scanner.finish();
      expect([scan.dataRows, scan.raggedCount, scan.ragged[0]?.row]).toEqual([3, 1, 4]);
    }
  });
});
