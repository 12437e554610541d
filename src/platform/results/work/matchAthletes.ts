/**
 * Runs in a compute worker: a sanctions list's rows matched to the results' athletes
 * (athletesSql as Arrow IPC, tens of thousands of them), with what the UI needs to show
 * each candidate and the seasons each sanction labels.
 */
import type { SanctionCandidate } from '../results.types';
import { readSanctionList } from '../../../core/athletics/sanctions';
import { matchSanctions, type AthleteRecord } from '../../../core/athletics/sanctionMatching';
import { sanctionPeriod } from '../../../core/evaluation/labels';
import { integersOf, readIpc, textsOf } from '../arrowReading';

export interface MatchInput {
  rows: Record<string, string | null>[];
  athletes: Uint8Array;
  /** Keep only the rows whose sport is athletics, when the list has a sport column. */
  athleticsOnly: boolean;
}

/** The engine's candidate type is the one the UI shows. */
export type MatchedCandidate = SanctionCandidate;

export interface MatchedSanction {
  sanctionIndex: number;
  name: string;
  country: string;
  years: string;
  sanction: string;
  /** Seasons labelled positive (inclusive; ±Infinity when the list gives no year). */
  from: number;
  to: number;
  status: 'matched' | 'ambiguous' | 'unmatched';
  reason: string;
  candidates: MatchedCandidate[];
}

export interface MatchResult {
  records: number;
  /** Records with a year, and the column the years were read from. */
  dated: number;
  dateColumn: string | null;
  problems: string[];
  otherSports: { rows: number; bySport: Record<string, number> } | null;
  sanctions: MatchedSanction[];
}

export function matchAthletes(input: MatchInput): MatchResult {
  const list = readSanctionList(input.rows, { athleticsOnly: input.athleticsOnly });
  const table = readIpc(input.athletes);
  const ids = integersOf(table, 'athlete_id');
  const names = textsOf(table, 'name');
  const dobs = textsOf(table, 'dob');
  const nationalities = textsOf(table, 'nationality');
  const first = integersOf(table, 'first_season');
  const last = integersOf(table, 'last_season');
  const athletes: AthleteRecord[] = Array.from(ids, (id, i) => ({
    id: String(id),
    name: names[i] ?? '',
    dob: dobs[i],
    nationality: nationalities[i] ? nationalities[i]!.split(',') : null,
    firstSeason: first[i] >= 0 ? first[i] : undefined,
    lastSeason: last[i] >= 0 ? last[i] : undefined,
  }));
  const rowOfId = new Map<string, number>();
  athletes.forEach((athlete, i) => rowOfId.set(athlete.id, i));
  const matches = matchSanctions(list.records, athletes);
  const sanctions = matches.map((match): MatchedSanction => {
    const record = list.records[match.sanctionIndex];
    const period = sanctionPeriod(record);
    return {
      sanctionIndex: match.sanctionIndex,
      name: record.name,
      country: record.country,
      years: record.violationYears.join(', '),
      sanction: record.sanction,
      from: period.from,
      to: period.to,
      status: match.status,
      reason: match.reason,
      candidates: match.athletes.map((candidate) => {
        const i = rowOfId.get(candidate.athleteId)!;
        return {
          athleteId: Number(candidate.athleteId),
          name: names[i] ?? '',
          dob: dobs[i],
          nationality: nationalities[i],
          confidence: candidate.confidence,
          reason: candidate.reason,
        };
      }),
    };
  });
  return {
    records: list.records.length, dated: list.records.filter((r) => r.violationYears.length > 0).length, dateColumn: list.columns.date ?? null,
    problems: list.problems, otherSports: list.otherSports, sanctions,
  };
}
