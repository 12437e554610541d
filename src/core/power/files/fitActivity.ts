import { gatesFromLaps, type RideLap } from '../lapGates';
import { usableProfileValue } from '../plausibleRanges';
import { createRideStream } from '../rideStream';
import type { DecodedRide } from './decodedRide';
import { RideIssues } from './rideIssues';

type FitMessage = Readonly<Record<string, unknown>>;

/** The FIT messages a ride needs, as Garmin's SDK decodes them (dates as Date, values scaled). */
export interface FitActivityMessages {
  readonly recordMesgs?: readonly FitMessage[];
  readonly lapMesgs?: readonly FitMessage[];
  readonly sessionMesgs?: readonly FitMessage[];
  readonly userProfileMesgs?: readonly FitMessage[];
  readonly zonesTargetMesgs?: readonly FitMessage[];
}

const seconds = (value: unknown): number => (value instanceof Date ? value.getTime() / 1000 : typeof value === 'number' ? value : NaN);

/**
 * A head unit's FIT activity as a ride: record messages are the samples (a record without a
 * power field was not recorded: NaN), lap messages the laps, the zones target's (or session's)
 * threshold power the FTP and the user profile's weight the weight. `notes` (a truncated file)
 * come first among the issues.
 */
export function fitActivityRide(messages: FitActivityMessages, fileName: string, notes: readonly string[] = []): DecodedRide {
  const issues = new RideIssues(fileName);
  const all = messages.recordMesgs ?? [];
  const columns = { time: [] as number[], power: [] as number[], cadence: [] as number[], heartRate: [] as number[], speed: [] as number[], distance: [] as number[] };
  const start = seconds(all.find((r) => Number.isFinite(seconds(r.timestamp)))?.timestamp);
  all.forEach((record, i) => {
    const t = seconds(record.timestamp) - start;
    const previous = columns.time[columns.time.length - 1];
    if (!Number.isFinite(t) || (previous !== undefined && t < previous)) {
      issues.add({ sample: i + 1, column: 'timestamp' }, `expected a time after ${previous ?? 0} s, got ${String(record.timestamp)}; record skipped`);
      return;
    }
    const value = (...names: string[]) => {
      const found = names.map((n) => record[n]).find((v) => typeof v === 'number');
      return typeof found === 'number' ? String(found) : '';
    };
    const place = (column: string) => ({ sample: i + 1, column });
    columns.time.push(t);
    columns.power.push(issues.cell('power', value('power'), place('power')));
    columns.cadence.push(issues.cell('cadence', value('cadence'), place('cadence')));
    columns.heartRate.push(issues.cell('heartRate', value('heartRate'), place('heart_rate')));
    columns.speed.push(issues.cell('speed', value('enhancedSpeed', 'speed'), place('speed')));
    columns.distance.push(issues.cell('distance', value('distance'), place('distance')));
  });
  if (columns.time.length === 0) throw new Error(`"${fileName}" has no samples (record messages with a timestamp)`);
  const stream = createRideStream(columns);
  const laps: RideLap[] = [];
  (messages.lapMesgs ?? []).forEach((lap, i) => {
    const lapStart = seconds(lap.startTime) - start;
    const lapEnd = seconds(lap.timestamp) - start;
    if (Number.isFinite(lapStart) && Number.isFinite(lapEnd) && lapEnd >= lapStart) laps.push({ startTime: lapStart, endTime: lapEnd });
    else issues.add({ column: `lap ${i + 1}` }, `start ${String(lap.startTime)} and end ${String(lap.timestamp)} do not make a lap; lap skipped`);
  });
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  const ftp = usableProfileValue('ftp', number(messages.zonesTargetMesgs?.[0]?.functionalThresholdPower)) ?? usableProfileValue('ftp', number(messages.sessionMesgs?.[0]?.thresholdPower));
  return {
    fileName,
    format: 'FIT activity',
    riderName: fileName.replace(/\.[^.]+$/, ''),
    profile: { ftp, weightKg: usableProfileValue('weightKg', number(messages.userProfileMesgs?.[0]?.weight)) },
    startWallTime: start,
    stream,
    gates: gatesFromLaps(laps, stream.sampleIntervalS),
    segmentsPerLap: null,
    lapSource: laps.length > 0 ? `${laps.length} lap message${laps.length === 1 ? '' : 's'}` : null,
    issues: [...notes, ...issues.messages],
    issueCount: notes.length + issues.count,
  };
}
