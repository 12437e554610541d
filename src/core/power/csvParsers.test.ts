import { describe, expect, it } from 'vitest';
import { parseClockTime, splitCsvLine } from './csvText';
import { parseRideCsv } from './rideCsv';
import { parseTimingSplitsCsv } from './timingSplitsCsv';

describe('parseRideCsv', () => {
  it('reads the head-unit CSV shape with empty cells as not recorded', () => {
    const text = 'WallTime,ElapsedS,InstantPower,Cadence,SpeedMps,HeartRate,DistanceM\n2020-06-01T14:52:40.000Z,0,162,90,6.4,154,6.5\n2020-06-01T14:54:05.000Z,85,,90,7.5,145,500\n';
    const { startWallTime, stream } = parseRideCsv(text);
    expect(startWallTime).toBe(Date.UTC(2020, 5, 1, 14, 52, 40) / 1000);
    expect(Array.from(stream.time)).toEqual([0, 85]);
    expect(Array.from(stream.power)).toEqual([162, NaN]);
    expect(() => parseRideCsv('ElapsedS,InstantPower\n0,12x\n')).toThrow('ride CSV line 2, column instantpower: expected a number, got "12x"');
  });
});

describe('parseTimingSplitsCsv', () => {
  it('sums splits per rider from an added start gate', () => {
    const gates = parseTimingSplitsCsv('Rider;Segment;Split\nAna;1.1;1:02,5\nBen;1.1;58.0\nAna;1.2;30\n');
    expect(gates).toEqual([
      { riderId: 'Ana', time: 0, label: null },
      { riderId: 'Ana', time: 62.5, label: '1.1' },
      { riderId: 'Ben', time: 0, label: null },
      { riderId: 'Ben', time: 58, label: '1.1' },
      { riderId: 'Ana', time: 92.5, label: '1.2' },
    ]);
  });

  it('keeps gate times as they are and names the bad cell', () => {
    expect(parseTimingSplitsCsv('Name,Gate,Time\n"Smith, J",G1,1:00:01\n')).toEqual([{ riderId: 'Smith, J', time: 3601, label: 'G1' }]);
    expect(() => parseTimingSplitsCsv('Rider,Gate,Time\nAna,G1,soon\n')).toThrow('splits CSV line 2, column time: expected seconds or m:ss.s, got "soon"');
    expect(() => parseTimingSplitsCsv('Gate,Time\nG1,3\n')).toThrow('no rider column');
    expect(splitCsvLine('"a ""b""",c')).toEqual(['a "b"', 'c']);
    expect(parseClockTime('2:03.5')).toBe(123.5);
  });
});
