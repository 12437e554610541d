import { PacketReader } from './packetReader';

/**
 * Cycling Power Feature (0x2A65), Cycling Power Service 1.1 §3.3: a uint32 bit field of what
 * the power meter supports. The UI shows it per sensor (e.g. "no pedal balance") and the
 * decoder of 0x2A63 does not depend on it: the measurement's own flags are the truth.
 */
export const CYCLING_POWER_FEATURE_BITS = [
  'pedalPowerBalance',
  'accumulatedTorque',
  'wheelRevolutionData',
  'crankRevolutionData',
  'extremeMagnitudes',
  'extremeAngles',
  'topAndBottomDeadSpotAngles',
  'accumulatedEnergy',
  'offsetCompensationIndicator',
  'offsetCompensation',
  'measurementContentMasking',
  'multipleSensorLocations',
  'crankLengthAdjustment',
  'chainLengthAdjustment',
  'chainWeightAdjustment',
  'spanLengthAdjustment',
  // bit 16 is the sensor measurement context, reported separately
  null,
  'instantaneousMeasurementDirection',
  'factoryCalibrationDate',
  'enhancedOffsetCompensation',
] as const;

export type CyclingPowerFeatureName = Exclude<(typeof CYCLING_POWER_FEATURE_BITS)[number], null>;

export interface CyclingPowerFeature {
  readonly bits: number;
  /** Supported features in bit order. */
  readonly features: readonly CyclingPowerFeatureName[];
  /** Bit 16: whether force or torque is what the sensor measures. */
  readonly sensorMeasurementContext: 'force' | 'torque';
  /** Bits 20–21. */
  readonly distributedSystem: 'unspecified' | 'notForDistributedSystem' | 'forDistributedSystem' | 'reserved';
}

const DISTRIBUTED = ['unspecified', 'notForDistributedSystem', 'forDistributedSystem', 'reserved'] as const;

export function decodeCyclingPowerFeature(view: DataView): CyclingPowerFeature {
  const bits = new PacketReader(view, 'Cycling Power Feature (0x2A65)').uint32('feature bits');
  const features: CyclingPowerFeatureName[] = [];
  CYCLING_POWER_FEATURE_BITS.forEach((name, bit) => {
    if (name !== null && (bits & (1 << bit)) !== 0) features.push(name);
  });
  return {
    bits,
    features,
    sensorMeasurementContext: (bits & (1 << 16)) !== 0 ? 'torque' : 'force',
    distributedSystem: DISTRIBUTED[(bits >>> 20) & 0b11],
  };
}
