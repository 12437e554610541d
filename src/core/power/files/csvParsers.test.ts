import { describe, expect, it } from 'vitest';
import { parseClockTime, parseDecimal, splitCsvLine } from './csvText';
import { decodeRideCsv } from './rideCsv';
import { parseTimingSplitsCsv } from './timingSplitsCsv';

describe('decodeRideCsv (head unit)', () => {
  it('reads the head-unit CSV shape with empty cells as not recorded', () => {
    const text = 'WallTime,ElapsedS,InstantPower,Cadence,SpeedMps,HeartRate,DistanceM\n2020-06-01T14:52:40.000Z,0,162,90,6.4,154,6.5\n2020-06-01T14:54:05.000Z,85,,90,7.5,145,500\n';
    const ride = decodeRideCsv(text, 'ride.csv')!;
    expect(ride.format).toBe('ride CSV');
    expect(ride.startWallTime).toBe(Date.UTC(2020, 5, 1, 14, 52, 40) / 1000);
    expect(Array.from(ride.stream.time)).toEqual([0, 85]);
    expect(Array.from(ride.stream.power)).toEqual([162, NaN]);
    expect(ride.gates).toEqual([]);
    expect(ride.issues).toEqual([]);
  });

  // Issue 13, defect 7: these cells were accepted and averaged in (0x1F4 as 500 W, 1e999 as Infinity).
  it('keeps implausible and non-numeric power as gaps, naming file, row, column and why; the rest is kept', () => {
    const cells = ['1e999', 'Infinity', '-5000', '99999', '0x1F4', '12x', '250'];
    const text = ['ElapsedS,InstantPower,HeartRate', ...cells.map((c, i) => `${i},${c},${i === 6 ? 0 : 140}`)].join('\n');
    const ride = decodeRideCsv(text, 'bad-power.csv')!;
    expect(Array.from(ride.stream.power)).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, 250]);
    // 0 bpm is a strap without contact: not recorded, not a fault
    expect(ride.stream.heartRate[6]).toBeNaN();
    expect(ride.issues).toEqual([
      '"bad-power.csv", row 2, column InstantPower: "1e999" is too large to be a measurement; kept as a gap',
      '"bad-power.csv", row 3, column InstantPower: expected a number, got "Infinity"; kept as a gap',
      '"bad-power.csv", row 4, column InstantPower: power -5000 W is below 0 W; kept as a gap, not counted',
      '"bad-power.csv", row 5, column InstantPower: power 99,999 W is above 3,000 W; kept as a gap, not counted',
      '"bad-power.csv", row 6, column InstantPower: expected a number, got "0x1F4"; kept as a gap',
      '"bad-power.csv", row 7, column InstantPower: expected a number, got "12x"; kept as a gap',
    ]);
    expect(ride.issueCount).toBe(6);
  });

  it('skips a row whose time cannot be read or goes back, and says so', () => {
    const ride = decodeRideCsv('ElapsedS,InstantPower\n0,100\nsoon,110\n2,120\n1,130\n', 'clock.csv')!;
    expect(Array.from(ride.stream.time)).toEqual([0, 2]);
    expect(ride.issues).toEqual(['"clock.csv", row 3, column ElapsedS: expected a time in seconds, got "soon"; row skipped', '"clock.csv", row 5, column ElapsedS: time 1 s goes back before 2 s; row skipped']);
  });

  it('is not a ride without a time and a power column (a splits or laps file)', () => {
    expect(decodeRideCsv('Rider,Split\nAna,61\n', 'splits.csv')).toBeNull();
  });
});

describe('csv text', () => {
  it('reads only plain decimal numbers', () => {
    expect(['250', '-3.5', '1e3', '.5', ' 7 '].map((t) => parseDecimal(t))).toEqual([250, -3.5, 1000, 0.5, 7]);
    expect(['0x1F4', 'Infinity', 'NaN', '', '1,5', '2 3'].map((t) => parseDecimal(t))).toEqual([null, null, null, null, null, null]);
    expect(parseDecimal('1,5', true)).toBe(1.5);
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
