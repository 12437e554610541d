import type { RevolutionData } from './revolutionData';
import { PacketReader } from './packetReader';

/**
 * CSC Measurement (0x2A5B), Cycling Speed and Cadence Service 1.0 §3.1. Unlike the power
 * measurement, the wheel event time here is in 1/1024 s: the ticksPerSecond field carries
 * the difference so a tracker never has to know which service a packet came from.
 */
export interface CscMeasurement {
  readonly flags: number;
  /** uint32 revolutions, event time in 1/1024 s. */
  readonly wheelRevolutions?: RevolutionData;
  /** uint16 revolutions, event time in 1/1024 s. */
  readonly crankRevolutions?: RevolutionData;
}

export function decodeCscMeasurement(view: DataView): CscMeasurement {
  const reader = new PacketReader(view, 'CSC Measurement (0x2A5B)');
  const flags = reader.uint8('flags');
  let wheelRevolutions: RevolutionData | undefined;
  if ((flags & 0x01) !== 0) {
    const revolutions = reader.uint32('cumulative wheel revolutions');
    const lastEventTime = reader.uint16('last wheel event time');
    wheelRevolutions = { revolutions, lastEventTime, ticksPerSecond: 1024 };
  }
  let crankRevolutions: RevolutionData | undefined;
  if ((flags & 0x02) !== 0) {
    const revolutions = reader.uint16('cumulative crank revolutions');
    const lastEventTime = reader.uint16('last crank event time');
    crankRevolutions = { revolutions, lastEventTime, ticksPerSecond: 1024 };
  }
  return { flags, ...(wheelRevolutions && { wheelRevolutions }), ...(crankRevolutions && { crankRevolutions }) };
}
