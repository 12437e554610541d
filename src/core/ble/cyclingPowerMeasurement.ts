import type { RevolutionData } from './revolutionData';
import { PacketReader } from './packetReader';

/**
 * Cycling Power Measurement (0x2A63), Bluetooth SIG Cycling Power Service 1.1 §3.2.
 * Field order after the 16-bit flags and the sint16 instantaneous power is fixed by the
 * spec; each optional field is present when its flag bit is set. Units are converted where
 * the conversion is exact (1/2 %, 1/32 N·m are binary fractions), so encode(decode(x)) holds.
 */
export const CYCLING_POWER_FLAGS = {
  pedalPowerBalance: 1 << 0,
  pedalPowerBalanceReferenceLeft: 1 << 1,
  accumulatedTorque: 1 << 2,
  accumulatedTorqueSourceCrank: 1 << 3,
  wheelRevolutionData: 1 << 4,
  crankRevolutionData: 1 << 5,
  extremeForceMagnitudes: 1 << 6,
  extremeTorqueMagnitudes: 1 << 7,
  extremeAngles: 1 << 8,
  topDeadSpotAngle: 1 << 9,
  bottomDeadSpotAngle: 1 << 10,
  accumulatedEnergy: 1 << 11,
  offsetCompensationIndicator: 1 << 12,
} as const;

export interface CyclingPowerMeasurement {
  readonly flags: number;
  /** Watts, signed (a trainer braking can report negative power). */
  readonly instantaneousPower: number;
  /** Percent of total power on the reference pedal, resolution 0.5 %. */
  readonly pedalPowerBalance?: number;
  /** True when the balance refers to the left pedal; false when the reference is unknown. */
  readonly pedalPowerBalanceReferenceLeft: boolean;
  /** Newton-metres, resolution 1/32, uint16 rolling over. */
  readonly accumulatedTorque?: number;
  readonly accumulatedTorqueSource: 'wheel' | 'crank';
  /** Wheel: uint32 revolutions, event time in 1/2048 s. */
  readonly wheelRevolutions?: RevolutionData;
  /** Crank: uint16 revolutions, event time in 1/1024 s. */
  readonly crankRevolutions?: RevolutionData;
  /** Newtons. */
  readonly extremeForce?: { readonly maximum: number; readonly minimum: number };
  /** Newton-metres, resolution 1/32. */
  readonly extremeTorque?: { readonly maximum: number; readonly minimum: number };
  /** Degrees, 12 bits each: crank angle where the maximum and minimum force or torque occur. */
  readonly extremeAngles?: { readonly maximum: number; readonly minimum: number };
  /** Degrees. */
  readonly topDeadSpotAngle?: number;
  readonly bottomDeadSpotAngle?: number;
  /** Kilojoules since the sensor was reset, uint16. */
  readonly accumulatedEnergy?: number;
  /** The sensor is asking for (or applying) an offset compensation: power may be off. */
  readonly offsetCompensationIndicator: boolean;
}

const NAME = 'Cycling Power Measurement (0x2A63)';

export function decodeCyclingPowerMeasurement(view: DataView): CyclingPowerMeasurement {
  const reader = new PacketReader(view, NAME);
  const flags = reader.uint16('flags');
  const has = (bit: number): boolean => (flags & bit) !== 0;
  const f = CYCLING_POWER_FLAGS;
  const instantaneousPower = reader.sint16('instantaneous power');
  const pedalPowerBalance = has(f.pedalPowerBalance) ? reader.uint8('pedal power balance') / 2 : undefined;
  const accumulatedTorque = has(f.accumulatedTorque) ? reader.uint16('accumulated torque') / 32 : undefined;
  let wheelRevolutions: RevolutionData | undefined;
  if (has(f.wheelRevolutionData)) {
    const revolutions = reader.uint32('cumulative wheel revolutions');
    const lastEventTime = reader.uint16('last wheel event time');
    wheelRevolutions = { revolutions, lastEventTime, ticksPerSecond: 2048 };
  }
  let crankRevolutions: RevolutionData | undefined;
  if (has(f.crankRevolutionData)) {
    const revolutions = reader.uint16('cumulative crank revolutions');
    const lastEventTime = reader.uint16('last crank event time');
    crankRevolutions = { revolutions, lastEventTime, ticksPerSecond: 1024 };
  }
  let extremeForce: CyclingPowerMeasurement['extremeForce'];
  if (has(f.extremeForceMagnitudes)) {
    const maximum = reader.sint16('maximum force magnitude');
    extremeForce = { maximum, minimum: reader.sint16('minimum force magnitude') };
  }
  let extremeTorque: CyclingPowerMeasurement['extremeTorque'];
  if (has(f.extremeTorqueMagnitudes)) {
    const maximum = reader.sint16('maximum torque magnitude') / 32;
    extremeTorque = { maximum, minimum: reader.sint16('minimum torque magnitude') / 32 };
  }
  let extremeAngles: CyclingPowerMeasurement['extremeAngles'];
  if (has(f.extremeAngles)) {
    const [maximum, minimum] = reader.uint12Pair('extreme angles');
    extremeAngles = { maximum, minimum };
  }
  const topDeadSpotAngle = has(f.topDeadSpotAngle) ? reader.uint16('top dead spot angle') : undefined;
  const bottomDeadSpotAngle = has(f.bottomDeadSpotAngle) ? reader.uint16('bottom dead spot angle') : undefined;
  const accumulatedEnergy = has(f.accumulatedEnergy) ? reader.uint16('accumulated energy') : undefined;
  // Trailing bytes are tolerated: later spec revisions may append fields.
  return {
    flags,
    instantaneousPower,
    ...(pedalPowerBalance !== undefined && { pedalPowerBalance }),
    pedalPowerBalanceReferenceLeft: has(f.pedalPowerBalanceReferenceLeft),
    ...(accumulatedTorque !== undefined && { accumulatedTorque }),
    accumulatedTorqueSource: has(f.accumulatedTorqueSourceCrank) ? 'crank' : 'wheel',
    ...(wheelRevolutions && { wheelRevolutions }),
    ...(crankRevolutions && { crankRevolutions }),
    ...(extremeForce && { extremeForce }),
    ...(extremeTorque && { extremeTorque }),
    ...(extremeAngles && { extremeAngles }),
    ...(topDeadSpotAngle !== undefined && { topDeadSpotAngle }),
    ...(bottomDeadSpotAngle !== undefined && { bottomDeadSpotAngle }),
    ...(accumulatedEnergy !== undefined && { accumulatedEnergy }),
    offsetCompensationIndicator: has(f.offsetCompensationIndicator),
  };
}
