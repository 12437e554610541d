import { Decoder, Stream } from '@garmin/fitsdk';
import { DataError } from '../dataError';

/** Decoded FIT messages by kind (`recordMesgs`, `lapMesgs`, …), as Garmin's SDK returns them. */
export type FitMessages = Record<string, Record<string, unknown>[] | undefined>;

export interface FitFile {
  readonly messages: FitMessages;
  /** When the file ends before the length its header announces: bytes present and announced. */
  readonly truncated: { readonly bytes: number; readonly announced: number } | null;
}

/**
 * The one FIT decoder of the app (Garmin's FIT SDK), for the file inspector and the Ride
 * replay alike. A file that is not FIT, or whose checksum does not match its content (a
 * changed or damaged file: its values cannot be trusted), is refused naming the file. A file
 * that ends early (a head unit that lost power) is decoded as far as it goes and says so.
 */
export function decodeFitFile(bytes: ArrayBuffer, fileName: string): FitFile {
  const expected = 'a .fit activity as the head unit wrote it';
  if (!Decoder.isFIT(Stream.fromArrayBuffer(bytes))) {
    throw new DataError(`"${fileName}" is not a FIT file: it does not start with a FIT header`, { file: fileName, expected });
  }
  const header = new DataView(bytes, 0, 12);
  const announced = header.getUint8(0) + header.getUint32(4, true) + 2;
  const truncated = bytes.byteLength < announced ? { bytes: bytes.byteLength, announced } : null;
  if (!truncated && !new Decoder(Stream.fromArrayBuffer(bytes)).checkIntegrity()) {
    throw new DataError(`"${fileName}" is damaged: its checksum does not match its content, so its values cannot be trusted. Copy it from the head unit again.`, { file: fileName, expected });
  }
  const { messages, errors } = new Decoder(Stream.fromArrayBuffer(bytes)).read({ convertDateTimesToDates: true, includeUnknownData: false });
  const decoded = messages as FitMessages;
  if (errors.length > 0 && !truncated && (decoded.recordMesgs?.length ?? 0) === 0) {
    throw new DataError(`"${fileName}" could not be decoded: ${String(errors[0])}`, { file: fileName, expected });
  }
  return { messages: decoded, truncated };
}
