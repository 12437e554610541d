/**
 * The damaged files of the fault campaign, each made from a good file of the project's own
 * seeded generators (goodFiles.ts) and a seeded corruption (corrupt.ts): results, sanctions,
 * rides and views, as a user's disk, download, export tool or typing leaves them.
 */
import { bitFlips, byteFlips, randomBytes, truncated, utf16le, wrongMagic, zeroRun } from './corrupt';
import {
  resultsCsvBytes, resultsParquet, rideCsvBytes, rideFit, rideXlsx, rides, sanctionsCsvBytes, viewsYaml, workbookWithoutSheets, xlsxOfCsv,
} from './goodFiles';

export type FaultArea = 'results' | 'sanctions' | 'ride' | 'views';

export interface FaultFile {
  area: FaultArea;
  /** What was done to it, in words: "parquet: 100 bytes flipped in the pages". */
  fault: string;
  name: string;
  bytes: Uint8Array;
}

const text = (value: string) => new TextEncoder().encode(value);
const asText = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const PK = [0x50, 0x4b, 0x03, 0x04];
const PAR1 = [0x50, 0x41, 0x52, 0x31];

/** CSV text with its lines changed by `edit` (line 0 is the header). */
function editLines(csv: Uint8Array, edit: (lines: string[]) => void): Uint8Array {
  const lines = asText(csv).trimEnd().split('\n');
  edit(lines);
  return text(`${lines.join('\n')}\n`);
}

