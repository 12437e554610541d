import type { TracksideDb } from '../storage/database';

/** A rider as the session saw them: the profile at the time, so later edits do not rewrite history. */
export interface SessionRider {
  readonly riderId: string;
  readonly name: string;
  readonly ftp: number | null;
  readonly weightKg: number | null;
  /** The sensor the rider wore (live sessions), so a resume re-pairs it. */
  readonly sensorId?: string | null;
}

/** A stretch with no samples because a sensor's link was lost: shown, never filled. */
export interface SessionGap {
  readonly riderId: string;
  /** Session seconds. */
  readonly from: number;
  /** null while the link is still down. */
  readonly to: number | null;
}

export interface SessionCourse {
  readonly segmentsPerLap: number;
  /** Coach's names for segments 1…n of a lap ("Rock garden"). */
  readonly segmentNames: readonly string[];
}

/** The `sessions` store row, with the Ride fields it carries besides the shared ones. */
export type RideSessionRecord = TracksideDb['sessions']['value'] & {
  readonly riders?: readonly SessionRider[];
  readonly course?: SessionCourse;
  readonly gaps?: readonly SessionGap[];
};

export const SAMPLE_COLUMNS = ['time', 'power', 'cadence', 'heartRate', 'speed', 'distance'] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];
