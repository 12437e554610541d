import { gatesFromLaps, type RideLap } from '../lapGates';
import { createRideStream } from '../rideStream';
import { clockSeconds } from './csvRide';
import type { DecodedRide } from './decodedRide';
import { RideIssues } from './rideIssues';
import { child, descendants, parseXml, textAt } from './xmlTree';

/**
 * Garmin Training Center TCX: the first `<Activity>`, its `<Lap StartTime>`s as laps and their
 * `<Trackpoint>`s as samples (`Time`, `DistanceMeters`, `HeartRateBpm/Value`, `Cadence`, and the
 * ActivityExtension's `Speed` m/s and `Watts`). A lap ends one sample after its last trackpoint,
 * so a paused recording between two laps is in neither.
 */
export function decodeTcx(text: string, fileName: string): DecodedRide {
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    throw new Error(`"${fileName}" is not a readable TCX file: ${(error as Error).message}`);
  }
  const activity = descendants(root, 'Activity')[0];
  if (root.name !== 'TrainingCenterDatabase' || !activity) throw new Error(`"${fileName}" is not a TCX activity (its root is <${root.name}>, expected <TrainingCenterDatabase> with an <Activity>)`);
  const issues = new RideIssues(fileName);
  const columns = { time: [] as number[], power: [] as number[], cadence: [] as number[], heartRate: [] as number[], speed: [] as number[], distance: [] as number[] };
  let start = NaN;
  let sample = 0;
  const lapSamples: { startTime: number; last: number }[] = [];
  for (const lap of activity.children.filter((c) => c.name === 'Lap')) {
    const lapStart = clockSeconds(lap.attributes.StartTime ?? '');
    let last = NaN;
    for (const point of descendants(lap, 'Trackpoint')) {
      sample++;
      const clock = clockSeconds(textAt(point, 'Time'));
      if (Number.isNaN(start)) start = Number.isFinite(lapStart) ? Math.min(lapStart, clock) : clock;
      const t = clock - start;
      const previous = columns.time[columns.time.length - 1];
      if (!Number.isFinite(t) || (previous !== undefined && t < previous)) {
        issues.add({ sample, column: 'Time' }, `expected a time after the last, got "${textAt(point, 'Time')}"; trackpoint skipped`);
        continue;
      }
      const extension = descendants(point, 'TPX')[0] ?? child(point, 'Extensions');
      columns.time.push(t);
      columns.power.push(issues.cell('power', textAt(extension, 'Watts'), { sample, column: 'Watts' }));
      columns.speed.push(issues.cell('speed', textAt(extension, 'Speed'), { sample, column: 'Speed' }));
      columns.cadence.push(issues.cell('cadence', textAt(point, 'Cadence'), { sample, column: 'Cadence' }));
      columns.heartRate.push(issues.cell('heartRate', textAt(point, 'HeartRateBpm', 'Value'), { sample, column: 'HeartRateBpm' }));
      columns.distance.push(issues.cell('distance', textAt(point, 'DistanceMeters'), { sample, column: 'DistanceMeters' }));
      last = t;
    }
    if (Number.isFinite(lapStart) && Number.isFinite(last)) lapSamples.push({ startTime: lapStart, last });
  }
  if (columns.time.length === 0) throw new Error(`"${fileName}" has no <Trackpoint> with a Time`);
  const stream = createRideStream(columns);
  const laps: RideLap[] = lapSamples.map((lap) => ({ startTime: lap.startTime - start, endTime: lap.last + stream.sampleIntervalS }));
  return {
    fileName,
    format: 'Garmin TCX',
    riderName: fileName.replace(/\.[^.]+$/, ''),
    profile: { ftp: null, weightKg: null },
    startWallTime: start,
    stream,
    gates: gatesFromLaps(laps, stream.sampleIntervalS),
    segmentsPerLap: null,
    lapSource: laps.length > 0 ? `${laps.length} laps` : null,
    issues: issues.messages,
    issueCount: issues.count,
  };
}
