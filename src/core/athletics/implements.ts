/**
 * Implements and hurdle heights, as World Athletics specifies them (Competition Rules, the
 * tables of implements and hurdles per age category). A 22 m throw with the 5 kg youth shot
 * and a 22 m throw with the 7.26 kg shot are different events: the implement belongs to the
 * event, the athlete's age category only to the performance. A file that names no implement
 * means the senior one.
 *
 * Weights are kept in grams and heights in millimetres, snapped to the specification they
 * spell (`99.0cm`, `0.991 m` and `39in` are one hurdle), so that every spelling of one
 * implement gives one event.
 */
export type Sex = 'male' | 'female';

/**
 * An age category whose implements differ from the senior ones: `u20` and `u18` (World
 * Athletics), or a national one (`u16`) whose implements this table does not know.
 */
export type AgeSet = string;

export type Implement =
  | { kind: 'weight'; grams: number }
  | { kind: 'height'; millimetres: number }
  /** A combined event with the implements of an age category (they change several at once). */
  | { kind: 'age-set'; category: AgeSet };

export type ImplementKind = Implement['kind'];

type PerSex = Partial<Record<Sex, number>>;
interface Specification { senior: PerSex; u20: PerSex; u18: PerSex }

const throwing = (senior: PerSex, u20: PerSex, u18: PerSex): Specification => ({ senior, u20, u18 });
const hurdles = throwing;

/**
 * Heights as World Athletics' lists write them: the U20 110 m hurdle is 0.991 m in the rule
 * book and "99.0cm" in the lists; 0.838 m is "84.0cm" (U18 400 m hurdles, U18 steeplechase).
 */
const steeple = hurdles({ male: 914, female: 762 }, { male: 914, female: 762 }, { male: 840, female: 762 });
const specifications: Record<string, Specification> = {
  'shot-put': throwing({ male: 7260, female: 4000 }, { male: 6000, female: 4000 }, { male: 5000, female: 3000 }),
  'discus-throw': throwing({ male: 2000, female: 1000 }, { male: 1750, female: 1000 }, { male: 1500, female: 1000 }),
  'hammer-throw': throwing({ male: 7260, female: 4000 }, { male: 6000, female: 4000 }, { male: 5000, female: 3000 }),
  'javelin-throw': throwing({ male: 800, female: 600 }, { male: 800, female: 600 }, { male: 700, female: 500 }),
  'weight-throw': throwing({ male: 15880, female: 9080 }, {}, {}),
  '110-metres-hurdles': hurdles({ male: 1067 }, { male: 990 }, { male: 914 }),
  '100-metres-hurdles': hurdles({ female: 840 }, { female: 840 }, { female: 762 }),
  '400-metres-hurdles': hurdles({ male: 914, female: 762 }, { male: 914, female: 762 }, { male: 840, female: 762 }),
  '300-metres-hurdles': hurdles({ male: 914, female: 762 }, {}, { male: 840, female: 762 }),
  '60-metres-hurdles': hurdles({ male: 1067, female: 840 }, { male: 990, female: 840 }, { male: 914, female: 762 }),
};

/** The kind of implement a discipline is defined by, or null (a 100 m has none). */
export function implementKind(discipline: string): ImplementKind | null {
  if (/^(shot-put|discus-throw|hammer-throw|javelin-throw|weight-throw)$/.test(discipline)) return 'weight';
  if (discipline.endsWith('-hurdles') || discipline.endsWith('-steeplechase')) return 'height';
  if (/^(decathlon|heptathlon|pentathlon|octathlon)$/.test(discipline)) return 'age-set';
  return null;
}

function specificationOf(discipline: string): Specification | null {
  if (discipline.endsWith('-steeplechase')) return steeple;
  if (/^(50|55)-metres-hurdles$/.test(discipline)) return specifications['60-metres-hurdles'];
  return specifications[discipline] ?? null;
}

/** The implement an age category uses in a discipline, for one sex; null when unknown. */
export function categoryImplement(discipline: string, category: AgeSet | 'senior', sex: Sex): Implement | null {
  const kind = implementKind(discipline);
  if (kind === 'age-set') return category === 'senior' ? null : { kind, category };
  if (category !== 'senior' && category !== 'u20' && category !== 'u18') return null;
  const value = specificationOf(discipline)?.[category][sex];
  if (value === undefined || kind === null) return null;
  return kind === 'weight' ? { kind, grams: value } : { kind, millimetres: value };
}

/** Women's combined events at U20 use the senior implements; men's do not. */
function sameAsSenior(discipline: string, implement: Implement, sex: Sex): boolean {
  if (implement.kind === 'age-set') return sex === 'female' && implement.category === 'u20';
  const senior = categoryImplement(discipline, 'senior', sex);
  return senior !== null && sameImplement(senior, implement);
}

