import type { TracksideDb } from '../storage/database';

/** A rider as the session saw them: the profile at the time, so later edits do not rewrite history. */
export interface SessionRider {
  readonly riderId: string;
  readonly name: string;
  readonly ftp: number | null;
  readonly weightKg: number | null;
  /** The sensors the rider wore (live sessions), so a resume re-pairs them. */
  readonly sensorIds?: readonly string[];
  /** Sessions recorded before riders could wear several sensors. */
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

/** A sensor reading kept out of the samples because no sensor can truly give it (a 32,767 W packet). */
export interface SessionRejectedReading {
  readonly riderId: string;
  /** Session seconds. */
  readonly time: number;
  readonly quantity: 'power' | 'cadence' | 'heartRate' | 'speed';
  readonly value: number;
  /** "power 32,767 W is above 3,000 W". */
  readonly reason: string;
}

/** The `sessions` store row, with the Ride fields it carries besides the shared ones. */
export type RideSessionRecord = TracksideDb['sessions']['value'] & {
  readonly riders?: readonly SessionRider[];
  readonly course?: SessionCourse;
  readonly gaps?: readonly SessionGap[];
  readonly rejected?: readonly SessionRejectedReading[];
};

export const SAMPLE_COLUMNS = ['time', 'power', 'cadence', 'heartRate', 'speed', 'distance'] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];
