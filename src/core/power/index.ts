/** Cycling power metrics, segments, normalisation and the live session model. */
export { createRideStream, inferSampleInterval, lowerBound, sampleRange, type RideStream, type RideStreamColumns } from './rideStream';
export { RollingMeanRing, rollingMeanPower, windowSamples } from './rollingMeanPower';
export { normalizedPower, normalizedPowerFromMoments, intensityFactor, trainingStressScore, recordedPowerSeconds } from './normalizedPower';
export { averagePower, averageCadence, averageHeartRate, averageSpeed, wattsPerKg, variabilityIndex, rideDuration, type TimeRange } from './averages';
export { parseSegmentNumber, formatSegmentNumber, segmentNumberAt, type SegmentNumber } from './segmentNumber';
export { RideAccumulator, type RangeSums } from './rideAccumulator';
export { segmentMetrics, metricsFromSums, type RiderProfile, type SegmentMetrics, type SegmentMetricName, type SegmentMetricsOptions } from './segmentMetrics';
export { normalise, zScores, modifiedZScores, median, NORMALISATIONS, type Normalisation } from './normalisation';
export { quadrantOf, QUADRANT_LABELS, type Quadrant } from './quadrants';
export { SessionModel, type GateEvent, type RiderSegment, type MatrixView, type MatrixPoint, type SessionModelOptions } from './sessionModel';
export { FIELD_EXPORT_SHEETS, type FieldExportRide, type FieldExportRider, type FieldExportSegment, type FieldExportRead, type SheetRows } from './fieldExport';
export { fieldExportFromSheets } from './fieldExportFromSheets';
export { fieldExportToSheets, type SheetCell } from './fieldExportToSheets';
export { FieldExportError, type SheetIssue, type CellPlace } from './sheetCells';
export { parseRideCsv, type RideCsv } from './rideCsv';
export { parseTimingSplitsCsv, type TimingGate } from './timingSplitsCsv';
export { parseClockTime } from './csvText';
export { gatesFromLaps, type RideLap } from './lapGates';
