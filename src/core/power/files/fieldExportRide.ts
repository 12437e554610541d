import { gatesFromLaps } from '../lapGates';
import { usableProfileValue } from '../plausibleRanges';
import { parseSegmentNumber } from '../segmentNumber';
import type { DecodedRide } from './decodedRide';
import type { SheetRows } from './fieldExport';
import { fieldExportFromSheets } from './fieldExportFromSheets';

/**
 * The field platform's export (sheets PowerData, Segments, Rider) as a ride: the Segments
 * sheet's rows are the laps, numbered as the sheet numbers them (`1.5` → five a lap).
 * Throws FieldExportError when the workbook is not one.
 */
export function fieldExportRide(sheets: SheetRows, fileName: string): DecodedRide {
  const { ride, issues } = fieldExportFromSheets(sheets);
  const segments = ride.segments;
  const perLap = segments.length > 0 ? Math.max(...segments.map((s) => parseSegmentNumber(s.segmentNumber).segment)) : null;
  const messages = issues.map((i) => `"${fileName}", sheet ${i.sheet}, row ${i.row}, column ${i.column}: ${i.message}`);
  return {
    fileName,
    format: 'field export (xlsx)',
    riderName: ride.rider.name || fileName.replace(/\.[^.]+$/, ''),
    profile: { ftp: usableProfileValue('ftp', ride.rider.ftp), weightKg: usableProfileValue('weightKg', ride.rider.weightKg) },
    startWallTime: ride.startWallTime,
    stream: ride.stream,
    gates: gatesFromLaps(segments.map((s) => ({ startTime: s.startTime, endTime: s.startTime + s.durationS })), ride.stream.sampleIntervalS),
    segmentsPerLap: perLap,
    lapSource: segments.length > 0 ? `${segments.length} rows of its Segments sheet` : null,
    issues: messages.slice(0, 50),
    issueCount: messages.length,
  };
}
