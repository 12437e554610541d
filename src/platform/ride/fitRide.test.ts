import { describe, expect, it } from 'vitest';
import { Encoder, Profile, type FileIdMesg, type LapMesg, type RecordMesg } from '@garmin/fitsdk';
import { fitRide } from './fitRide';

/** A hand-made FIT activity: 1 Hz records, power = 100 + t, and two laps of 20 s and 10 s after a 5 s pause. */
function fitFile(): ArrayBuffer {
  const start = new Date('2024-05-01T10:00:00Z').getTime();
  const at = (s: number) => new Date(start + s * 1000);
  const encoder = new Encoder();
  encoder.onMesg(Profile.MesgNum.FILE_ID, { type: 'activity', manufacturer: 'development', product: 0, timeCreated: at(0), serialNumber: 1 } as FileIdMesg);
  const seconds = [...Array.from({ length: 20 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 25 + i)];
  for (const t of seconds) encoder.onMesg(Profile.MesgNum.RECORD, { timestamp: at(t), power: 100 + t, cadence: 90 } as RecordMesg);
  encoder.onMesg(Profile.MesgNum.LAP, { timestamp: at(20), startTime: at(0), totalElapsedTime: 20, totalTimerTime: 20 } as LapMesg);
  encoder.onMesg(Profile.MesgNum.LAP, { timestamp: at(35), startTime: at(25), totalElapsedTime: 10, totalTimerTime: 10 } as LapMesg);
  const bytes = encoder.close();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('fitRide', () => {
  it('turns records into the stream and lap messages into gates, one segment a lap', () => {
    const ride = fitRide(fitFile(), 'morning.fit');
    expect(ride.riderName).toBe('morning');
    expect(ride.stream.time.length).toBe(30);
    expect(ride.stream.time[20]).toBe(25); // the pause is a jump in time, not filled
    expect(ride.stream.power[29]).toBe(134);
    // Lap starts 0 and 25, the last lap's end 35: the pause runs into the first segment.
    expect(ride.gates).toEqual([0, 25, 35]);
    expect(ride.segmentsPerLap).toBe(2);
    expect(ride.issues).toEqual([]);
  });

  it('refuses bytes that are not FIT, saying which file', () => {
    expect(() => fitRide(new Uint8Array([1, 2, 3, 4]).buffer, 'notes.fit')).toThrow('"notes.fit" is not a FIT file');
  });
});
