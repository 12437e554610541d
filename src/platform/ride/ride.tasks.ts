import type { TaskTable } from '../pool/compute.api';
import type { DecodedRideFile, RideDecodeInput } from './rideFileDecoder';

/**
 * The Ride's compute task: a dropped ride file decoded off the main thread, once. The decoders
 * (SheetJS, Garmin's FIT SDK, the CSV and XML readers) load on the first ride file, not with
 * every worker; the ride's columns come back as transferred Float64Arrays.
 */
export const tasks = {
  async rideDecode(input: RideDecodeInput): Promise<DecodedRideFile> {
    const { decodeRideFile } = await import('./rideFileDecoder');
    return decodeRideFile(input);
  },
} satisfies TaskTable;
