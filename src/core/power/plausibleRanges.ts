/**
 * What a ride sample can physically be. A value outside its range is a sensor or file fault
 * (a BLE packet of 32,767 W, a CSV cell of 1e999), never a measurement: it becomes a gap
 * (NaN, "not recorded") with its reason, so it is never averaged into a segment.
 * - power 0–3,000 W: track sprinters peak near 2,600 W; a braking trainer's negative watts
 *   are not pedalling power either;
 * - cadence 0–250 rpm: beyond any human spin (the crank tracker uses the same ceiling);
 * - heart rate 25–250 bpm: below the slowest resting heart of a trained endurance athlete,
 *   above any recorded maximum; 0 bpm is how straps and exports write "no contact", so it is
 *   "not recorded", not a fault;
 * - speed 0–40 m/s (144 km/h): above any descent on a bike a coach would time.
 */
export const RIDE_QUANTITIES = ['power', 'cadence', 'heartRate', 'speed'] as const;
export type RideQuantity = (typeof RIDE_QUANTITIES)[number];

export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /** The words a coach reads: "power", "heart rate". */
  readonly label: string;
}

export const PLAUSIBLE_RANGES: Readonly<Record<RideQuantity, PlausibleRange>> = {
  power: { min: 0, max: 3000, unit: 'W', label: 'power' },
  cadence: { min: 0, max: 250, unit: 'rpm', label: 'cadence' },
  heartRate: { min: 25, max: 250, unit: 'bpm', label: 'heart rate' },
  speed: { min: 0, max: 40, unit: 'm/s', label: 'speed' },
};

/** Why a value is not a measurement; null when it is plausible (NaN, "not recorded", is plausible). */
export function implausibility(quantity: RideQuantity, value: number): string | null {
  if (Number.isNaN(value)) return null;
  const range = PLAUSIBLE_RANGES[quantity];
  if (!Number.isFinite(value)) return `${range.label} ${value} is not a number of ${range.unit}`;
  if (quantity === 'heartRate' && value === 0) return null;
  if (value < range.min) return `${range.label} ${formatValue(value)} ${range.unit} is below ${range.min} ${range.unit}`;
  if (value > range.max) return `${range.label} ${formatValue(value)} ${range.unit} is above ${range.max.toLocaleString('en')} ${range.unit}`;
  return null;
}

/** The value to keep: NaN for "not recorded" (0 bpm included) and for anything implausible. */
export function plausibleOrGap(quantity: RideQuantity, value: number): number {
  if (quantity === 'heartRate' && value === 0) return NaN;
  return implausibility(quantity, value) === null ? value : NaN;
}

function formatValue(value: number): string {
  return Math.abs(value) >= 10_000 ? value.toLocaleString('en') : String(value);
}

/** A rider's profile values: FTP 30–700 W (a child to a world-hour rider), weight 20–250 kg. */
export const PROFILE_RANGES = {
  ftp: { min: 30, max: 700, unit: 'W', label: 'FTP' },
  weightKg: { min: 20, max: 250, unit: 'kg', label: 'weight' },
} as const;

/** Why a profile value cannot be used, or null when it can (null itself means "not entered"). */
export function profileProblem(field: keyof typeof PROFILE_RANGES, value: number | null): string | null {
  if (value === null) return null;
  const range = PROFILE_RANGES[field];
  if (!Number.isFinite(value) || value < range.min || value > range.max) return `${range.label} ${value} ${range.unit} is outside ${range.min}–${range.max} ${range.unit}`;
  return null;
}

/** The value when usable, else null (a file's FTP of 0 or 9,999 W is as good as none). */
export function usableProfileValue(field: keyof typeof PROFILE_RANGES, value: number | null | undefined): number | null {
  return value !== null && value !== undefined && profileProblem(field, value) === null ? value : null;
}
