/**
 * Seeded race results in the shape of the World Athletics toplists, at any size: events
 * with realistic marks and directions, athletes whose careers rise to a peak around
 * 25–28 and decline, and a few athletes given a doping-like jump (a sudden improvement
 * for one to three seasons) who then appear in a generated sanctions list written the
 * way the Wikipedia list writes it. The demo data and the unit fixtures come from here,
 * never from the shared real data.
 *
 * Rows come out in column batches, so five million rows never exist as objects: only
 * the athletes (one small object per ~15 results) live for the whole run.
 */
import { createRandom, type Random } from '../stats/random.ts';
import { describeEvent, type EventInfo } from '../athletics/events.ts';
import { formatMark } from '../athletics/markFormat.ts';
import { countryName } from '../athletics/countries.ts';
import { titleCaseName } from '../athletics/names.ts';

export interface ResultsGeneratorOptions {
  rows: number;
  seed: number;
  /** Rows per batch (default 100,000). */
  batchSize?: number;
  firstSeason?: number;
  lastSeason?: number;
  /** Share of athletes given a doping-like improvement (default 0.03). */
  dopedShare?: number;
}

/** One batch of rows, column by column, named like the WA parquet (rank is left to SQL). */
export interface ResultBatch {
  length: number;
  mark: string[]; wind: (string | null)[]; competitor: string[]; dob: (string | null)[];
  nationality: string[]; position: string[]; venue: string[]; date: string[];
  result_score: Float64Array; discipline: string[]; type: string[]; sex: string[]; age_cat: string[];
  normalized_discipline: string[]; track_field: string[]; mark_numeric: Float64Array;
  venue_country: string[]; age_at_event: Float64Array; season: Int32Array;
  /** 1 for a performance made while doped: the generator's ground truth. */
  doping_truth: Uint8Array;
}
export type ResultColumn = Exclude<keyof ResultBatch, 'length'>;
export const resultColumns: readonly ResultColumn[] = [
  'mark', 'wind', 'competitor', 'dob', 'nationality', 'position', 'venue', 'date', 'result_score', 'discipline',
  'type', 'sex', 'age_cat', 'normalized_discipline', 'track_field', 'mark_numeric', 'venue_country',
  'age_at_event', 'season', 'doping_truth',
];

/** A sanctions row with the Wikipedia list's columns. */
export interface GeneratedSanction {
  Name: string; Country: string; Event: string; 'Date of violation': string;
  'Banned substance(s)/Anti-doping rule violation': string; Sanction: string;
}

export interface GeneratedResults {
  batches(): Generator<ResultBatch>;
  sanctions: GeneratedSanction[];
  athleteCount: number;
}

