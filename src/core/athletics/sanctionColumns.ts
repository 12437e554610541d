/**
 * The columns of a sanctions list, recognised by their usual names: the Wikipedia list's
 * (Name, Country, Event, Date of violation, Sanction), an anti-doping agency's (Athlete, Sport,
 * Nationality, Sanction date, Ban start, Ban end, Period of ineligibility), a federation's. A
 * date column is read in the order that dates the doping best: the violation, then the test,
 * then the decision or sanction, then the start of the ban.
 */
import { headerKey } from './columns';

export type SanctionField = 'name' | 'country' | 'event' | 'sport' | 'dob' | 'date' | 'banEnd' | 'substance' | 'sanction';

export const sanctionFieldNames: Readonly<Record<SanctionField, readonly string[]>> = {
  name: ['name', 'athlete', 'competitor', 'athlete_name', 'full_name', 'person', 'athlete_s_name'],
  country: ['country', 'nationality', 'nat', 'nation', 'noc', 'country_code', 'country_of_representation'],
  event: ['event', 'discipline', 'events', 'event_s'],
  sport: ['sport', 'sports', 'sport_name', 'sport_discipline'],
  dob: ['dob', 'birth_date', 'date_of_birth', 'born', 'birthdate'],
  date: [
    'date_of_violation', 'violation_date', 'year_of_violation', 'violation_year', 'date_of_infraction', 'infraction_date',
    'date_of_test', 'test_date', 'sample_date', 'date_of_sample_collection', 'sample_collection_date',
    'year', 'date', 'season',
    'date_of_sanction', 'sanction_date', 'sanction_year', 'decision_date', 'date_of_decision', 'announced', 'announcement_date',
    'ban_start', 'sanction_start', 'start_of_sanction', 'sanction_start_date', 'start_date', 'suspension_start', 'ineligibility_start', 'period_start',
  ],
  banEnd: ['ban_end', 'sanction_end', 'end_of_sanction', 'sanction_end_date', 'end_date', 'suspension_end', 'ineligibility_end', 'ineligible_until', 'until', 'period_end'],
  substance: ['banned_substance_s_anti_doping_rule_violation', 'substance', 'banned_substance', 'substances', 'violation', 'anti_doping_rule_violation', 'adrv', 'reason', 'offence', 'offense'],
  sanction: ['sanction', 'ban', 'penalty', 'suspension', 'sanction_length', 'ban_length', 'length', 'period_of_ineligibility', 'ineligibility', 'sanction_imposed'],
};

/** Our field → the list's header, as written in the list. */
export type SanctionColumns = Partial<Record<SanctionField, string>>;

/** Each field takes the first of its names the headers have; a header serves one field. */
export function recogniseSanctionColumns(headers: readonly string[]): SanctionColumns {
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const taken = new Set<string>();
  const out: SanctionColumns = {};
  for (const field of Object.keys(sanctionFieldNames) as SanctionField[]) {
    const header = sanctionFieldNames[field].map((name) => byKey.get(name)).find((h) => h !== undefined && !taken.has(h));
    if (header !== undefined) {
      out[field] = header;
      taken.add(header);
    }
  }
  return out;
}

/** Whether headers look like a sanctions list: a name, and a date or a sanction, and no mark. */
export function looksLikeSanctionsList(headers: readonly string[]): boolean {
  const columns = recogniseSanctionColumns(headers);
  const keys = new Set(headers.map(headerKey));
  return columns.name !== undefined && (columns.date !== undefined || columns.sanction !== undefined) && !keys.has('mark') && !keys.has('result');
}
