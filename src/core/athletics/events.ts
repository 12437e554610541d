/**
 * Events as the sport defines them: a discipline (the World Athletics slug, `100-metres`,
 * `long-jump`, `10-kilometres-race-walk`) with its implement weight or hurdle height, for one
 * sex. Result files name events in many ways (`100m`, `LJ`, `110mH (99.0cm)`, `Marathon`,
 * `discus-throw-1750kg`, `Shot Put U18`); each spelling of one event gives one name, the
 * senior implement's event keeps the bare discipline (`shot-put`), any other implement is
 * part of the name (`shot-put-6kg`), and a detector knows which direction is better.
 */
import {
  categoryImplement, implementKind, implementLabel, implementSlug, parseImplement, resolveImplement,
  type AgeSet, type Implement, type Sex,
} from './implements';

/** The kinds World Athletics uses in its toplists (`type` column). */
export type EventKind =
  | 'sprints' | 'hurdles' | 'middlelong' | 'road-running' | 'race-walks'
  | 'jumps' | 'throws' | 'combined-events';

/** `lower`: times, a smaller mark is better. `higher`: distances, heights, points. */
export type MarkDirection = 'lower' | 'higher';

export interface EventInfo {
  /** The event: the discipline, plus the implement when it is not the senior one (`shot-put-6kg`). */
  name: string;
  /** The discipline alone (`shot-put`, `110-metres-hurdles`). */
  discipline: string;
  /** The implement when it is not the senior one for the sex (null: senior, or none in this discipline). */
  implement: Implement | null;
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
  decathlon: 'combined-events', heptathlon: 'combined-events', pentathlon: 'combined-events', octathlon: 'combined-events',
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
  pen: 'pentathlon', pentathlon: 'pentathlon', octathlon: 'octathlon',
  mar: 'marathon', marathon: 'marathon', hm: 'half-marathon', halfmarathon: 'half-marathon',
  halfmar: 'half-marathon', mile: 'one-mile', onemile: 'one-mile', '1mile': 'one-mile',
  '2miles': 'two-miles', twomiles: 'two-miles', '2mile': 'two-miles',
  '10miles': '10-miles-road', '10milesroad': '10-miles-road', '10mileroad': '10-miles-road',
};

const metres = '(?:m|metres?|meters?)';
const kilometres = '(?:k|km|kilometres?|kilometers?)';
const walk = '(?:w|walk|racewalk|racewalking|rw)';
const patterns: [RegExp, (n: string) => string][] = [
  [new RegExp(`^(\\d+)(?:${metres})?(?:h|hurdles?)$`), (n) => `${n}-metres-hurdles`],
  [new RegExp(`^(\\d+)${metres}(?:sc|st|steeple|steeplechase)$`), (n) => `${n}-metres-steeplechase`],
  [new RegExp(`^(\\d+)${metres}${walk}$`), (n) => `${n}-metres-race-walk`],
  [new RegExp(`^(\\d+)${metres}$`), (n) => `${n}-metres`],
  [new RegExp(`^(\\d+)${kilometres}${walk}$`), (n) => `${n}-kilometres-race-walk`],
  [new RegExp(`^(\\d+)${kilometres}(?:road|run)?$`), (n) => `${n}-kilometres`],
];

/** Age categories as files write them; U23 and senior use the senior implements. */
const ageWords: Record<string, AgeSet | 'senior'> = {
  junior: 'u20', juniors: 'u20', youth: 'u18', boys: 'u18', girls: 'u18', u23: 'senior', senior: 'senior', seniors: 'senior',
};
const ageOf = (word: string): AgeSet | 'senior' | null => (Object.hasOwn(ageWords, word) ? ageWords[word] : /^u\d\d$/.test(word) ? word : null);
/** What the name of an event can end with besides its implement: the venue (indoor, short track), the sex. */
const ignoredWords = /^(?:indoor|outdoor|short|track|men|women|mens|womens|male|female)$/;

