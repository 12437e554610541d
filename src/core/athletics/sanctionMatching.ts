/**
 * Who in the results is the person a sanction names. Names differ in order, accents and
 * hyphens between lists; several athletes can share a name (told apart by birth date,
 * country or the years they competed); a country can be a historic team in one list and
 * its successor in the other. Every decision carries a confidence and a reason so the
 * analyst can confirm or reject it, and what cannot be decided is listed as ambiguous.
 */
import { relatedCountryCodes } from './countries.ts';
import { nameTokens, orderedNameKey, orderFreeNameKey } from './names.ts';
import type { SanctionRecord } from './sanctions.ts';

export interface AthleteRecord {
  id: string;
  /** As the results write it, e.g. `Yelena NIKOLAYEVA`. */
  name: string;
  dob?: string | null;
  /** IOC code(s) the athlete competed for. */
  nationality?: string | readonly string[] | null;
  /** First and last season in the results, to tell namesakes apart. */
  firstSeason?: number;
  lastSeason?: number;
}

export type SanctionInput = Pick<SanctionRecord, 'name' | 'countryCodes' | 'violationYears'> & {
  dob?: string | null;
};

export interface AthleteCandidate {
  athleteId: string;
  /** 0–1: how sure the match is. */
  confidence: number;
  reason: string;
}

export interface SanctionMatch {
  /** Index into the sanctions given. */
  sanctionIndex: number;
  status: 'matched' | 'ambiguous' | 'unmatched';
  /** The matched athletes, or the candidates to choose from when ambiguous. */
  athletes: AthleteCandidate[];
  reason: string;
}

export interface MatchOptions {
  /** Below this a single candidate is left for the analyst (default 0.5). */
  minConfidence?: number;
  /** Accept a name whose words all appear in the other (`Ibrahim Mohamed Aden` ~ `Ibrahim ADEN`); default true. */
  matchContainedNames?: boolean;
  /** How far outside an athlete's seasons a violation year may fall (default 3). */
  careerToleranceYears?: number;
}

interface NameIndex {
  ordered: Map<string, number[]>;
  orderFree: Map<string, number[]>;
  byToken: Map<string, number[]>;
  tokens: string[][];
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function indexNames(athletes: readonly AthleteRecord[]): NameIndex {
  const index: NameIndex = { ordered: new Map(), orderFree: new Map(), byToken: new Map(), tokens: [] };
  athletes.forEach((athlete, i) => {
    const tokens = nameTokens(athlete.name);
    index.tokens.push(tokens);
    if (tokens.length === 0) return;
    push(index.ordered, orderedNameKey(athlete.name), i);
    push(index.orderFree, orderFreeNameKey(athlete.name), i);
    for (const token of tokens) push(index.byToken, token, i);
  });
  return index;
}

/** Athletes whose name's words all appear in the other name (at least two shared words). */
function containedNames(tokens: string[], index: NameIndex): number[] {
  if (tokens.length < 2) return [];
  const rarest = [...tokens].sort((a, b) => (index.byToken.get(a)?.length ?? 0) - (index.byToken.get(b)?.length ?? 0));
  const pool = new Set<number>();
  for (const token of rarest.slice(0, 2)) for (const i of index.byToken.get(token) ?? []) pool.add(i);
  const mine = new Set(tokens);
  return [...pool].filter((i) => {
    const theirs = index.tokens[i];
    const shared = theirs.filter((t) => mine.has(t)).length;
    return shared >= 2 && (shared === theirs.length || shared === tokens.length);
  });
}

function nationalities(athlete: AthleteRecord): string[] {
  const value = athlete.nationality;
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? [value] : [...value]).map((c) => c.trim().toUpperCase());
}

type CountryFit = 'same' | 'unknown' | 'different';

function countryFit(codes: readonly string[], athlete: AthleteRecord): CountryFit {
  const theirs = nationalities(athlete);
  if (codes.length === 0 || theirs.length === 0) return 'unknown';
  const related = new Set(codes.flatMap(relatedCountryCodes));
  return theirs.some((c) => related.has(c)) ? 'same' : 'different';
}

function activeIn(athlete: AthleteRecord, years: readonly number[], tolerance: number): boolean {
  if (years.length === 0 || athlete.firstSeason === undefined || athlete.lastSeason === undefined) return true;
  return years.some((y) => y >= athlete.firstSeason! - tolerance && y <= athlete.lastSeason! + tolerance);
}

