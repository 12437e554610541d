/**
 * Parameter checking, once for every detector: unknown names, non-numbers, values out of
 * bounds and off-step values throw with the detector, the name and the allowed range.
 */
import type { Detector, DetectorParameters } from './types';

export function resolveParameters(detector: Pick<Detector, 'id' | 'parameters'>, given: Partial<DetectorParameters> = {}): DetectorParameters {
  const resolved: DetectorParameters = {};
  for (const name of Object.keys(given)) {
    if (!(name in detector.parameters)) {
      throw new Error(`unknown parameter "${name}" for ${detector.id} (known: ${Object.keys(detector.parameters).join(', ') || 'none'})`);
    }
  }
  for (const [name, spec] of Object.entries(detector.parameters)) {
    const value = given[name] ?? spec.default;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max) {
      throw new Error(`invalid ${name}: ${String(value)} (${detector.id} expects ${spec.min} to ${spec.max})`);
    }
    if (spec.step !== undefined) {
      const steps = (value - spec.min) / spec.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) {
        throw new Error(`invalid ${name}: ${value} (${detector.id} expects steps of ${spec.step} from ${spec.min})`);
      }
    }
    resolved[name] = value;
  }
  return resolved;
}
