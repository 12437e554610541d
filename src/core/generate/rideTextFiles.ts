import type { FieldExportRide } from '../power/files/fieldExport';
import type { RideLap } from '../power/lapGates';
import { parseSegmentNumber } from '../power/segmentNumber';

/**
 * A generated ride written in the text formats a coach brings (for tests and fixtures; the
 * decoders must read back what these write): a head unit's CSV, GoldenCheetah's PowerTap-style
 * export, an ergomo export (Latin-1, two header rows), a laps file, TrainingPeaks PWX and TCX.
 * NaN (not recorded) is written the way each format writes it.
 */
const iso = (unixSeconds: number) => new Date(Math.round(unixSeconds * 1000)).toISOString();
const blankIfNaN = (value: number, digits?: number) => (Number.isNaN(value) ? '' : digits === undefined ? String(value) : value.toFixed(digits));

/** The ride's laps: every segment, or every lap of the course (its segments together). */
export function lapsOf(ride: FieldExportRide, by: 'segment' | 'lap'): RideLap[] {
  if (by === 'segment') return ride.segments.map((s) => ({ startTime: s.startTime, endTime: s.startTime + s.durationS }));
  const laps = new Map<number, RideLap>();
  for (const s of ride.segments) {
    const lap = parseSegmentNumber(s.segmentNumber).lap;
    const known = laps.get(lap);
    laps.set(lap, { startTime: known?.startTime ?? s.startTime, endTime: s.startTime + s.durationS });
  }
  return [...laps.values()];
}

export function headUnitCsv(ride: FieldExportRide): string {
  const { stream } = ride;
  const lines = ['WallTime,ElapsedS,InstantPower,Cadence,SpeedMps,HeartRate,DistanceM'];
  for (let i = 0; i < stream.time.length; i++) {
    const t = stream.time[i];
    lines.push([iso(ride.startWallTime + t), t, blankIfNaN(stream.power[i]), blankIfNaN(stream.cadence[i]), blankIfNaN(stream.speed[i]), blankIfNaN(stream.heartRate[i]), blankIfNaN(stream.distance[i])].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Interval number of each sample: 1, 2, … inside the laps, 0 outside (GoldenCheetah's ID, ergomo's INTERVAL). */
function intervalIds(ride: FieldExportRide, laps: readonly RideLap[], first: number): number[] {
  return Array.from(ride.stream.time, (t) => {
    const k = laps.findIndex((lap) => t >= lap.startTime && t < lap.endTime);
    return k < 0 ? 0 : first + k;
  });
}

/** `Minutes, Torq (N-m),Km/h,Watts,Km,Cadence,Hrate,ID` — GoldenCheetah's CSV export; -1 W is "not recorded". */
export function powertapCsv(ride: FieldExportRide, laps: readonly RideLap[] = []): string {
  const { stream } = ride;
  const ids = intervalIds(ride, laps, 1);
  const lines = ['Minutes, Torq (N-m),Km/h,Watts,Km,Cadence,Hrate,ID'];
  for (let i = 0; i < stream.time.length; i++) {
    const watts = Number.isNaN(stream.power[i]) ? -1 : stream.power[i];
    lines.push([(stream.time[i] / 60).toFixed(5), '0', blankIfNaN(stream.speed[i] * 3.6, 3), watts, blankIfNaN(stream.distance[i] / 1000, 5), blankIfNaN(stream.cadence[i]), blankIfNaN(stream.heartRate[i]), ids[i]].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** An ergomo export: Latin-1 bytes, two header rows, padded columns, INTERVAL numbers from `firstInterval`. */
export function ergomoCsv(ride: FieldExportRide, laps: readonly RideLap[], firstInterval = 9): Uint8Array {
  const { stream } = ride;
  const ids = intervalIds(ride, laps, firstInterval);
  const pad = (text: string, width: number) => text.padStart(width);
  const lines = ['ZEIT,STRECKE,POWER,RPM,SPEED,PULS,HÖHE,TEMP,INTERVAL,PAUSE', 'L_SEC,KM,WATT,RPM,KM/H,BPM,METER,°C,NUM,SEC'];
  for (let i = 0; i < stream.time.length; i++) {
    const zero = (v: number, digits = 0) => (Number.isNaN(v) ? 0 : v).toFixed(digits);
    lines.push([pad(String(stream.time[i] + 1), 6), pad(zero(stream.distance[i] / 1000, 3), 8), pad(zero(stream.power[i]), 5), pad(zero(stream.cadence[i]), 4), pad(zero(stream.speed[i] * 3.6, 1), 5), pad(zero(stream.heartRate[i]), 4), '1498.6', ' 11.3', pad(String(ids[i]), 3), pad('0', 6)].join(','));
  }
  const text = `${lines.join('\n')}\n`;
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

/** The head unit's laps in the shared `*.laps.json` shape, with the rider's FTP. */
export function lapsJson(ride: FieldExportRide, laps: readonly RideLap[]): string {
  return JSON.stringify(
    {
      session: { sport: 'cycling', start: iso(ride.startWallTime), FTP: ride.rider.ftp },
      laps: laps.map((lap, i) => ({ Number: `1.${i + 1}`, StartTime: iso(ride.startWallTime + lap.startTime), EndTime: iso(ride.startWallTime + lap.endTime) })),
    },
    null,
    1,
  );
}
