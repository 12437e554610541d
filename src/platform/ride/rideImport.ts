import { gatesFromLaps, openingGates, type DecodedLaps, type DecodedRide, type RideGate, type TimingGate } from '../../core/power/index';
import { DataError } from '../dataError';

/** A ride with the gates it replays with (its own laps, a laps file's, a cut, or timing splits). */
export interface RideWithGates {
  readonly ride: DecodedRide;
  readonly gates: readonly RideGate[];
  /** Where those gates came from, in words ("5 lap messages", "laps from x.laps.json"). */
  readonly gateSource: string | null;
  readonly ftp: number | null;
  readonly weightKg: number | null;
}

export function withOwnGates(ride: DecodedRide): RideWithGates {
  return { ride, gates: ride.gates, gateSource: ride.lapSource, ftp: ride.profile.ftp, weightKg: ride.profile.weightKg };
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '').toLowerCase();

/**
 * Puts a laps file beside the ride it belongs to: the one its name names (`x.laps.json` →
 * `x.fit` or `x.csv`), or the only ride there is. Laps given as times of day are placed on the
 * ride's clock. The file's FTP is used when the ride has none.
 */
export function applyLaps(rides: readonly RideWithGates[], laps: DecodedLaps): RideWithGates[] {
  const named = laps.rideName === null ? [] : rides.filter((r) => baseName(r.ride.fileName) === laps.rideName!.toLowerCase());
  const target = named[0] ?? (rides.length === 1 ? rides[0] : undefined);
  if (!target) {
    const names = rides.map((r) => r.ride.fileName).join(', ') || 'none loaded';
    throw new DataError(`"${laps.fileName}": which ride are these laps of? Name it after its ride (ride.laps.json beside ride.fit; rides: ${names})`, { file: laps.fileName });
  }
  const origin = laps.wallClock ? target.ride.startWallTime : 0;
  if (Number.isNaN(origin)) throw new DataError(`"${laps.fileName}" gives laps as times of day, but "${target.ride.fileName}" has no clock time to place them on`, { file: laps.fileName });
  const gates = gatesFromLaps(laps.laps.map((lap) => ({ startTime: lap.startTime - origin, endTime: lap.endTime - origin })), target.ride.stream.sampleIntervalS);
  const updated: RideWithGates = { ...target, gates, gateSource: `${laps.laps.length} laps from ${laps.fileName}`, ftp: target.ftp ?? laps.profile.ftp, weightKg: target.weightKg ?? laps.profile.weightKg };
  return rides.map((r) => (r === target ? updated : r));
}

/** Timing splits set the gates of the riders they name (by name, by number 1…n, or by id). */
export function applySplits(rides: readonly RideWithGates[], riderNames: readonly string[], gates: readonly TimingGate[], fileName: string): RideWithGates[] {
  if (rides.length === 0) throw new DataError(`"${fileName}": load the riders’ ride files before their timing splits`, { file: fileName });
  let matched = 0;
  const result = rides.map((r, i) => {
    const mine = gates.filter((g) => g.riderId === riderNames[i] || g.riderId === String(i + 1)).map((g) => g.time);
    if (mine.length === 0) return r;
    matched++;
    return { ...r, gates: openingGates([...new Set(mine)].sort((a, b) => a - b)), gateSource: `timing splits from ${fileName}` };
  });
  if (matched === 0) throw new DataError(`"${fileName}" names no rider of this replay (riders: ${riderNames.join(', ')})`, { file: fileName });
  return result;
}
