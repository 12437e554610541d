import { implausibility, plausibleOrGap, type RideQuantity } from '../plausibleRanges';
import { parseDecimal } from './csvText';

/** Where in a file: a CSV or sheet row (1-based, as a spreadsheet shows it) or a sample, and a column. */
export interface RidePlace {
  readonly sheet?: string;
  readonly row?: number;
  readonly sample?: number;
  readonly column?: string;
}

const KEEP = 50;

/**
 * The problems met while decoding one ride file, each in the user's words with its place
 * (`"ride.csv", row 12, column InstantPower: power 99,999 W is above 3,000 W; kept as a gap`).
 * The first 50 are kept word for word; all are counted, so a file with 10,000 bad cells
 * neither floods the screen nor hides how many there were.
 */
export class RideIssues {
  readonly #fileName: string;
  readonly #messages: string[] = [];
  #count = 0;

  constructor(fileName: string) {
    this.#fileName = fileName;
  }

  get messages(): string[] {
    return this.#messages.slice();
  }

  get count(): number {
    return this.#count;
  }

  add(place: RidePlace, message: string): void {
    this.#count++;
    if (this.#messages.length < KEEP) this.#messages.push(`${this.where(place)}: ${message}`);
  }

  /** A sample value kept if plausible; else a gap (NaN) with the reason noted at its place. */
  screen(quantity: RideQuantity, value: number, place: RidePlace): number {
    const reason = implausibility(quantity, value);
    if (reason !== null) this.add(place, `${reason}; kept as a gap, not counted`);
    return plausibleOrGap(quantity, value);
  }

  /**
   * A cell of a text file as a sample value: empty is "not recorded"; text that is not a plain
   * number (`0x1F4`, `Infinity`) or is no finite number (`1e999`) is a gap with its reason;
   * a number is then screened against its plausible range (distance: finite and not negative).
   */
  cell(quantity: RideQuantity | 'distance', raw: string, place: RidePlace, options: { decimalComma?: boolean; scale?: number } = {}): number {
    if (raw.trim() === '') return NaN;
    const parsed = parseDecimal(raw, options.decimalComma);
    if (parsed === null) {
      this.add(place, `expected a number, got "${raw.trim()}"; kept as a gap`);
      return NaN;
    }
    if (!Number.isFinite(parsed)) {
      this.add(place, `"${raw.trim()}" is too large to be a measurement; kept as a gap`);
      return NaN;
    }
    const value = parsed * (options.scale ?? 1);
    if (quantity !== 'distance') return this.screen(quantity, value, place);
    if (value < 0) {
      this.add(place, `distance ${value} m is negative; kept as a gap`);
      return NaN;
    }
    return value;
  }

  where(place: RidePlace): string {
    const parts = [`"${this.#fileName}"`];
    if (place.sheet) parts.push(`sheet ${place.sheet}`);
    if (place.row !== undefined) parts.push(`row ${place.row}`);
    if (place.sample !== undefined) parts.push(`sample ${place.sample}`);
    if (place.column) parts.push(`column ${place.column}`);
    return parts.join(', ');
  }
}
