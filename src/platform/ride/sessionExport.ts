import { utils, write } from 'xlsx';
import { fieldExportToSheets, segmentNumberAt, type FieldExportRide } from '../../core/power/index';
import type { StoredSession } from './sessionStore';

/** Each rider of a stored session in the field-export shape (segments from the recorded gates). */
export function sessionAsFieldExports(session: StoredSession): { riderName: string; ride: FieldExportRide }[] {
  const perLap = session.record.course?.segmentsPerLap ?? 5;
  return [...session.streams.entries()].map(([riderId, stream]) => {
    const profile = session.record.riders?.find((r) => r.riderId === riderId);
    const gates = session.gates.filter((g) => g.riderId === riderId).map((g) => g.time);
    const segments = gates.slice(1).map((end, i) => ({ segmentNumber: segmentNumberAt(i, perLap), startTime: gates[i], durationS: end - gates[i], distanceM: NaN }));
    const riderName = profile?.name ?? riderId;
    return { riderName, ride: { rider: { name: riderName, weightKg: profile?.weightKg ?? null, ftp: profile?.ftp ?? null }, startWallTime: session.record.startedAt / 1000, stream, segments } };
  });
}

/** The files a stored session exports to, one per rider: field-export xlsx or ride CSV. */
export function sessionFiles(session: StoredSession, kind: 'xlsx' | 'csv'): { fileName: string; blob: Blob }[] {
  return sessionAsFieldExports(session).map(({ riderName, ride }) => ({
    fileName: `${`${session.record.name} ${riderName}`.replace(/[^\w.-]+/g, '_')}.${kind}`,
    blob: kind === 'xlsx' ? fieldExportXlsx(ride) : rideCsv(ride),
  }));
}

export function fieldExportXlsx(ride: FieldExportRide): Blob {
  const workbook = utils.book_new();
  for (const [name, rows] of Object.entries(fieldExportToSheets(ride))) utils.book_append_sheet(workbook, utils.aoa_to_sheet(rows), name);
  const bytes = write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** The ride-CSV shape parseRideCsv reads back: empty cell = not recorded. */
export function rideCsv(ride: FieldExportRide): Blob {
  const cell = (v: number) => (Number.isNaN(v) ? '' : String(v));
  const { stream } = ride;
  const lines = ['WallTime,ElapsedS,InstantPower,Cadence,SpeedMps,HeartRate,DistanceM'];
  for (let i = 0; i < stream.time.length; i++) {
    const wall = new Date((ride.startWallTime + stream.time[i]) * 1000).toISOString();
    lines.push([wall, stream.time[i], cell(stream.power[i]), cell(stream.cadence[i]), cell(stream.speed[i]), cell(stream.heartRate[i]), cell(stream.distance[i])].join(','));
  }
  return new Blob([lines.join('\n') + '\n'], { type: 'text/csv' });
}
