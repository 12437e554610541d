import { FIELD_EXPORT_SHEETS, type FieldExportRide } from './fieldExport';

export type SheetCell = string | number | null;

/**
 * The reverse of fieldExportFromSheets: rows per sheet for SheetJS `aoa_to_sheet`. NaN
 * (not recorded) becomes an empty cell, never 0.
 */
export function fieldExportToSheets(ride: FieldExportRide): Record<string, SheetCell[][]> {
  const cell = (value: number): number | null => (Number.isNaN(value) ? null : value);
  const { stream } = ride;
  const powerData: SheetCell[][] = [['', 'WallTime', 'InstantPower', 'Cadence', 'Speed', 'HeartRate', 'Distance']];
  for (let i = 0; i < stream.time.length; i++) {
    powerData.push([i, ride.startWallTime + stream.time[i], cell(stream.power[i]), cell(stream.cadence[i]), cell(stream.speed[i]), cell(stream.heartRate[i]), cell(stream.distance[i])]);
  }
  const segments: SheetCell[][] = [['Number', 'StartTime', 'Duration', 'Distance']];
  for (const s of ride.segments) segments.push([s.segmentNumber, s.startTime, s.durationS, cell(s.distanceM)]);
  return {
    [FIELD_EXPORT_SHEETS.rider]: [['Name', 'WeightKg', 'FTP'], [ride.rider.name, ride.rider.weightKg, ride.rider.ftp]],
    [FIELD_EXPORT_SHEETS.segments]: segments,
    [FIELD_EXPORT_SHEETS.powerData]: powerData,
  };
}
