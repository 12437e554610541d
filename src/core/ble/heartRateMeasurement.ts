import { PacketReader } from './packetReader';

/**
 * Heart Rate Measurement (0x2A37), Heart Rate Service 1.0 §3.1. RR intervals arrive in
 * 1/1024 s and fill the rest of the packet; they are returned in milliseconds because that
 * is the unit HRV tools and coaches read.
 */
export interface HeartRateMeasurement {
  readonly flags: number;
  /** Beats per minute. */
  readonly heartRate: number;
  /** undefined when the strap does not report contact at all. */
  readonly sensorContact?: boolean;
  /** Kilojoules since the last reset, uint16. */
  readonly energyExpended?: number;
  /** Milliseconds, oldest first. Empty when the flag is off. */
  readonly rrIntervalsMs: readonly number[];
}

const NAME = 'Heart Rate Measurement (0x2A37)';

export function decodeHeartRateMeasurement(view: DataView): HeartRateMeasurement {
  const reader = new PacketReader(view, NAME);
  const flags = reader.uint8('flags');
  const heartRate = (flags & 0x01) !== 0 ? reader.uint16('heart rate (uint16)') : reader.uint8('heart rate (uint8)');
  const contactSupported = (flags & 0x04) !== 0;
  const sensorContact = contactSupported ? (flags & 0x02) !== 0 : undefined;
  const energyExpended = (flags & 0x08) !== 0 ? reader.uint16('energy expended') : undefined;
  const rrIntervalsMs: number[] = [];
  if ((flags & 0x10) !== 0) {
    if (reader.remaining === 0) reader.fail('RR interval', 'flag set but no RR interval follows');
    if (reader.remaining % 2 !== 0) reader.fail('RR interval', `odd number of bytes left (${reader.remaining})`);
    while (reader.remaining > 0) rrIntervalsMs.push((reader.uint16('RR interval') * 1000) / 1024);
  }
  return {
    flags,
    heartRate,
    ...(sensorContact !== undefined && { sensorContact }),
    ...(energyExpended !== undefined && { energyExpended }),
    rrIntervalsMs,
  };
}
