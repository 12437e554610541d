import { describe, expect, it } from 'vitest';
import { fieldExportFromSheets } from '../power/files/fieldExportFromSheets';
import { fieldExportToSheets } from '../power/files/fieldExportToSheets';
import { averagePower } from '../power/averages';
import { normalizedPower } from '../power/normalizedPower';
import { generateRideSession } from './rides';

describe('generateRideSession', () => {
  it('is deterministic for a seed and differs for another', () => {
    const a = generateRideSession({ riders: 3, laps: 2, seed: 1 }).map(fieldExportToSheets);
    const b = generateRideSession({ riders: 3, laps: 2, seed: 1 }).map(fieldExportToSheets);
    const c = generateRideSession({ riders: 3, laps: 2, seed: 2 }).map(fieldExportToSheets);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('writes contiguous lap.segment rows that cover the ride and read back without issues', () => {
    const rides = generateRideSession({ riders: 4, laps: 3, segmentsPerLap: 5, seed: 7 });
    expect(rides).toHaveLength(4);
    for (const ride of rides) {
      expect(ride.segments.map((s) => s.segmentNumber).slice(0, 6)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1']);
      expect(ride.segments).toHaveLength(15);
      for (let i = 1; i < ride.segments.length; i++) {
        expect(ride.segments[i].startTime).toBe(ride.segments[i - 1].startTime + ride.segments[i - 1].durationS);
      }
      const last = ride.segments[14];
      expect(last.startTime + last.durationS).toBe(ride.stream.time.length);
      const { issues } = fieldExportFromSheets(fieldExportToSheets(ride));
      expect(issues).toEqual([]);
      // surges and coasting make the ride variable: NP above average power
      expect(normalizedPower(ride.stream)).toBeGreaterThan(averagePower(ride.stream));
    }
    expect(() => generateRideSession({ riders: 0, laps: 1, seed: 1 })).toThrow('invalid riders: 0');
  });
});
