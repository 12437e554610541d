/**
 * Events: one canonical name per discipline (the World Athletics slug, `100-metres`,
 * `long-jump`, `10-kilometres-race-walk`), what kind of event it is and which direction
 * is better. Result files name events in many ways (`100m`, `LJ`, `110mH`,
 * `Marathon`, `discus-throw-1750kg`); a detector must know whether a lower number is a
 * better mark before it can call a mark suspiciously good.
 */

/** The kinds World Athletics uses in its toplists (`type` column). */
export type EventKind =
  | 'sprints' | 'hurdles' | 'middlelong' | 'road-running' | 'race-walks'
  | 'jumps' | 'throws' | 'combined-events';

/** `lower`: times, a smaller mark is better. `higher`: distances, heights, points. */
export type MarkDirection = 'lower' | 'higher';

export interface EventInfo {
  /** Canonical name, e.g. `110-metres-hurdles`. */
  name: string;
  kind: EventKind;
  direction: MarkDirection;
  /** Whether a following wind over +2.0 m/s makes a mark ineligible for records. */
  windCounts: boolean;
  /** How the mark is printed: see formatMark. */
  markStyle: 'decimal' | 'minutes' | 'hours' | 'points';
}

const fieldEvents: Record<string, EventKind> = {
  'long-jump': 'jumps', 'triple-jump': 'jumps', 'high-jump': 'jumps', 'pole-vault': 'jumps',
  'shot-put': 'throws', 'discus-throw': 'throws', 'hammer-throw': 'throws',
  'javelin-throw': 'throws', 'weight-throw': 'throws',
  decathlon: 'combined-events', heptathlon: 'combined-events', pentathlon: 'combined-events',
  marathon: 'road-running', 'half-marathon': 'road-running',
  'one-mile': 'middlelong', 'two-miles': 'middlelong', '10-miles-road': 'road-running',
};

/** Short names and spellings, compared without spaces, dashes or case. */
const aliases: Record<string, string> = {
  lj: 'long-jump', longjump: 'long-jump', tj: 'triple-jump', triplejump: 'triple-jump',
  hj: 'high-jump', highjump: 'high-jump', pv: 'pole-vault', polevault: 'pole-vault',
  sp: 'shot-put', shot: 'shot-put', shotput: 'shot-put', dt: 'discus-throw', discus: 'discus-throw',
  discusthrow: 'discus-throw', ht: 'hammer-throw', hammer: 'hammer-throw', hammerthrow: 'hammer-throw',
  jt: 'javelin-throw', jav: 'javelin-throw', javelin: 'javelin-throw', javelinthrow: 'javelin-throw',
  wt: 'weight-throw', weightthrow: 'weight-throw',
  dec: 'decathlon', decathlon: 'decathlon', hep: 'heptathlon', heptathlon: 'heptathlon',
  pen: 'pentathlon', pentathlon: 'pentathlon',
  mar: 'marathon', marathon: 'marathon', hm: 'half-marathon', halfmarathon: 'half-marathon',
  halfmar: 'half-marathon', mile: 'one-mile', onemile: 'one-mile', '1mile': 'one-mile',
  '2miles': 'two-miles', twomiles: 'two-miles', '2mile': 'two-miles',
  '10miles': '10-miles-road', '10milesroad': '10-miles-road', '10mileroad': '10-miles-road',
};

const metres = '(?:m|metres?|meters?)';
const kilometres = '(?:k|km|kilometres?|kilometers?)';
const walk = '(?:w|walk|racewalk|racewalking|rw)';
const patterns: [RegExp, (n: string) => string][] = [
  [new RegExp(`^(\\d+)${metres}(?:h|hurdles?)$`), (n) => `${n}-metres-hurdles`],
  [new RegExp(`^(\\d+)${metres}(?:sc|st|steeple|steeplechase)$`), (n) => `${n}-metres-steeplechase`],
  [new RegExp(`^(\\d+)${metres}${walk}$`), (n) => `${n}-metres-race-walk`],
  [new RegExp(`^(\\d+)${metres}$`), (n) => `${n}-metres`],
  [new RegExp(`^(\\d+)${kilometres}${walk}$`), (n) => `${n}-kilometres-race-walk`],
  [new RegExp(`^(\\d+)${kilometres}(?:road|run)?$`), (n) => `${n}-kilometres`],
];

/** Removes what varies within one event: implement weights, hurdle heights, age groups. */
const variantSuffix = /-(?:\d+(?:\.\d+)?(?:kg|g|cm)|84|u\d\d|boys|girls|youth|junior|juniors|indoor|short-track)$/;

function slug(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The canonical name of an event, or null when it is not recognised. */
export function normaliseEventName(raw: string): string | null {
  let name = slug(raw);
  while (variantSuffix.test(name)) name = name.replace(variantSuffix, '');
  if (name in fieldEvents) return name;
  const compact = name.replace(/-/g, '').replace(/^(?:womens|women|mens|men)/, '');
  if (compact in aliases) return aliases[compact];
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(compact);
    if (match) return build(String(Number(match[1])));
  }
  return null;
}

function kindOf(name: string): EventKind {
  if (name in fieldEvents) return fieldEvents[name];
  if (name.endsWith('-race-walk')) return 'race-walks';
  if (name.endsWith('-hurdles')) return 'hurdles';
  if (name.endsWith('-steeplechase')) return 'middlelong';
  if (name.endsWith('-kilometres')) return 'road-running';
  const distance = Number(name.split('-')[0]);
  return distance <= 400 ? 'sprints' : 'middlelong';
}

/** Everything known about an event from its name, or null when it is not recognised. */
export function describeEvent(raw: string): EventInfo | null {
  const name = normaliseEventName(raw);
  if (name === null) return null;
  const kind = kindOf(name);
  const direction: MarkDirection =
    kind === 'jumps' || kind === 'throws' || kind === 'combined-events' ? 'higher' : 'lower';
  const distance = Number(name.split('-')[0]);
  const windCounts =
    name === 'long-jump' || name === 'triple-jump' ||
    ((kind === 'sprints' || kind === 'hurdles') && distance <= 200);
  let markStyle: EventInfo['markStyle'] = 'decimal';
  if (kind === 'combined-events') markStyle = 'points';
  else if (kind === 'road-running' || name.endsWith('-kilometres-race-walk')) markStyle = 'hours';
  else if (kind === 'middlelong' || kind === 'race-walks') markStyle = 'minutes';
  return { name, kind, direction, windCounts, markStyle };
}

/** Which direction is better for an event; throws when the event is not recognised. */
export function eventDirection(raw: string): MarkDirection {
  const info = describeEvent(raw);
  if (info === null) throw new Error(`unknown event: ${JSON.stringify(raw)}`);
  return info.direction;
}