/** The faults every CSV-shaped file of an area gets. */
function csvFaults(area: FaultArea, base: string, csv: Uint8Array, seed: number): FaultFile[] {
  const file = (fault: string, suffix: string, bytes: Uint8Array, extension = 'csv'): FaultFile => ({ area, fault: `csv: ${fault}`, name: `${base}-${suffix}.${extension}`, bytes });
  return [
    file('cut at 10 %', 'cut10', truncated(csv, 0.1)),
    file('cut at 50 %', 'cut50', truncated(csv, 0.5)),
    file('cut at 99 % (mid-row)', 'cut99', truncated(csv, 0.99)),
    file('10 bits flipped', 'bits10', bitFlips(csv, 10, seed)),
    file('1,000 bits flipped', 'bits1000', bitFlips(csv, 1000, seed + 1)),
    file('100 bytes flipped', 'bytes100', byteFlips(csv, 100, seed + 2)),
    file('4 KB of zeros', 'zeros', zeroRun(csv, 4096, seed + 3)),
    file('empty', 'empty', new Uint8Array()),
    file('binary (random bytes)', 'binary', randomBytes(50_000, seed + 4)),
    file('a 10 MB line', 'longline', text(`${'x'.repeat(10_000_000)}\n`)),
    file('100,000 columns', 'wide', text(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(99_999)}1\n`)),
    file('ragged rows (an extra and a missing value)', 'ragged', editLines(csv, (l) => { l[5] += ',extra'; l[9] = l[9].split(',').slice(0, 3).join(','); })),
    file('an unclosed quote', 'quote', editLines(csv, (l) => { l[7] = `"${l[7]}`; })),
    file('the header twice as wide (duplicate names)', 'dupheader', editLines(csv, (l) => { l[0] = l[0].split(',').map((n, i) => (i === 1 ? l[0].split(',')[0] : n)).join(','); })),
    file('header only', 'headeronly', text(`${asText(csv).split('\n')[0]}\n`)),
    file('UTF-16 (Excel "Unicode text")', 'utf16', utf16le(asText(csv))),
    file('Latin-1', 'latin1', Uint8Array.from(asText(csv).replace(/[^\x00-\xff]/g, '?'), (c) => c.charCodeAt(0))),
    file('a zip named .csv', 'zip', wrongMagic(randomBytes(20_000, seed + 5), PK)),
  ];
}

export async function faultCatalogue(): Promise<FaultFile[]> {
  const files: FaultFile[] = [];
  const results = resultsCsvBytes(2_000, 31);
  files.push(...csvFaults('results', 'results', results, 100));
  files.push({ area: 'results', fault: 'csv: marks no event can hold (0.5 s 100 m, 1e999, −3)', name: 'results-implausible.csv', bytes: editLines(results, (l) => {
    const header = l[0].split(',');
    const mark = header.indexOf('mark');
    for (const [row, value] of [[3, '0.5'], [4, '1e999'], [6, '-3']] as const) {
      const cells = l[row].split(',');
      cells[mark] = value;
      l[row] = cells.join(',');
    }
  }) });

  const parquet = await resultsParquet(2_000, 31, 500);
  const pq = (fault: string, suffix: string, bytes: Uint8Array, extension = 'parquet'): FaultFile => ({ area: 'results', fault: `parquet: ${fault}`, name: `results-${suffix}.${extension}`, bytes });
  files.push(
    pq('cut at 30 % (no footer)', 'cut30', truncated(parquet, 0.3)),
    pq('cut at 90 %', 'cut90', truncated(parquet, 0.9)),
    pq('last 8 bytes missing', 'nomagic', parquet.slice(0, parquet.length - 8)),
    pq('10 bits flipped in the pages', 'pagebits10', bitFlips(parquet, 10, 7, 'pages')),
    pq('100 bits flipped in the pages', 'pagebits100', bitFlips(parquet, 100, 8, 'pages')),
    pq('10 bytes flipped in the pages', 'pagebytes10', byteFlips(parquet, 10, 9, 'pages')),
    pq('100 bytes flipped in the pages', 'pagebytes100', byteFlips(parquet, 100, 1, 'pages')),
    pq('1,000 bytes flipped in the pages', 'pagebytes1000', byteFlips(parquet, 1000, 11, 'pages')),
    pq('4 KB of zeros in the pages', 'pagezeros', zeroRun(parquet, 4096, 12, 'pages')),
    pq('4 KB of zeros in the pages (2)', 'pagezeros2', zeroRun(parquet, 4096, 13, 'pages')),
    pq('1,000 bits flipped in the pages', 'pagebits1000', bitFlips(parquet, 1000, 33, 'pages')),
    pq('10 bytes flipped in the footer', 'footerbytes10', byteFlips(parquet, 10, 14, 'footer')),
    pq('100 bits flipped in the footer', 'footerbits100', bitFlips(parquet, 100, 15, 'footer')),
    pq('footer zeroed', 'footerzeros', zeroRun(parquet, 256, 16, 'footer')),
    pq('wrong magic (PK)', 'magic', wrongMagic(parquet, PK)),
    pq('a CSV named .parquet', 'csvnamed', results),
    pq('random bytes between the magic numbers', 'random', Uint8Array.from([...PAR1, ...randomBytes(30_000, 17), 0, 0, 0, 0, ...PAR1])),
    pq('a Parquet file named .csv', 'parquetnamed', parquet, 'csv'),
  );

  const xlsx = xlsxOfCsv(results);
  const xl = (area: FaultArea, fault: string, name: string, bytes: Uint8Array): FaultFile => ({ area, fault: `xlsx: ${fault}`, name, bytes });
  files.push(
    xl('results', 'junk renamed .xlsx', 'results-junk.xlsx', randomBytes(30_000, 18)),
    xl('results', 'a CSV renamed .xlsx', 'results-csvnamed.xlsx', results),
    xl('results', 'cut at 50 %', 'results-cut50.xlsx', truncated(xlsx, 0.5)),
    xl('results', 'cut at 95 %', 'results-cut95.xlsx', truncated(xlsx, 0.95)),
    xl('results', '100 bytes flipped', 'results-bytes100.xlsx', byteFlips(xlsx, 100, 19)),
    xl('results', '4 KB of zeros', 'results-zeros.xlsx', zeroRun(xlsx, 4096, 20)),
    xl('results', 'a workbook with no sheets', 'results-nosheets.xlsx', workbookWithoutSheets()),
  );

  const sanctions = sanctionsCsvBytes(60_000, 31);
  files.push(...csvFaults('sanctions', 'sanctions', sanctions, 200).filter((f) => !/cut at 10|1,000 bits|header twice/.test(f.fault)));
  files.push(
    { area: 'sanctions', fault: 'csv: no name column', name: 'sanctions-noname.csv', bytes: editLines(sanctions, (l) => { l[0] = l[0].replace('Name', 'Person'); }) },
    xl('sanctions', 'junk renamed .xlsx', 'sanctions-junk.xlsx', randomBytes(10_000, 21)),
    xl('sanctions', 'cut at 60 %', 'sanctions-cut60.xlsx', truncated(xlsxOfCsv(sanctions, 'Sanctions'), 0.6)),
    xl('sanctions', 'a workbook with no sheets', 'sanctions-nosheets.xlsx', workbookWithoutSheets()),
  );

  const [ride] = rides(41);
  const fit = rideFit(ride);
  const rf = (fault: string, name: string, bytes: Uint8Array): FaultFile => ({ area: 'ride', fault, name, bytes });
  files.push(
    rf('fit: cut at 10 %', 'ride-cut10.fit', truncated(fit, 0.1)),
    rf('fit: cut at 40 %', 'ride-cut40.fit', truncated(fit, 0.4)),
    rf('fit: cut at 80 %', 'ride-cut80.fit', truncated(fit, 0.8)),
    rf('fit: cut at 99 %', 'ride-cut99.fit', truncated(fit, 0.99)),
    rf('fit: last 2 bytes (the CRC) missing', 'ride-nocrc.fit', fit.slice(0, fit.length - 2)),
    rf('fit: wrong CRC', 'ride-badcrc.fit', Uint8Array.from(fit, (b, i) => (i === fit.length - 1 ? b ^ 0xff : b))),
    rf('fit: 10 bits flipped', 'ride-bits10.fit', bitFlips(fit, 10, 22)),
    rf('fit: 100 bytes flipped', 'ride-bytes100.fit', byteFlips(fit, 100, 23)),
    rf('fit: 1,000 bytes flipped', 'ride-bytes1000.fit', byteFlips(fit, 1000, 24)),
    rf('fit: 1 KB of zeros', 'ride-zeros.fit', zeroRun(fit, 1024, 25)),
    rf('fit: wrong magic', 'ride-magic.fit', Uint8Array.from(fit, (b, i) => (i >= 8 && i < 12 ? 0x58 : b))),
    rf('fit: random bytes named .fit', 'ride-random.fit', randomBytes(9_000, 26)),
  );
  const rideCsv = await rideCsvBytes(ride);
  files.push(
    rf('ride csv: cut at 50 %', 'ride-cut50.csv', truncated(rideCsv, 0.5)),
    rf('ride csv: power 1e999, -5000, 99999, 0x1F4, Infinity', 'ride-implausible.csv', editLines(rideCsv, (l) => {
      ['1e999', '-5000', '99999', '0x1F4', 'Infinity'].forEach((value, k) => {
        const cells = l[10 + k].split(',');
        cells[2] = value;
        l[10 + k] = cells.join(',');
      });
    })),
    rf('ride csv: ragged rows', 'ride-ragged.csv', editLines(rideCsv, (l) => { l[4] += ',7,8'; l[8] = l[8].split(',').slice(0, 2).join(','); })),
    rf('ride csv: binary', 'ride-binary.csv', randomBytes(20_000, 27)),
    rf('ride csv: empty', 'ride-empty.csv', new Uint8Array()),
    rf('ride csv: UTF-16', 'ride-utf16.csv', utf16le(asText(rideCsv))),
  );
  const rideBook = await rideXlsx(ride);
  files.push(
    rf('field export xlsx: cut at 50 %', 'rider-cut50.xlsx', truncated(rideBook, 0.5)),
    rf('field export xlsx: 100 bytes flipped', 'rider-bytes100.xlsx', byteFlips(rideBook, 100, 28)),
    rf('field export xlsx: junk renamed .xlsx', 'rider-junk.xlsx', randomBytes(20_000, 29)),
    rf('field export xlsx: a workbook with no sheets', 'rider-nosheets.xlsx', workbookWithoutSheets()),
    rf('field export xlsx: 4 KB of zeros', 'rider-zeros.xlsx', zeroRun(rideBook, 4096, 34)),
  );

  const views = viewsYaml();
  const vf = (fault: string, name: string, bytes: Uint8Array): FaultFile => ({ area: 'views', fault: `yaml: ${fault}`, name, bytes });
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'views: *i'].join('\n');
  files.push(
    vf('an alias bomb', 'views-bomb.yaml', text(bomb)),
    vf('cut at 50 %', 'views-cut50.yaml', truncated(views, 0.5)),
    vf('10 bytes flipped', 'views-bytes10.yaml', byteFlips(views, 10, 30)),
    vf('100 bits flipped', 'views-bits100.yaml', bitFlips(views, 100, 31)),
    vf('binary', 'views-binary.yaml', randomBytes(5_000, 32)),
    vf('empty', 'views-empty.yaml', new Uint8Array()),
    vf('10,000 nested brackets', 'views-deep.yaml', text(`views: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)),
    vf('a 10 MB line', 'views-longline.yaml', text(`views: "${'x'.repeat(10_000_000)}"\n`)),
    vf('wrong types (a number for a name, a text for a scale)', 'views-types.yaml', text(asText(views).replace(/name: .*/, 'name: 42').replace(/min: .*/, 'min: tall'))),
    vf('tabs for indentation', 'views-tabs.yaml', text(asText(views).replace(/^ {2}/gm, '\t'))),
    vf('UTF-16', 'views-utf16.yaml', utf16le(asText(views))),
    vf('a JSON list of numbers', 'views-json.yaml', text(JSON.stringify(Array.from({ length: 1000 }, (_, i) => i)))),
    vf('50,000 views (2.5 MB)', 'views-many.yaml', text(`views:\n${Array.from({ length: 50_000 }, (_, i) => `  - { name: "v${i}", xData: power, yData: time }`).join('\n')}\n`)),
    vf('plain prose', 'views-prose.yaml', text('These are the views I like: power against time, and the rest.\n')),
  );
  return files;
}
