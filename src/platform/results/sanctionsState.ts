/**
 * The sanctions list of the session: read by DuckDB (CSV) or SheetJS (xlsx), matched to the
 * results' athletes in the compute pool, then confirmed or rejected by the analyst. What
 * counts as sanctioned (matched, or confirmed, and not rejected) is written to the
 * `sanction_periods` table for the evaluation and the profiles.
 */
import { duckDb } from '../duckdb/duckdbClient';
import { computePool } from '../pool/browserPool';
import { athletesSql } from '../../core/athletics/resultsSql';
import { DataError } from '../dataError';
import { ipcOfColumns } from './arrowReading';
import { createSanctionPeriodsSql, id } from './labSql';
import type { JobOptions, SanctionMatchRow, SanctionsSummary } from './resultsLab.api';
import type { MatchResult } from './work/matchAthletes';

export interface SanctionLabels {
  athleteIds: Int32Array;
  from: Float64Array;
  to: Float64Array;
}

export class SanctionsState {
  #file = '';
  #rows: Record<string, string | null>[] = [];
  #result: MatchResult | null = null;
  /** The analyst's decisions: a confirmed athlete, or null for a rejected match. */
  #decisions = new Map<number, number | null>();

  get loaded(): boolean {
    return this.#result !== null;
  }

  async load(file: File, options: JobOptions = {}): Promise<SanctionsSummary> {
    const db = duckDb();
    options.onProgress?.({ phase: `Reading ${file.name}`, done: 0, total: 2 });
    const report = await db.loadFile(file, { table: 'sanctions_raw' });
    const columns = report.columns.map((c) => `${id(c.name)}::VARCHAR AS ${id(c.name)}`).join(', ');
    const rows = await db.rows<Record<string, string | null>>(`SELECT ${columns} FROM sanctions_raw`);
    await db.exec('DROP TABLE IF EXISTS sanctions_raw');
    if (rows.length === 0) throw new DataError('the sanctions list has no rows', { file: file.name, expected: 'one sanction per row with a name' });
    this.#file = file.name;
    this.#rows = rows;
    options.onProgress?.({ phase: `Matching ${rows.length.toLocaleString('en')} sanctions to the athletes`, done: 1, total: 2 });
    try {
      return await this.rematch(options);
    } catch (error) {
      this.#result = null;
      throw new DataError((error as Error).message, { file: file.name });
    }
  }

  /** Matches the list again (after the results changed); earlier decisions no longer apply. */
  async rematch(options: JobOptions = {}): Promise<SanctionsSummary> {
    const athletes = await duckDb().queryIpc(athletesSql);
    this.#result = await computePool().run('resultsMatchSanctions', { rows: this.#rows, athletes }, { signal: options.signal });
    this.#decisions.clear();
    await this.writeLabels();
    return this.summary();
  }

  async decide(sanctionIndex: number, athleteId: number | null): Promise<SanctionsSummary> {
    const sanction = this.#result?.sanctions.find((s) => s.sanctionIndex === sanctionIndex);
    if (!sanction) throw new Error(`invalid sanction: ${sanctionIndex}`);
    if (athleteId !== null && !sanction.candidates.some((c) => c.athleteId === athleteId)) {
      throw new Error(`athlete ${athleteId} is not a candidate for ${sanction.name}`);
    }
    this.#decisions.set(sanctionIndex, athleteId);
    await this.writeLabels();
    return this.summary();
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
    const sanction = this.#result!.sanctions[sanctionIndex];
    if (this.#decisions.has(sanctionIndex)) {
      const decided = this.#decisions.get(sanctionIndex);
      return decided === null || decided === undefined ? [] : [decided];
    }
    return sanction.status === 'matched' ? sanction.candidates.map((c) => c.athleteId) : [];
  }

  async writeLabels(): Promise<void> {
    const db = duckDb();
    await db.exec(createSanctionPeriodsSql);
    const labels = this.labels();
    if (labels.athleteIds.length === 0) return;
    const text = Array.from(labels.athleteIds, (_, k) => k);
    const sanctionText: string[] = [];
    for (const sanction of this.#result?.sanctions ?? []) {
      for (const _ of this.#athletesOf(sanction.sanctionIndex)) sanctionText.push(`${sanction.sanction || 'sanction'} (${sanction.years || 'year not given'})`);
    }
    await db.insertArrow('sanction_staging', ipcOfColumns({
      athlete_id: { kind: 'int', values: labels.athleteIds },
      from_season: { kind: 'float', values: labels.from },
      to_season: { kind: 'float', values: labels.to },
      sanction: { kind: 'text', values: text.map((k) => sanctionText[k]) },
    }), true);
    await db.exec('INSERT INTO sanction_periods SELECT * FROM sanction_staging');
    await db.exec('DROP TABLE sanction_staging');
  }

  summary(): SanctionsSummary {
    const result = this.#result;
    if (!result) return { file: '', records: 0, matchedAthletes: 0, rows: [], problems: [] };
    const rows = result.sanctions.map((s): SanctionMatchRow => {
      const decided = this.#decisions.get(s.sanctionIndex);
      const status = !this.#decisions.has(s.sanctionIndex) ? s.status : decided === null ? 'rejected' : 'confirmed';
      return { sanctionIndex: s.sanctionIndex, name: s.name, country: s.country, years: s.years, sanction: s.sanction, status, candidates: s.candidates };
    });
    return { file: this.#file, records: result.records, matchedAthletes: new Set(this.labels().athleteIds).size, rows, problems: result.problems };
  }
}
