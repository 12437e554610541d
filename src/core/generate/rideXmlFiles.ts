import type { FieldExportRide } from '../power/files/fieldExport';
import type { RideLap } from '../power/lapGates';

const iso = (unixSeconds: number) => new Date(Math.round(unixSeconds * 1000)).toISOString();
const element = (name: string, value: number) => (Number.isNaN(value) ? '' : `<${name}>${value}</${name}>`);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** TrainingPeaks PWX: athlete, start time, segments (beginning + duration) and samples. */
export function pwxXml(ride: FieldExportRide, laps: readonly RideLap[]): string {
  const { stream } = ride;
  const samples: string[] = [];
  for (let i = 0; i < stream.time.length; i++) {
    samples.push(`<sample><timeoffset>${stream.time[i]}</timeoffset>${element('hr', stream.heartRate[i])}${element('spd', stream.speed[i])}${element('pwr', stream.power[i])}${element('cad', stream.cadence[i])}${element('dist', stream.distance[i])}</sample>`);
  }
  const segments = laps.map((lap, i) => `<segment><name>Lap ${i + 1}</name><summarydata><beginning>${lap.startTime}</beginning><duration>${lap.endTime - lap.startTime}</duration></summarydata></segment>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<pwx xmlns="http://www.peaksware.com/PWX/1/0" version="1.0" creator="Trackside test">',
    '<workout>',
    `<athlete><name>${escape(ride.rider.name)}</name>${ride.rider.weightKg === null ? '' : `<weight>${ride.rider.weightKg}</weight>`}</athlete>`,
    '<sportType>Bike</sportType>',
    `<time>${iso(ride.startWallTime)}</time>`,
    ...segments,
    ...samples,
    '</workout>',
    '</pwx>',
    '',
  ].join('\n');
}

/** Garmin TCX: one Biking activity, one Lap element per lap with its trackpoints (Watts and Speed in the TPX extension). */
export function tcxXml(ride: FieldExportRide, laps: readonly RideLap[]): string {
  const { stream } = ride;
  const bounds = laps.length > 0 ? laps : [{ startTime: stream.time[0], endTime: Number.POSITIVE_INFINITY }];
  const body = bounds.map((lap) => {
    const points: string[] = [];
    for (let i = 0; i < stream.time.length; i++) {
      if (stream.time[i] < lap.startTime || stream.time[i] >= lap.endTime) continue;
      const heart = Number.isNaN(stream.heartRate[i]) ? '' : `<HeartRateBpm><Value>${stream.heartRate[i]}</Value></HeartRateBpm>`;
      points.push(`<Trackpoint><Time>${iso(ride.startWallTime + stream.time[i])}</Time>${element('DistanceMeters', stream.distance[i])}${heart}${element('Cadence', stream.cadence[i])}<Extensions><ns3:TPX>${element('ns3:Speed', stream.speed[i])}${element('ns3:Watts', stream.power[i])}</ns3:TPX></Extensions></Trackpoint>`);
    }
    return `<Lap StartTime="${iso(ride.startWallTime + lap.startTime)}"><TotalTimeSeconds>${Math.min(lap.endTime, stream.time[stream.time.length - 1] + 1) - lap.startTime}</TotalTimeSeconds><Track>\n${points.join('\n')}\n</Track></Lap>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">',
    `<Activities><Activity Sport="Biking"><Id>${iso(ride.startWallTime)}</Id>`,
    ...body,
    '</Activity></Activities></TrainingCenterDatabase>',
    '',
  ].join('\n');
}