// event, men's name, women's name, men's mean and spread, women's, decimals
const catalogue: [string, string, number, number, number, number, number][] = [
  ['100-metres', '100-metres', 10.45, 0.22, 11.55, 0.28, 2], ['200-metres', '200-metres', 21.0, 0.45, 23.4, 0.55, 2],
  ['400-metres', '400-metres', 46.8, 0.9, 53.0, 1.2, 2], ['110-metres-hurdles', '100-metres-hurdles', 14.0, 0.35, 13.4, 0.35, 2],
  ['400-metres-hurdles', '400-metres-hurdles', 51.5, 1.4, 58.0, 1.7, 2], ['800-metres', '800-metres', 108, 2.3, 124, 3.2, 2],
  ['1500-metres', '1500-metres', 222, 4.5, 254, 6.5, 2], ['5000-metres', '5000-metres', 810, 18, 930, 27, 2],
  ['10000-metres', '10000-metres', 1700, 36, 1950, 55, 2], ['3000-metres-steeplechase', '3000-metres-steeplechase', 510, 14, 600, 22, 2],
  ['marathon', 'marathon', 7900, 270, 9000, 360, 0], ['half-marathon', 'half-marathon', 3700, 110, 4250, 140, 0],
  ['20-kilometres-race-walk', '20-kilometres-race-walk', 4950, 140, 5500, 180, 0], ['long-jump', 'long-jump', 7.6, 0.3, 6.3, 0.27, 2],
  ['triple-jump', 'triple-jump', 16.0, 0.45, 13.6, 0.4, 2], ['high-jump', 'high-jump', 2.15, 0.07, 1.8, 0.06, 2],
  ['pole-vault', 'pole-vault', 5.3, 0.22, 4.2, 0.22, 2], ['shot-put', 'shot-put', 18.5, 1.2, 16.0, 1.2, 2],
  ['discus-throw', 'discus-throw', 58, 4.5, 55, 4.5, 2], ['hammer-throw', 'hammer-throw', 70, 5.5, 63, 5.5, 2],
  ['javelin-throw', 'javelin-throw', 72, 5.5, 55, 4.5, 2], ['decathlon', 'heptathlon', 7400, 360, 5800, 320, 0],
];
const given = [
  ['Ivan', 'José', 'Kipchoge', 'Łukasz', 'Thomas', 'Ahmed', 'Yohan', 'Søren', 'Mehmet', 'Carlos', 'Andrés', 'Kenji',
    'Pierre', 'Dmitri', 'Samuel', 'Hicham', 'Björn', 'Tomáš', 'Giovanni', 'Liam', 'Emeka', 'Rui', 'Olek', 'Javier'],
  ['Yelena', 'María', 'Faith', 'Agnieszka', 'Sarah', 'Fatima', 'Shelly', 'Åsa', 'Ayşe', 'Lucía', 'Inés', 'Yuki',
    'Amélie', 'Olga', 'Grace', 'Nadia', 'Ingrid', 'Zuzana', 'Chiara', 'Emma', 'Blessing', 'Joana', 'Daria', 'Noémie'],
];
const roots = ['Kov', 'Mar', 'Pet', 'Jan', 'Nov', 'Sil', 'Ben', 'Hal', 'Tor', 'Rod', 'Fer', 'Ach', 'Kip', 'Che', 'Ol',
  'Gut', 'Lun', 'Ber', 'Sand', 'Wal', 'Ivan', 'Mor', 'Dan', 'Kar', 'Lin', 'Zel', 'Bog', 'Rom', 'Vas', 'Alm'];
const middles = ['', 'an', 'el', 'or', 'is', 'ur'];
const endings = ['ačević', 'ov', 'sson', 'sen', 'ez', 'ić', 'ski', 'etti', 'ani', 'ura', 'kei', 'ogo', 'ström',
  'mann', 'ley', 'ton', 'ard', 'eiro', 'ényi', 'oglu'];
const nations = ['USA', 'USA', 'USA', 'KEN', 'KEN', 'ETH', 'JAM', 'GBR', 'GER', 'FRA', 'RUS', 'CHN', 'JPN', 'POL', 'ITA',
  'ESP', 'AUS', 'UKR', 'CUB', 'CAN', 'RSA', 'SWE', 'NOR', 'BRA', 'MAR', 'TUR', 'NGR', 'BLR', 'ROU', 'GRE', 'POR', 'NED'];
const venues = ['Eugene (USA)', 'Oslo (NOR)', 'Zürich (SUI)', 'Rome (ITA)', 'Doha (QAT)', 'Nairobi (KEN)', 'Berlin (GER)',
  'Tokyo (JPN)', 'Paris (FRA)', 'Kingston (JAM)', 'Shanghai (CHN)', 'London (GBR)', 'Madrid (ESP)', 'Székesfehérvár (HUN)'];
const substances = ['Stanozolol', 'EPO', 'Testosterone', 'Nandrolone', 'Biological passport anomalies', 'Meldonium', 'Whereabouts failures'];
const looseEvent = (info: EventInfo): string => {
  if (info.kind === 'sprints') return 'Sprinting';
  if (info.kind === 'hurdles') return 'Hurdling';
  if (info.kind === 'race-walks') return 'Race walking';
  if (info.kind === 'road-running') return info.name === 'marathon' ? 'Marathon' : 'Long distance';
  if (info.name.endsWith('steeplechase')) return 'Steeplechase';
  if (info.kind === 'middlelong') return Number(info.name.split('-')[0]) >= 3000 ? 'Long distance' : 'Middle distance';
  const words = info.name.replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
};
const monthDays = [30, 31, 30, 31, 31, 30]; // April to September: the outdoor season
const seasonDays: string[] = monthDays.flatMap((days, m) =>
  Array.from({ length: days }, (_, d) => `${String(m + 4).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`));

