import { gatesFromLaps, type RideLap } from '../lapGates';
import { usableProfileValue } from '../plausibleRanges';
import { createRideStream } from '../rideStream';
import type { DecodedRide } from './decodedRide';
import { RideIssues } from './rideIssues';
import { child, descendants, parseXml, textAt } from './xmlTree';

/**
 * TrainingPeaks PWX (`<pwx><workout>`): the athlete's name and weight, the start `<time>`,
 * `<sample>`s of `timeoffset` s with `pwr` W, `cad` rpm, `hr` bpm, `spd` m/s and `dist` m, and
 * `<segment>`s (summarydata `beginning` + `duration`, seconds from the start) as laps. A sample
 * without a power element was not recorded (NaN), never 0.
 */
export function decodePwx(text: string, fileName: string): DecodedRide {
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    throw new Error(`"${fileName}" is not a readable PWX file: ${(error as Error).message}`);
  }
  const workout = child(root, 'workout');
  if (root.name !== 'pwx' || !workout) throw new Error(`"${fileName}" is not a PWX workout (its root is <${root.name}>, expected <pwx> with a <workout>)`);
  const issues = new RideIssues(fileName);
  const columns = { time: [] as number[], power: [] as number[], cadence: [] as number[], heartRate: [] as number[], speed: [] as number[], distance: [] as number[] };
  const fields = [['power', 'pwr'], ['cadence', 'cad'], ['heartRate', 'hr'], ['speed', 'spd'], ['distance', 'dist']] as const;
  workout.children
    .filter((c) => c.name === 'sample')
    .forEach((sample, i) => {
      const offset = Number(textAt(sample, 'timeoffset'));
      const last = columns.time[columns.time.length - 1];
      if (textAt(sample, 'timeoffset') === '' || !Number.isFinite(offset) || (last !== undefined && offset < last)) {
        issues.add({ sample: i + 1, column: 'timeoffset' }, `expected seconds after ${last ?? 0}, got "${textAt(sample, 'timeoffset')}"; sample skipped`);
        return;
      }
      columns.time.push(offset);
      for (const [key, tag] of fields) columns[key].push(issues.cell(key, textAt(sample, tag), { sample: i + 1, column: tag }));
    });
  if (columns.time.length === 0) throw new Error(`"${fileName}" has no <sample> with a timeoffset`);
  const stream = createRideStream(columns);
  const laps: RideLap[] = descendants(workout, 'segment').flatMap((segment) => {
    const begin = Number(textAt(segment, 'summarydata', 'beginning'));
    const duration = Number(textAt(segment, 'summarydata', 'duration'));
    return Number.isFinite(begin) && duration > 0 ? [{ startTime: begin, endTime: begin + duration }] : [];
  });
  const weight = Number(textAt(workout, 'athlete', 'weight'));
  return {
    fileName,
    format: 'TrainingPeaks PWX',
    riderName: textAt(workout, 'athlete', 'name') || fileName.replace(/\.[^.]+$/, ''),
    profile: { ftp: null, weightKg: usableProfileValue('weightKg', weight) },
    startWallTime: Date.parse(textAt(workout, 'time')) / 1000,
    stream,
    gates: gatesFromLaps(laps, stream.sampleIntervalS),
    segmentsPerLap: null,
    lapSource: laps.length > 0 ? `${laps.length} segments of the workout` : null,
    issues: issues.messages,
    issueCount: issues.count,
  };
}
