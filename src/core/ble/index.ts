/** GATT decoders and per-sensor trackers for power meters, heart-rate straps and speed/cadence sensors. */
export * from './uuids';
export { MalformedPacketError } from './malformedPacketError';
export type { RevolutionData } from './revolutionData';
export { decodeCyclingPowerMeasurement, CYCLING_POWER_FLAGS, type CyclingPowerMeasurement } from './cyclingPowerMeasurement';
export { decodeCyclingPowerFeature, CYCLING_POWER_FEATURE_BITS, type CyclingPowerFeature, type CyclingPowerFeatureName } from './cyclingPowerFeature';
export { decodeHeartRateMeasurement, type HeartRateMeasurement } from './heartRateMeasurement';
export { decodeCscMeasurement, type CscMeasurement } from './cscMeasurement';
export { decodeBatteryLevel } from './batteryLevel';
export { RevolutionRateTracker, type RevolutionRateOptions } from './revolutionRateTracker';
export { CrankCadenceTracker } from './crankCadenceTracker';
export { WheelSpeedTracker, type WheelSpeedOptions } from './wheelSpeedTracker';