/** Match every sanction to the athletes of the results; inputs are not changed. */
export function matchSanctions(
  sanctions: readonly SanctionInput[],
  athletes: readonly AthleteRecord[],
  options: MatchOptions = {},
): SanctionMatch[] {
  const minConfidence = options.minConfidence ?? 0.5;
  const tolerance = options.careerToleranceYears ?? 3;
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new Error(`invalid minConfidence: ${minConfidence}`);
  if (!(tolerance >= 0)) throw new Error(`invalid careerToleranceYears: ${tolerance}`);
  const index = indexNames(athletes);
  return sanctions.map((sanction, sanctionIndex): SanctionMatch => {
    const unmatched = (reason: string): SanctionMatch => ({ sanctionIndex, status: 'unmatched', athletes: [], reason });
    const tokens = nameTokens(sanction.name);
    if (tokens.length === 0) return unmatched('no name');
    let how = 'same name';
    let base = 1;
    let found = index.ordered.get(orderedNameKey(sanction.name)) ?? [];
    if (found.length === 0) {
      [how, base, found] = ['same name in another word order', 0.95, index.orderFree.get(orderFreeNameKey(sanction.name)) ?? []];
    }
    if (found.length === 0 && options.matchContainedNames !== false) {
      [how, base, found] = ['one name contains the other', 0.7, containedNames(tokens, index)];
    }
    if (sanction.dob) found = found.filter((i) => !athletes[i].dob || athletes[i].dob === sanction.dob);
    if (found.length === 0) return unmatched(`no athlete named ${sanction.name}`);

    const fits = found.map((i) => countryFit(sanction.countryCodes, athletes[i]));
    let pool = found.filter((_, k) => fits[k] !== 'different');
    let countryNote = pool.some((i) => countryFit(sanction.countryCodes, athletes[i]) === 'same') ? ', same country' : '';
    let factor = countryNote === '' ? 0.9 : 1;
    if (pool.length === 0) {
      pool = found;
      factor = 0.6;
      countryNote = `, but competed for ${nationalities(athletes[found[0]]).join('/')}`;
    }
    let careerNote = '';
    if (pool.length > 1) {
      const active = pool.filter((i) => activeIn(athletes[i], sanction.violationYears, tolerance));
      if (active.length >= 1 && active.length < pool.length) {
        careerNote = `, ${active.length} of ${pool.length} namesakes active in ${sanction.violationYears.join('/')}`;
        pool = active;
        factor *= 0.9;
      }
    } else if (!activeIn(athletes[pool[0]], sanction.violationYears, tolerance)) {
      const { firstSeason, lastSeason } = athletes[pool[0]];
      careerNote = `, but in the results ${firstSeason}–${lastSeason}, not ${sanction.violationYears.join('/')}`;
      factor *= 0.7;
    }
    const dobs = new Set(pool.map((i) => athletes[i].dob).filter((d): d is string => !!d));
    const candidates = pool.map((i): AthleteCandidate => ({
      athleteId: athletes[i].id,
      confidence: Math.round(base * factor * (pool.length > 1 ? 0.9 : 1) * 1000) / 1000,
      reason: `${how}${countryNote}${careerNote}`,
    }));
    // Records of one person with and without a birth date are the same athlete, not namesakes.
    if (dobs.size > 1) {
      return {
        sanctionIndex, status: 'ambiguous', athletes: candidates,
        reason: `${pool.length} athletes named ${sanction.name} (born ${[...dobs].sort().join(', ')})`,
      };
    }
    if (candidates[0].confidence < minConfidence) {
      return { sanctionIndex, status: 'ambiguous', athletes: candidates, reason: `weak match: ${candidates[0].reason}` };
    }
    const reason = pool.length > 1 ? `${candidates[0].reason}; ${pool.length} records of one athlete, some without birth date` : candidates[0].reason;
    return { sanctionIndex, status: 'matched', athletes: candidates, reason };
  });
}

/** The ids of every athlete a sanction was matched to. */
export function matchedAthleteIds(matches: readonly SanctionMatch[]): Set<string> {
  const ids = new Set<string>();
  for (const match of matches) if (match.status === 'matched') for (const a of match.athletes) ids.add(a.athleteId);
  return ids;
}
