import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { generateRideSession } from '../../generate/rides';
import { fitActivityFile } from '../../generate/rideFitFile';
import { ergomoCsv, headUnitCsv, lapsJson, lapsOf, powertapCsv } from '../../generate/rideTextFiles';
import { pwxXml, tcxXml } from '../../generate/rideXmlFiles';
import { createRideStream } from '../rideStream';
import type { DecodedRide } from './decodedRide';
import { fitActivityRide, type FitActivityMessages } from './fitActivity';
import { decodeLapsCsv, decodeLapsJson } from './lapsFile';
import { decodePwx } from './pwxRide';
import { decodeRideCsv } from './rideCsv';
import { decodeTcx } from './tcxRide';

/** One generated rider: 2 laps of 3 segments, 1 Hz, with FTP and weight. */
const [ride] = generateRideSession({ riders: 1, laps: 2, segmentsPerLap: 3, seed: 11 });
const laps = lapsOf(ride, 'lap');
const n = ride.stream.time.length;

function expectSamples(decoded: DecodedRide, columns: ('power' | 'cadence' | 'heartRate' | 'speed' | 'distance')[], digits = 9) {
  expect(decoded.stream.time.length).toBe(n);
  expect(Array.from(decoded.stream.time)).toEqual(Array.from(ride.stream.time));
  for (const column of columns) {
    decoded.stream[column].forEach((v, i) => expect(v, `${column}[${i}]`).toBeCloseTo(ride.stream[column][i], digits));
  }
}

const lapGates = laps.flatMap((lap, i) => (i === laps.length - 1 ? [{ time: lap.startTime, opens: true }, { time: lap.endTime, opens: false }] : [{ time: lap.startTime, opens: true }]));

describe('every ride file a coach has, read back from what the writers wrote', () => {
  it('head-unit CSV: samples as written, no laps', () => {
    const decoded = decodeRideCsv(headUnitCsv(ride), 'unit.csv')!;
    expectSamples(decoded, ['power', 'cadence', 'heartRate', 'speed', 'distance']);
    expect(decoded.startWallTime).toBe(ride.startWallTime);
    expect(decoded.gates).toEqual([]);
  });

  it('GoldenCheetah / PowerTap CSV in minutes, at a 1.26 s sample rate, with ID runs as laps and -1 W as not recorded', () => {
    const time = Array.from({ length: 200 }, (_, i) => Math.round(i * 1.26 * 100) / 100);
    const power = time.map((_, i) => (i === 5 ? NaN : 200 + (i % 7)));
    const powertap = { ...ride, stream: createRideStream({ time, power, speed: time.map(() => 8), distance: time.map((t) => t * 8), cadence: time.map(() => 90), heartRate: time.map(() => 150) }) };
    const decoded = decodeRideCsv(powertapCsv(powertap, [{ startTime: 0, endTime: 126 }, { startTime: 126, endTime: 252 }]), 'gc.csv')!;
    expect(decoded.format).toBe('GoldenCheetah / PowerTap CSV');
    expect(decoded.stream.sampleIntervalS).toBeCloseTo(1.26, 6);
    expect(decoded.stream.time[10]).toBeCloseTo(12.6, 6);
    expect(decoded.stream.power[5]).toBeNaN();
    expect(decoded.stream.speed[3]).toBeCloseTo(8, 3);
    expect(decoded.stream.distance[100]).toBeCloseTo(1008, 0);
    expect(decoded.gates.map((g) => g.opens)).toEqual([true, true, false]);
    expect(decoded.gates[1].time).toBeCloseTo(126, 6);
    expect(decoded.issues).toEqual([]);
  });

  it('ergomo CSV (Latin-1, two header rows): INTERVAL runs become laps with the rests between them in no lap', () => {
    const intervals = [{ startTime: 100, endTime: 250 }, { startTime: 400, endTime: 520 }];
    const text = new TextDecoder('latin1').decode(ergomoCsv(ride, intervals));
    const decoded = decodeRideCsv(text, 'ergomo.csv')!;
    expect(decoded.format).toBe('ergomo CSV');
    expect(decoded.stream.time[0]).toBe(1);
    expect(decoded.stream.power[42]).toBe(Number.isNaN(ride.stream.power[42]) ? 0 : ride.stream.power[42]);
    expect(decoded.gates).toEqual([{ time: 101, opens: true }, { time: 251, opens: false }, { time: 401, opens: true }, { time: 521, opens: false }]);
    expect(decoded.lapSource).toBe('2 intervals of its INTERVAL column');
  });

  it('PWX: athlete, samples and segments', () => {
    const decoded = decodePwx(pwxXml(ride, laps), 'ride.pwx');
    expectSamples(decoded, ['power', 'cadence', 'heartRate', 'speed', 'distance']);
    expect(decoded.riderName).toBe(ride.rider.name);
    expect(decoded.profile.weightKg).toBe(ride.rider.weightKg);
    expect(decoded.gates).toEqual(lapGates);
  });

  it('TCX: trackpoints with the Watts and Speed extension, one segment a Lap', () => {
    const decoded = decodeTcx(tcxXml(ride, laps), 'ride.tcx');
    expectSamples(decoded, ['power', 'cadence', 'heartRate', 'speed', 'distance']);
    expect(decoded.gates).toEqual(lapGates);
  });

  it('FIT: records, lap messages as gates, FTP and weight from the file', () => {
    const bytes = fitActivityFile(ride, laps);
    const { messages } = new Decoder(Stream.fromByteArray(Array.from(bytes))).read({ convertDateTimesToDates: true });
    const decoded = fitActivityRide(messages as FitActivityMessages, 'ride.fit');
    expectSamples(decoded, ['power', 'cadence', 'heartRate'], 9);
    expectSamples(decoded, ['speed', 'distance'], 2);
    expect(decoded.profile).toEqual({ ftp: ride.rider.ftp, weightKg: ride.rider.weightKg });
    expect(decoded.gates).toEqual(lapGates);
  });

  it('a laps file beside a ride: the shared laps.json shape and a laps CSV', () => {
    const json = decodeLapsJson(lapsJson(ride, laps), 'unit.laps.json');
    expect(json.rideName).toBe('unit');
    expect(json.wallClock).toBe(true);
    expect(json.laps[1].startTime - ride.startWallTime).toBe(laps[1].startTime);
    expect(json.profile.ftp).toBe(ride.rider.ftp);
    const csv = decodeLapsCsv('Lap,Start,Duration\n1,0,10:00\n2,10:00,9:30\n', 'unit_laps.csv')!;
    expect(csv.laps).toEqual([{ startTime: 0, endTime: 600 }, { startTime: 600, endTime: 1170 }]);
    expect(csv.rideName).toBe('unit');
    expect(() => decodeLapsJson('{"laps":[{"StartTime":"soon"}]}', 'x.laps.json')).toThrow('"x.laps.json", lap 1: expected StartTime and EndTime');
  });

  it('refuses broken XML naming the file and the line', () => {
    expect(() => decodePwx('<pwx><workout><sample><pwr>1</pwr></workout></pwx>', 'broken.pwx')).toThrow('"broken.pwx" is not a readable PWX file: line 1: </workout> closes <sample>');
    expect(() => decodeTcx('<gpx></gpx>', 'route.tcx')).toThrow('"route.tcx" is not a TCX activity');
  });
});