export function sameImplement(a: Implement, b: Implement): boolean {
  if (a.kind === 'weight' && b.kind === 'weight') return a.grams === b.grams;
  if (a.kind === 'height' && b.kind === 'height') return a.millimetres === b.millimetres;
  return a.kind === 'age-set' && b.kind === 'age-set' && a.category === b.category;
}

/**
 * The implement a performance was made with, or null for the senior one: what the file
 * named, resolved against the sex when one is known. Without a sex an implement is kept
 * unless it is the senior one for both sexes, so a youth variant never merges.
 */
export function resolveImplement(discipline: string, named: Implement | null, sex: Sex | null): Implement | null {
  if (named === null) return null;
  if (sex !== null) return sameAsSenior(discipline, named, sex) ? null : named;
  return sameAsSenior(discipline, named, 'male') && sameAsSenior(discipline, named, 'female') ? null : named;
}

const knownHeights = [1067, 990, 914, 840, 762, 686];
const knownWeights = [15880, 11340, 9080, 7260, 6000, 5000, 4000, 3000, 2000, 1750, 1600, 1500, 1250, 1000, 800, 750, 700, 600, 500, 400];

/** A spelled height in millimetres, snapped to the specification within 6 mm. */
function snapHeight(millimetres: number): number {
  const near = knownHeights.find((h) => Math.abs(h - millimetres) <= 6);
  return near ?? Math.round(millimetres);
}

/** A spelled weight in grams, snapped to the specification within 2 % (12 lb is 5.44 kg, not 5 kg). */
function snapWeight(grams: number): number {
  const near = knownWeights.find((w) => Math.abs(w - grams) <= 0.02 * w);
  return near ?? Math.round(grams / 10) * 10;
}

/**
 * An implement as a result list spells it after the discipline: `6kg`, `1750kg` (WA's slug
 * for 1.750 kg), `700g`, `12lb`, `762cm` (WA's slug for 76.2 cm), `99.0cm`, `0.991m`, `39in`,
 * or a bare number (`84` in `2000-metres-steeplechase-84`: centimetres for a height,
 * kilograms for a weight). Null when the text is not one for this kind.
 */
export function parseImplement(text: string, kind: 'weight' | 'height'): Implement | null {
  const match = /^(\d+(?:\.\d+)?)(kg|k|g|lbs?|cm|mm|m|in)?$/.exec(text);
  if (!match) return null;
  const digits = match[1];
  let value = Number(digits);
  // A bare number: a hurdle under 50 is in inches (US 30–42 in), else centimetres; a weight over 20 is in grams.
  const unit = match[2] ?? (kind === 'height' ? (value < 50 ? 'in' : 'cm') : value > 20 ? 'g' : 'kg');
  // WA's slugs drop the decimal point: 1750kg is 1.750 kg, 762cm is 76.2 cm.
  const dropped = !digits.includes('.');
  if (kind === 'weight') {
    if (unit === 'kg' || unit === 'k') {
      if (dropped && value >= 100) value = Number(`${digits[0]}.${digits.slice(1)}`);
      return { kind, grams: snapWeight(value * 1000) };
    }
    if (unit === 'g') return { kind, grams: snapWeight(value) };
    if (unit.startsWith('lb')) return { kind, grams: snapWeight(value * 453.59237) };
    return null;
  }
  if (unit === 'cm') {
    if (dropped && value >= 200) value /= 10;
    return { kind, millimetres: snapHeight(value * 10) };
  }
  if (unit === 'mm') return { kind, millimetres: snapHeight(value) };
  if (unit === 'm') return { kind, millimetres: snapHeight(value * 1000) };
  if (unit === 'in') return { kind, millimetres: snapHeight(value * 25.4) };
  return null;
}

/** The part of an event's name for its implement: `6kg`, `1.75kg`, `700g`, `99.0cm`, `u20`. */
export function implementSlug(implement: Implement): string {
  if (implement.kind === 'age-set') return implement.category;
  if (implement.kind === 'height') return `${(implement.millimetres / 10).toFixed(1)}cm`;
  return implement.grams >= 1000 ? `${Number((implement.grams / 1000).toFixed(3))}kg` : `${implement.grams}g`;
}

/** The implement as people write it: `6 kg`, `700 g`, `99.0 cm`, `U20 implements`. */
export function implementLabel(implement: Implement): string {
  if (implement.kind === 'age-set') return `${implement.category.toUpperCase()} implements`;
  return implementSlug(implement).replace(/(kg|g|cm)$/, ' $1');
}
