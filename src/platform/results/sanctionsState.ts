/**
 * The sanctions list of the session: read by DuckDB (CSV) or SheetJS (xlsx), matched to the
 * results' athletes in the compute pool (athletics only by default, when the list covers
 * every sport), then confirmed or rejected by the analyst. What counts as sanctioned (matched,
 * or confirmed, and not rejected) is written to the `sanction_periods` table for the
 * evaluation and the profiles.
 */
import { athletesSql } from '../../core/athletics/resultsSql';
import { DataError } from '../dataError';
import { ipcOfColumns } from './arrowReading';
import { createSanctionPeriodsSql, id } from './labSql';
import type { ResultsPorts } from './resultsPorts';
import type { JobOptions, SanctionMatchRow, SanctionsSummary } from './results.types';
import type { MatchResult } from './work/matchAthletes';

export interface SanctionLabels {
  athleteIds: Int32Array;
  from: Float64Array;
  to: Float64Array;
}

export class SanctionsState {
  #ports: ResultsPorts;
  #file = '';
  #rows: Record<string, string | null>[] = [];
  #athleticsOnly = true;
  #result: MatchResult | null = null;
  /** The analyst's decisions: a confirmed athlete, or null for a rejected match. */
  #decisions = new Map<number, number | null>();

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
  }

  get loaded(): boolean {
    return this.#result !== null;
  }

  async load(file: File, options: JobOptions = {}): Promise<SanctionsSummary> {
    const db = this.#ports.db;
    options.onProgress?.({ phase: `Reading ${file.name}`, done: 0, total: 2 });
    const report = await db.loadFile(file, { table: 'sanctions_raw' });
    const columns = report.columns.map((c) => `${id(c.name)}::VARCHAR AS ${id(c.name)}`).join(', ');
    const rows = await db.rows<Record<string, string | null>>(`SELECT ${columns} FROM sanctions_raw`);
    await db.exec('DROP TABLE IF EXISTS sanctions_raw');
    if (rows.length === 0) throw new DataError('the sanctions list has no rows', { file: file.name, expected: 'one sanction per row with a name' });
    const previous = { file: this.#file, rows: this.#rows };
    this.#file = file.name;
    this.#rows = rows;
    options.onProgress?.({ phase: `Matching ${rows.length.toLocaleString('en')} sanctions to the athletes`, done: 1, total: 2 });
    try {
      return await this.rematch(options);
    } catch (error) {
      // A list that cannot be read leaves the one before in place.
      this.#file = previous.file;
      this.#rows = previous.rows;
      if (previous.rows.length === 0) this.#result = null;
      else await this.rematch().catch(() => { this.#result = null; });
      throw new DataError((error as Error).message, { file: file.name });
    }
  }

  /** Keep only athletics (the default) or every sport of a list with a sport column; matched again. */
  async setAthleticsOnly(athleticsOnly: boolean, options: JobOptions = {}): Promise<SanctionsSummary> {
    this.#athleticsOnly = athleticsOnly;
    return this.rematch(options);
  }

  /** Matches the list again (after the results changed); earlier decisions no longer apply. */
  async rematch(options: JobOptions = {}): Promise<SanctionsSummary> {
    const athletes = await this.#ports.db.queryIpc(athletesSql);
    this.#result = await this.#ports.pool.run('resultsMatchSanctions', { rows: this.#rows, athletes, athleticsOnly: this.#athleticsOnly }, { signal: options.signal });
    this.#decisions.clear();
    await this.writeLabels();
    return this.summary()!;
  }

  async decide(sanctionIndex: number, athleteId: number | null): Promise<SanctionsSummary> {
    const sanction = this.#result?.sanctions.find((s) => s.sanctionIndex === sanctionIndex);
    if (!sanction) throw new Error(`invalid sanction: ${sanctionIndex}`);
    if (athleteId !== null && !sanction.candidates.some((c) => c.athleteId === athleteId)) {
      throw new Error(`athlete ${athleteId} is not a candidate for ${sanction.name}`);
    }
    this.#decisions.set(sanctionIndex, athleteId);
    await this.writeLabels();
    return this.summary()!;
  }

  /** The sanctioned athletes with the seasons each sanction labels (one entry per sanction). */
  labels(): SanctionLabels {
    const ids: number[] = [], from: number[] = [], to: number[] = [];
    for (const sanction of this.#result?.sanctions ?? []) {
      for (const athleteId of this.#athletesOf(sanction.sanctionIndex)) {
        ids.push(athleteId);
        from.push(sanction.from);
        to.push(sanction.to);
      }
    }
    return { athleteIds: Int32Array.from(ids), from: Float64Array.from(from), to: Float64Array.from(to) };
  }

  #athletesOf(sanctionIndex: number): number[] {
    const sanction = this.#result!.sanctions.find((s) => s.sanctionIndex === sanctionIndex)!;
    if (this.#decisions.has(sanctionIndex)) {
      const decided = this.#decisions.get(sanctionIndex);
      return decided === null || decided === undefined ? [] : [decided];
    }
    return sanction.status === 'matched' ? sanction.candidates.map((c) => c.athleteId) : [];
  }

  async writeLabels(): Promise<void> {
    const db = this.#ports.db;
    await db.exec(createSanctionPeriodsSql);
    const labels = this.labels();
    if (labels.athleteIds.length === 0) return;
    const texts: string[] = [];
    for (const sanction of this.#result?.sanctions ?? []) {
      for (const _ of this.#athletesOf(sanction.sanctionIndex)) texts.push(`${sanction.sanction || 'sanction'} (${sanction.years || 'year not given'})`);
    }
    await db.insertArrow('sanction_staging', ipcOfColumns({
      athlete_id: { kind: 'int', values: labels.athleteIds },
      from_season: { kind: 'float', values: labels.from },
      to_season: { kind: 'float', values: labels.to },
      sanction: { kind: 'text', values: texts },
    }), true);
    await db.exec('INSERT INTO sanction_periods SELECT * FROM sanction_staging');
    await db.exec('DROP TABLE sanction_staging');
  }

  summary(): SanctionsSummary | null {
    const result = this.#result;
    if (!result) return null;
    const rows = result.sanctions.map((s): SanctionMatchRow => {
      const decided = this.#decisions.get(s.sanctionIndex);
      const status = !this.#decisions.has(s.sanctionIndex) ? s.status : decided === null ? 'rejected' : 'confirmed';
      return { sanctionIndex: s.sanctionIndex, name: s.name, country: s.country, years: s.years, sanction: s.sanction, status, candidates: s.candidates };
    });
    return {
      file: this.#file, records: result.records, dated: result.dated, dateColumn: result.dateColumn,
      matchedAthletes: new Set(this.labels().athleteIds).size, rows, problems: result.problems,
      otherSports: result.otherSports, athleticsOnly: this.#athleticsOnly,
    };
  }
}