interface Athlete {
  competitor: string; given: string; surname: string; sex: 0 | 1; event: number; nation: string;
  dob: string | null; birth: number; talent: number; peakAge: number;
  seasons: number[]; perSeason: number; dopedFrom: number; dopedTo: number; boost: number;
}

function makeAthlete(random: Random, first: number, last: number, dopedShare: number): Athlete {
  const sex = random.int(2) as 0 | 1;
  const name = random.pick(given[sex]);
  const surname = random.pick(roots) + random.pick(middles) + random.pick(endings);
  for (;;) {
    const birthYear = first - 30 + random.int(last - first + 12);
    const debut = birthYear + 18 + random.int(4);
    const seasons: number[] = [];
    for (let s = debut; s < debut + 3 + random.int(12); s++) if (s >= first && s <= last) seasons.push(s);
    if (seasons.length === 0) continue;
    const month = 1 + random.int(12);
    const day = 1 + random.int(28);
    const athlete: Athlete = {
      competitor: `${name} ${surname.toUpperCase()}`, given: name, surname, sex, event: random.int(catalogue.length),
      nation: random.pick(nations), birth: birthYear + (month - 1) / 12 + day / 365,
      dob: random.next() < 0.01 ? null : `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      talent: random.normal(), peakAge: 25 + random.next() * 3, seasons, perSeason: 2 + random.int(8),
      dopedFrom: 0, dopedTo: -1, boost: 0,
    };
    if (seasons.length >= 3 && random.next() < dopedShare) {
      const start = 1 + random.int(seasons.length - 2);
      athlete.dopedFrom = seasons[start];
      athlete.dopedTo = seasons[Math.min(seasons.length - 1, start + random.int(3))];
      athlete.boost = 1.2 + random.next();
    }
    return athlete;
  }
}

function sanctionOf(athlete: Athlete, random: Random): GeneratedSanction {
  const surname = athlete.surname;
  const form = random.next();
  const name = form < 0.25 ? `${surname}, ${athlete.given}`
    : form < 0.4 ? `${athlete.given} ${surname}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      : `${athlete.given} ${titleCaseName(surname)}`;
  const info = describeEvent(catalogue[athlete.event][athlete.sex]) as EventInfo;
  return {
    Name: name, Country: countryName(athlete.nation) ?? athlete.nation, Event: looseEvent(info),
    'Date of violation': String(athlete.dopedTo), 'Banned substance(s)/Anti-doping rule violation': random.pick(substances),
    Sanction: random.next() < 0.7 ? '2 years' : '4 years',
  };
}

export function generateResults(options: ResultsGeneratorOptions): GeneratedResults {
  const { rows, seed } = options;
  const batchSize = options.batchSize ?? 100_000;
  const first = options.firstSeason ?? 1975;
  const last = options.lastSeason ?? 2025;
  const dopedShare = options.dopedShare ?? 0.03;
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`invalid rows: ${rows}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batchSize: ${batchSize}`);
  if (!(first <= last)) throw new Error(`invalid seasons: ${first}–${last}`);
  if (!(dopedShare >= 0 && dopedShare <= 1)) throw new Error(`invalid dopedShare: ${dopedShare}`);
  const random = createRandom(seed);
  const athletes: Athlete[] = [];
  for (let planned = 0; planned < rows;) {
    const athlete = makeAthlete(random, first, last, dopedShare);
    athletes.push(athlete);
    planned += athlete.seasons.length * athlete.perSeason;
  }
  const sanctions = athletes.filter((a) => a.boost > 0 && random.next() < 0.85).map((a) => sanctionOf(a, random));
  return { batches: () => batchesOf(athletes, rows, batchSize, seed), sanctions, athleteCount: athletes.length };
}

function emptyBatch(size: number): ResultBatch {
  const s = (): string[] => new Array<string>(size);
  return {
    length: 0, mark: s(), wind: s(), competitor: s(), dob: s(), nationality: s(), position: s(), venue: s(), date: s(),
    result_score: new Float64Array(size), discipline: s(), type: s(), sex: s(), age_cat: s(), normalized_discipline: s(),
    track_field: s(), mark_numeric: new Float64Array(size), venue_country: s(), age_at_event: new Float64Array(size),
    season: new Int32Array(size), doping_truth: new Uint8Array(size),
  };
}

function trimmed(batch: ResultBatch, n: number): ResultBatch {
  if (n === batch.mark.length) return { ...batch, length: n };
  const out = { length: n } as ResultBatch;
  for (const column of resultColumns) (out as unknown as Record<string, unknown>)[column] = batch[column].slice(0, n);
  return out;
}

function* batchesOf(athletes: readonly Athlete[], rows: number, batchSize: number, seed: number): Generator<ResultBatch> {
  const random = createRandom(seed ^ 0x5bd1e995);
  const infos = catalogue.map(([men, women]) => [describeEvent(men), describeEvent(women)] as EventInfo[]);
  let batch = emptyBatch(Math.min(batchSize, rows));
  let k = 0;
  let emitted = 0;
  for (const athlete of athletes) {
    const spec = catalogue[athlete.event];
    const info = infos[athlete.event][athlete.sex];
    const mean = spec[athlete.sex === 0 ? 2 : 4];
    const spread = spec[athlete.sex === 0 ? 3 : 5];
    const sign = info.direction === 'lower' ? -1 : 1;
    const field = info.kind === 'jumps' || info.kind === 'throws';
    for (const season of athlete.seasons) {
      const form = random.normal() * 0.3;
      const doped = season >= athlete.dopedFrom && season <= athlete.dopedTo;
      const days = Array.from({ length: athlete.perSeason }, () => random.int(seasonDays.length)).sort((a, b) => a - b);
      for (const day of days) {
        if (emitted === rows) return;
        const age = season + (91 + day) / 365 - athlete.birth;
        const p = athlete.talent - 0.025 * (age - athlete.peakAge) ** 2 + form + random.normal() * 0.35 + (doped ? athlete.boost : 0);
        let value = mean + sign * spread * p;
        let wind: string | null = null;
        if (info.windCounts) {
          const w = Math.round((random.normal() * 1.2 + 0.5) * 10) / 10;
          wind = w.toFixed(1);
          value += field ? 0.04 * w : -0.005 * mean * w; // a tailwind helps: ~0.05 s or ~4 cm per m/s
        }
        let mark: string;
        let numeric: number;
        const missing = random.next();
        if (missing < 0.004) {
          mark = field ? 'NM' : missing < 0.002 ? 'DNF' : missing < 0.003 ? 'DNS' : 'DQ';
          numeric = NaN;
        } else if (season < 1980 && (info.markStyle === 'decimal' || info.markStyle === 'minutes') && !field && random.next() < 0.3) {
          numeric = Math.round(value * 10) / 10;
          mark = `${formatMark(numeric, { style: info.markStyle, decimals: 1 })}h`;
        } else {
          mark = formatMark(value, { style: info.markStyle, decimals: spec[6] });
          numeric = info.markStyle === 'hours' || info.markStyle === 'points' ? Math.round(value) : Math.round(value * 100) / 100;
        }
        const venue = random.pick(venues);
        batch.mark[k] = mark; batch.wind[k] = wind; batch.competitor[k] = athlete.competitor; batch.dob[k] = athlete.dob;
        batch.nationality[k] = athlete.nation; batch.venue[k] = venue; batch.venue_country[k] = venue.slice(-4, -1);
        batch.position[k] = Number.isNaN(numeric) ? '' : String(Math.max(1, Math.min(8, Math.round(4 - 1.5 * p + random.normal()))));
        batch.date[k] = `${season}-${seasonDays[day]}`; batch.result_score[k] = Math.round(1000 + 80 * p);
        batch.discipline[k] = info.name; batch.normalized_discipline[k] = info.name; batch.type[k] = info.kind;
        batch.sex[k] = athlete.sex === 0 ? 'male' : 'female';
        batch.age_cat[k] = age < 18 ? 'u18' : age < 20 ? 'u20' : 'senior';
        batch.track_field[k] = field ? 'field' : info.kind === 'combined-events' ? 'mixed' : 'track';
        batch.mark_numeric[k] = numeric; batch.age_at_event[k] = Math.floor(age); batch.season[k] = season;
        batch.doping_truth[k] = doped ? 1 : 0;
        k++;
        emitted++;
        if (k === batch.mark.length) {
          yield trimmed(batch, k);
          batch = emptyBatch(Math.min(batchSize, rows - emitted));
          k = 0;
        }
      }
    }
  }
  if (k > 0) yield trimmed(batch, k);
}