function slug(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/(\d)\s*(?:"|''|″)/g, '$1in')
    .replace(/(\d)\s+(kg|g|lbs?|cm|mm|m|in)\b/g, '$1$2')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The discipline a whole slug names, or null. */
function disciplineOf(name: string): string | null {
  if (Object.hasOwn(fieldEvents, name)) return name;
  const compact = name.replace(/-/g, '').replace(/^(?:womens|women|mens|men)/, '');
  if (Object.hasOwn(aliases, compact)) return aliases[compact];
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(compact);
    if (match) return build(String(Number(match[1])));
  }
  return null;
}

interface Parsed { discipline: string; implement: Implement | null; category: AgeSet | 'senior' | null }

/** The discipline and what follows it: an implement (`6kg`, `99.0cm`, `84`), an age category, the venue or sex. */
function parse(raw: string): Parsed | null {
  const words = slug(raw).split('-');
  let implementText: string | null = null;
  let category: AgeSet | 'senior' | null = null;
  for (let end = words.length; end > 0; end--) {
    const discipline = disciplineOf(words.slice(0, end).join('-'));
    if (discipline !== null) {
      const kind = implementKind(discipline);
      let implement: Implement | null = null;
      if (implementText !== null) {
        if (kind !== 'weight' && kind !== 'height') return null;
        implement = parseImplement(implementText, kind);
        if (implement === null) return null;
      }
      return { discipline, implement, category: kind === null ? null : category };
    }
    const word = words[end - 1];
    const age = ageOf(word);
    if (age !== null && category === null) category = age;
    else if (/^\d+(?:\.\d+)?(?:kg|k|g|lbs?|cm|mm|m|in)?$/.test(word) && implementText === null) implementText = word;
    else if (!ignoredWords.test(word)) return null;
  }
  return null;
}

function kindOf(discipline: string): EventKind {
  if (Object.hasOwn(fieldEvents, discipline)) return fieldEvents[discipline];
  if (discipline.endsWith('-race-walk')) return 'race-walks';
  if (discipline.endsWith('-hurdles')) return 'hurdles';
  if (discipline.endsWith('-steeplechase')) return 'middlelong';
  if (discipline.endsWith('-kilometres')) return 'road-running';
  const distance = Number(discipline.split('-')[0]);
  return distance <= 400 ? 'sprints' : 'middlelong';
}

/** `male`, `female` or null for whatever else a sex column holds. */
const sexOf = (sex: string | null | undefined): Sex | null => (sex === 'male' || sex === 'female' ? sex : null);

/**
 * Everything known about an event from its name and the athletes' sex (`male`, `female`,
 * anything else for unknown), or null when it is not recognised. The sex decides whether a
 * named implement is the senior one (a 4 kg shot is senior for women, not for men) and which
 * implement an age category (`Shot Put U18`) stands for.
 */
export function describeEvent(raw: string, sex?: string | null): EventInfo | null {
  const parsed = parse(raw);
  if (parsed === null) return null;
  const { discipline, category } = parsed;
  const knownSex = sexOf(sex);
  let named = parsed.implement;
  if (named === null && category !== null && category !== 'senior') {
    named = implementKind(discipline) === 'age-set' || knownSex === null
      ? { kind: 'age-set', category }
      : categoryImplement(discipline, category, knownSex) ?? { kind: 'age-set', category };
  }
  const implement = resolveImplement(discipline, named, knownSex);
  const name = implement === null ? discipline : `${discipline}-${implementSlug(implement)}`;
  const kind = kindOf(discipline);
  const direction: MarkDirection =
    kind === 'jumps' || kind === 'throws' || kind === 'combined-events' ? 'higher' : 'lower';
  const distance = Number(discipline.split('-')[0]);
  const windCounts =
    discipline === 'long-jump' || discipline === 'triple-jump' ||
    ((kind === 'sprints' || kind === 'hurdles') && distance <= 200);
  let markStyle: EventInfo['markStyle'] = 'decimal';
  if (kind === 'combined-events') markStyle = 'points';
  else if (kind === 'road-running' || discipline.endsWith('-kilometres-race-walk')) markStyle = 'hours';
  else if (kind === 'middlelong' || kind === 'race-walks') markStyle = 'minutes';
  return { name, discipline, implement, kind, direction, windCounts, markStyle };
}

/** The canonical name of an event (with its implement when not the senior one), or null. */
export function normaliseEventName(raw: string, sex?: string | null): string | null {
  return describeEvent(raw, sex)?.name ?? null;
}

/** Which direction is better for an event; throws when the event is not recognised. */
export function eventDirection(raw: string): MarkDirection {
  const info = describeEvent(raw);
  if (info === null) throw new Error(`unknown event: ${JSON.stringify(raw)}`);
  return info.direction;
}

/** `100 m`, `110 m hurdles`, `20 km race walk`, `Shot put`. */
export function disciplineLabel(discipline: string): string {
  const words = discipline.replace(/^(\d+)-metres/, '$1 m').replace(/^(\d+)-kilometres/, '$1 km').replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

const sexWords: Record<string, string> = { male: 'men', female: 'women' };

/**
 * An event and sex as a group's heading: "Shot put 6 kg, men", "110 m hurdles 99.0 cm, men",
 * "Shot put 7.26 kg, men" for the senior shot (the sex says which), "Decathlon (U20
 * implements), men", "Shot put (senior implement), sex unknown".
 */
export function eventGroupLabel(event: string, sex: string, options: { withSex?: boolean } = {}): string {
  const known = sexOf(sex);
  const info = describeEvent(event, known);
  const sexText = options.withSex === false ? '' : `, ${sexWords[sex] ?? (sex === 'unknown' ? 'sex unknown' : sex)}`;
  if (info === null) return `${event}${sexText}`;
  const kind = implementKind(info.discipline);
  const implement = info.implement ?? (known && kind !== 'age-set' ? categoryImplement(info.discipline, 'senior', known) : null);
  let label = disciplineLabel(info.discipline);
  if (implement?.kind === 'age-set') label += ` (${implementLabel(implement)})`;
  else if (implement) label += ` ${implementLabel(implement)}`;
  else if (kind === 'weight' || kind === 'height') label += ' (senior implement)';
  return `${label}${sexText}`;
}

/** An event without its sex, as a filter names it: "Shot put 6 kg", "110 m hurdles 99.0 cm", "Shot put (senior implement)". */
export function eventLabel(event: string): string {
  return eventGroupLabel(event, 'unknown', { withSex: false });
}
