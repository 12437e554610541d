import type { RideStream } from '../../core/power/index';

/** One rider's ride from a file, ready for the replay clock: samples, gate times, profile. */
export interface ReplayRide {
  readonly fileName: string;
  readonly riderName: string;
  readonly weightKg: number | null;
  readonly ftp: number | null;
  readonly stream: RideStream;
  /** Gate times (s from the ride's start): each segment's start, then the last segment's end. */
  readonly gates: readonly number[];
  /** From the Segments sheet's numbers (`1.5` → 5); null when the file has no segments. */
  readonly segmentsPerLap: number | null;
  /** Cells that were skipped, each with its place: the rest of the file was kept. */
  readonly issues: readonly string[];
}
