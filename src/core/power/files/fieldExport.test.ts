import { describe, expect, it } from 'vitest';
import { fieldExportFromSheets } from './fieldExportFromSheets';
import { fieldExportToSheets } from './fieldExportToSheets';
import { createRideStream } from '../rideStream';
import type { FieldExportRide } from './fieldExport';

const sheets = () => ({
  Rider: [['Name', 'WeightKg', 'FTP', 'Source'], ['Ana', 61.5, null, 'x.csv']],
  Segments: [['Number', 'StartTime', 'Duration', 'Distance'], ['1.1', 0, 2, 10], ['1.2', 2, 2, null]],
  PowerData: [
    ['', 'WallTime', 'InstantPower', 'Cadence', 'Speed', 'HeartRate', 'Distance'],
    [0, 1700000000, 200, 90, 8, 140, 0],
    [1, 1700000001, null, 91, 8.1, 141, 8],
    [2, 1700000002, 'abc', 92, 8.2, 142, 16],
    [3, 1700000003, 0, '', 8.3, 143, 24],
  ],
});

describe('fieldExportFromSheets', () => {
  it('reads the three sheets into a stream with time from the first WallTime', () => {
    const { ride, issues } = fieldExportFromSheets(sheets());
    expect(ride.rider).toEqual({ name: 'Ana', weightKg: 61.5, ftp: null });
    expect(ride.startWallTime).toBe(1700000000);
    expect(Array.from(ride.stream.time)).toEqual([0, 1, 2, 3]);
    expect(Array.from(ride.stream.power)).toEqual([200, NaN, NaN, 0]);
    expect(Array.from(ride.stream.cadence)).toEqual([90, 91, 92, NaN]);
    expect(ride.segments).toEqual([
      { segmentNumber: '1.1', startTime: 0, durationS: 2, distanceM: 10 },
      { segmentNumber: '1.2', startTime: 2, durationS: 2, distanceM: NaN },
    ]);
    expect(issues).toEqual([{ sheet: 'PowerData', row: 4, column: 'C (InstantPower)', message: 'expected a number, got "abc"' }]);
  });

  it('refuses a workbook without PowerData or its power column, naming the sheet', () => {
    expect(() => fieldExportFromSheets({ Segments: [] })).toThrow('sheet PowerData: sheet missing (found: Segments)');
    const noPower = sheets();
    noPower.PowerData[0][2] = 'Watt hours';
    expect(() => fieldExportFromSheets(noPower)).toThrow('sheet PowerData, row 1: no InstantPower column');
    const badSegment = sheets();
    badSegment.Segments[2][0] = '1-2';
    expect(fieldExportFromSheets(badSegment).issues[1]).toMatchObject({ sheet: 'Segments', row: 3, column: 'A (Number)' });
  });

  it('round-trips through fieldExportToSheets, NaN as empty cells', () => {
    const ride: FieldExportRide = {
      rider: { name: 'Ben', weightKg: 72, ftp: 280 },
      startWallTime: 1600000000,
      stream: createRideStream({ time: [0, 1, 2], power: [250, NaN, 0], cadence: [90, 0, NaN], speed: [9, 9, 9], heartRate: [150, 151, 152], distance: [0, 9, 18] }),
      segments: [{ segmentNumber: '1.1', startTime: 0, durationS: 3, distanceM: 18 }],
    };
    const rows = fieldExportToSheets(ride);
    expect(rows.PowerData[2]).toEqual([1, 1600000001, null, 0, 9, 151, 9]);
    const back = fieldExportFromSheets(rows);
    expect(back.issues).toEqual([]);
    expect(back.ride).toEqual(ride);
  });
});
