import { Decoder, Stream } from '@garmin/fitsdk';
import { createRideStream, gatesFromLaps } from '../../core/power/index';
import { DataError } from '../dataError';
import type { ReplayRide } from './replayRide';

type FitMessage = Record<string, unknown>;

const seconds = (value: unknown): number => (value instanceof Date ? value.getTime() / 1000 : typeof value === 'number' ? value : NaN);

/**
 * A head unit's FIT activity (Garmin's FIT SDK, decoded once) as a ride for the replay
 * clock: its record messages become the stream and its lap messages the gates, one segment
 * a lap (`1.1` … `1.n`), so the ride lands in the matrix without taps.
 */
export function fitRide(bytes: ArrayBuffer, fileName: string): ReplayRide {
  const stream = Stream.fromArrayBuffer(bytes);
  if (!Decoder.isFIT(stream)) throw new DataError(`"${fileName}" is not a FIT file`, { file: fileName, expected: 'a .fit activity' });
  const { messages, errors } = new Decoder(stream).read({ convertDateTimesToDates: true, includeUnknownData: false });
  const records = ((messages.recordMesgs ?? []) as FitMessage[]).filter((r) => Number.isFinite(seconds(r.timestamp)));
  if (records.length === 0) {
    const reason = errors.length > 0 ? `: ${String(errors[0])}` : '';
    throw new DataError(`"${fileName}" has no samples (record messages with a timestamp)${reason}`, { file: fileName });
  }
  const start = seconds(records[0].timestamp);
  const numbers = (...names: string[]) =>
    records.map((r) => {
      const value = names.map((n) => r[n]).find((v) => typeof v === 'number');
      return typeof value === 'number' ? value : NaN;
    });
  const rideStream = createRideStream({
    time: records.map((r) => seconds(r.timestamp) - start),
    power: numbers('power'),
    cadence: numbers('cadence'),
    heartRate: numbers('heartRate'),
    speed: numbers('enhancedSpeed', 'speed'),
    distance: numbers('distance'),
  });
  const issues: string[] = [];
  const laps = ((messages.lapMesgs ?? []) as FitMessage[]).flatMap((lap, i) => {
    const lapStart = seconds(lap.startTime) - start;
    const lapEnd = seconds(lap.timestamp) - start;
    if (Number.isFinite(lapStart) && Number.isFinite(lapEnd) && lapEnd >= lapStart) return [{ startTime: lapStart, endTime: lapEnd }];
    issues.push(`"${fileName}", lap ${i + 1}: start ${String(lap.startTime)} and end ${String(lap.timestamp)} do not make a lap; skipped`);
    return [];
  });
  const gates = gatesFromLaps(laps);
  return {
    fileName,
    riderName: fileName.replace(/\.[^.]+$/, ''),
    weightKg: null,
    ftp: null,
    stream: rideStream,
    gates,
    segmentsPerLap: gates.length > 1 ? gates.length - 1 : null,
    issues,
  };
}
