import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { fieldExportToSheets } from '../../core/power/index';
import { generateRideSession } from '../../core/generate/rides';
import { fitActivityFile } from '../../core/generate/rideFitFile';
import { ergomoCsv, lapsOf } from '../../core/generate/rideTextFiles';
import { DataError, describeError } from '../dataError';
import { decodeRideFile, type DecodedRideFile } from './rideFileDecoder';

const [ride] = generateRideSession({ riders: 1, laps: 2, segmentsPerLap: 3, seed: 5 });
const bytesOf = (data: Uint8Array | string): ArrayBuffer => {
  const array = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength) as ArrayBuffer;
};
const rideOf = (file: DecodedRideFile) => {
  if (file.kind !== 'ride') throw new Error(`expected a ride, got ${file.kind}`);
  return file.ride;
};
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return describeError(error);
  }
  throw new Error('expected a refusal');
};

describe('decodeRideFile', () => {
  const fit = fitActivityFile(ride, lapsOf(ride, 'lap'));

  it('reads a FIT activity with its laps and the FTP and weight it carries', () => {
    const decoded = rideOf(decodeRideFile({ fileName: 'morning.fit', bytes: bytesOf(fit) }));
    expect(decoded.format).toBe('FIT activity');
    expect(decoded.stream.time.length).toBe(ride.stream.time.length);
    expect(decoded.gates.filter((g) => g.opens)).toHaveLength(2);
    expect(decoded.profile.ftp).toBe(ride.rider.ftp);
    expect(decoded.issues).toEqual([]);
  });

  // Issue 13, defect 7: a truncated FIT loaded part of the ride without a word; a wrong CRC was not caught.
  it('says so when a FIT file ends early, replaying what it holds', () => {
    const cut = fit.slice(0, Math.floor(fit.length * 0.3));
    const decoded = rideOf(decodeRideFile({ fileName: 'cut.fit', bytes: bytesOf(cut) }));
    const heldS = Math.round(decoded.stream.time[decoded.stream.time.length - 1] + 1);
    expect(heldS).toBeLessThan(ride.stream.time.length * 0.5);
    expect(decoded.issues[0]).toBe(`"cut.fit" ends early: ${cut.length.toLocaleString('en')} of the ${fit.length.toLocaleString('en')} bytes its header announces are there, so only the first ${heldS} s of the ride can be replayed. Copy the file from the head unit again for the rest.`);
  });

  it('refuses a FIT file whose checksum does not match, and bytes that are not FIT, naming the file once', () => {
    const flipped = fit.slice();
    flipped[Math.floor(flipped.length / 2)] ^= 0x40;
    expect(refusal(() => decodeRideFile({ fileName: 'flipped.fit', bytes: bytesOf(flipped) }))).toBe(
      '"flipped.fit" is damaged: its checksum does not match its content, so its values cannot be trusted. Copy it from the head unit again. (expected a .fit activity as the head unit wrote it)',
    );
    expect(refusal(() => decodeRideFile({ fileName: 'notes.fit', bytes: bytesOf('hello') }))).toContain('"notes.fit" is not a FIT file');
  });

  it('reads an ergomo export in Latin-1 and its intervals', () => {
    const decoded = rideOf(decodeRideFile({ fileName: 'ergomo.csv', bytes: bytesOf(ergomoCsv(ride, [{ startTime: 10, endTime: 70 }])) }));
    expect(decoded.format).toBe('ergomo CSV');
    expect(decoded.gates).toEqual([{ time: 11, opens: true }, { time: 71, opens: false }]);
  });

  it('reads a field export, laps and splits, and refuses what it cannot use', () => {
    const workbook = XLSX.utils.book_new();
    for (const [name, rows] of Object.entries(fieldExportToSheets(ride))) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
    const xlsx = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const exported = rideOf(decodeRideFile({ fileName: 'rider.xlsx', bytes: bytesOf(xlsx) }));
    expect(exported.segmentsPerLap).toBe(3);
    expect(exported.gates.filter((g) => g.opens)).toHaveLength(6);
    expect(decodeRideFile({ fileName: 'ride.laps.json', bytes: bytesOf('{"laps":[{"StartTime":0,"EndTime":60}]}') }).kind).toBe('laps');
    expect(decodeRideFile({ fileName: 'splits.csv', bytes: bytesOf('Rider,Split\nAna,61\n') }).kind).toBe('splits');
    expect(refusal(() => decodeRideFile({ fileName: 'empty.csv', bytes: new ArrayBuffer(0) }))).toContain('"empty.csv" is empty');
    expect(refusal(() => decodeRideFile({ fileName: 'photo.png', bytes: bytesOf('x') }))).toContain('"photo.png" is not a ride file Trackside reads');
    expect(refusal(() => decodeRideFile({ fileName: 'notes.csv', bytes: bytesOf('a,b\n1,2\n') }))).toContain('"notes.csv" is neither a ride nor laps nor timing splits');
  });
});
