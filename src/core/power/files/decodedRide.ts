import type { RideGate } from '../lapGates';
import type { RideStream } from '../rideStream';

/** What a file says about its rider; null when it does not say. */
export interface FileProfile {
  readonly ftp: number | null;
  readonly weightKg: number | null;
}

/**
 * One rider's ride as any ride file decodes to it (head-unit CSV, GoldenCheetah CSV, ergomo,
 * PWX, TCX, FIT, field-export xlsx): the samples, the gates its laps or intervals give, and
 * what it says of the rider. Everything the replay, the checks and the bench need.
 */
export interface DecodedRide {
  readonly fileName: string;
  /** In the user's words: "FIT activity", "ergomo CSV". */
  readonly format: string;
  readonly riderName: string;
  readonly profile: FileProfile;
  /** Unix seconds of stream time 0; NaN when the file has no clock time. */
  readonly startWallTime: number;
  readonly stream: RideStream;
  /** Gates from the file's laps, intervals or segments; empty when it has none. */
  readonly gates: readonly RideGate[];
  /** From a Segments sheet (`1.5` → 5); null when the gates are laps (one segment a lap). */
  readonly segmentsPerLap: number | null;
  /** Where the gates came from ("5 lap messages", "INTERVAL column"), or null. */
  readonly lapSource: string | null;
  /** Cells and samples that were skipped or kept as gaps, each with its place (the first 50). */
  readonly issues: readonly string[];
  /** How many there were in all. */
  readonly issueCount: number;
}

/** A file of laps or timing splits to put beside a ride (or several riders' rides). */
export interface DecodedLaps {
  readonly fileName: string;
  /** The ride file this belongs to, from its name (`x.laps.json` → `x`); null when it does not say. */
  readonly rideName: string | null;
  /** Lap boundaries; `wallClock` when the times are Unix seconds, else seconds from the ride's start. */
  readonly laps: readonly { readonly startTime: number; readonly endTime: number }[];
  readonly wallClock: boolean;
  readonly profile: FileProfile;
}
