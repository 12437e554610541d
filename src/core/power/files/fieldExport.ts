import type { RideStream } from '../rideStream';
import type { SheetIssue } from './sheetCells';

/**
 * The field platform's replay export (one xlsx per rider): sheet PowerData (frame, WallTime
 * in Unix seconds, InstantPower, Cadence, Speed, HeartRate, Distance), sheet Segments
 * (Number `lap.segment`, StartTime s from the start, Duration s, Distance m) and sheet Rider
 * (Name, WeightKg, FTP — often left empty).
 */
export interface FieldExportRider {
  readonly name: string;
  readonly weightKg: number | null;
  readonly ftp: number | null;
}

export interface FieldExportSegment {
  /** `lap.segment`, e.g. `1.3`. */
  readonly segmentNumber: string;
  /** Seconds from the ride's first sample. */
  readonly startTime: number;
  readonly durationS: number;
  /** Metres; NaN when the cell is empty. */
  readonly distanceM: number;
}

export interface FieldExportRide {
  readonly rider: FieldExportRider;
  /** Unix seconds of the first sample: stream time 0. */
  readonly startWallTime: number;
  readonly stream: RideStream;
  readonly segments: readonly FieldExportSegment[];
}

/** A workbook read: the ride and every cell that had to be skipped, by place. */
export interface FieldExportRead {
  readonly ride: FieldExportRide;
  readonly issues: readonly SheetIssue[];
}

/** Rows per sheet name, as SheetJS `sheet_to_json(ws, { header: 1 })` returns them. */
export type SheetRows = Record<string, unknown[][]>;

export const FIELD_EXPORT_SHEETS = { powerData: 'PowerData', segments: 'Segments', rider: 'Rider' } as const;
