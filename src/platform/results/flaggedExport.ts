/**
 * Flagged performances as a file to save: every performance at least one detector flags
 * (or one athlete's, with each flag's explanation), built into CSV or xlsx in the pool.
 */
import type { RecordedRun } from './detectorRuns';
import { text } from './labSql';
import type { ResultsPorts } from './resultsPorts';
import type { AthleteProfile } from './results.types';
import type { ExportCell } from './work/exportTable';

const mime = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export async function flaggedExport(ports: ResultsPorts, format: 'csv' | 'xlsx', runs: RecordedRun[], profile: AthleteProfile | null): Promise<Blob> {
  let header: string[];
  let rows: ExportCell[][];
  if (profile) {
    header = ['athlete', 'dob', 'nationality', 'event', 'sex', 'date', 'mark', 'wind', 'method', 'score', 'explanation'];
    rows = profile.performances.flatMap((p) => p.flags.map((f): ExportCell[] => [
      profile.name, profile.dob, profile.nationality, p.event, p.sex, p.date, p.markText, p.wind, f.label, f.score, f.explanation,
    ]));
  } else {
    header = ['athlete', 'dob', 'nationality', 'event', 'sex', 'date', 'mark', 'wind', 'methods flagging', 'methods'];
    const list = runs.map((r) => text(r.detectorId)).join(', ') || 'NULL';
    const found = await ports.db.rows<{ athlete: string; dob: string | null; nationality: string | null; event: string; sex: string; date: string; mark: string; wind: number | null; n: number; methods: string }>(
      `SELECT p.athlete, p.dob::VARCHAR AS dob, p.nationality, p.event, p.sex, p.date::VARCHAR AS date, p.mark_text AS mark, p.wind,
         count(*)::INTEGER AS n, string_agg(a.detector, ', ' ORDER BY a.detector) AS methods
       FROM anomalies a JOIN performances p USING (performance_id)
       WHERE a.flagged = 1 AND a.detector IN (${list})
       GROUP BY p.performance_id, p.athlete, p.dob, p.nationality, p.event, p.sex, p.date, p.mark_text, p.wind
       ORDER BY n DESC, p.performance_id`,
    );
    rows = found.map((r) => [r.athlete, r.dob, r.nationality, r.event, r.sex, r.date, r.mark, r.wind, r.n, r.methods]);
  }
  const bytes = await ports.pool.run('resultsExport', { format, header, rows });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime[format] });
}
