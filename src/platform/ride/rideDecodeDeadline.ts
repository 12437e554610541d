import { DataError } from '../dataError';
import { decodeDeadlineMs } from '../intake/intakeLimits';
import type { RunOptions } from '../pool/computePool';
import type { RideDecodeInput } from './rideFileDecoder';

/**
 * The bound on decoding one ride file in the compute pool: a damaged field export can send
 * SheetJS into an endless loop (4 KB of zeros did), which would hold a worker for good and
 * leave the import waiting. Past the bound set by the file's size the worker is replaced and
 * the file refused by name; the riders already loaded stay.
 */
export function rideDecodeDeadline({ fileName, bytes }: RideDecodeInput): RunOptions['deadline'] {
  const ms = decodeDeadlineMs(bytes.byteLength);
  return {
    ms,
    error: () => new DataError(`"${fileName}" took longer than ${Math.round(ms / 1000)} s to decode and was stopped`, {
      file: fileName, advice: 'The file may be damaged: export or copy it from the head unit again; the riders already loaded stay',
    }),
  };
}
