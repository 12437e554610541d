/**
 * The Results analysis engine in Node, without Svelte or a browser: native DuckDB in place
 * of the DuckDB worker and the Results tasks run in-process in place of the pool
 * (scripts/lib/nativeResultsPorts.ts), on seeded results and sanctions from the project's
 * generator. What is checked is the engine's own work: the view it publishes, scores stored
 * and flagged by the shared rule, the cache, the two phases of a run, the sanctions (dates,
 * other sports, decisions) and what each change clears.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateResults } from '../../core/generate/results';
import { listDetectors, runDetector } from '../../core/detectors/registry';
import { eventColumns, eventGroups, loadResults } from '../../../scripts/lib/nativeResults';
import { nativeResultsPorts } from '../../../scripts/lib/nativeResultsPorts';
import { ResultsAnalysis } from './resultsAnalysis';
import type { DetectorChoice, ResultsView } from './results.types';

const columns = ['competitor', 'dob', 'nationality', 'discipline', 'sex', 'mark', 'wind', 'date', 'season'] as const;
const cell = (value: string | number | null) => (value === null ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

const generated = generateResults({ rows: 12_000, seed: 5 });
const dir = mkdtempSync(join(tmpdir(), 'results-engine-'));
const resultsPath = join(dir, 'results.csv');
const lines = [columns.join(',')];
for (const batch of generated.batches()) for (let i = 0; i < batch.length; i++) lines.push(columns.map((c) => cell((batch[c] as ArrayLike<string | number | null>)[i])).join(','));
writeFileSync(resultsPath, `${lines.join('\n')}\n`);
const sanctionHeader = ['Name', 'Country', 'Event', 'Date of violation', 'Banned substance(s)/Anti-doping rule violation', 'Sanction'] as const;
const sanctionsCsv = [sanctionHeader.join(','), ...generated.sanctions.map((s) => sanctionHeader.map((h) => cell(s[h])).join(','))].join('\n');

async function engine() {
  const { connection } = await loadResults(resultsPath);
  const ports = await nativeResultsPorts(connection);
  const analysis = new ResultsAnalysis(ports);
  const views: ResultsView[] = [];
  analysis.subscribe((view) => views.push(view));
  await analysis.dataChanged();
  return { analysis, views, connection, db: ports.db };
}

const detectors = listDetectors();
const all = detectors.map((d) => ({ id: d.id, params: {} }));

describe('the Results analysis engine', () => {
  let setup: Awaited<ReturnType<typeof engine>>;
  beforeAll(async () => {
    setup = await engine();
    await setup.analysis.run(all);
  }, 120_000);

  it('runs every detector together and stores each one\'s flagged performances, by the shared rule, as the detector itself flags them', async () => {
    const { analysis, db, connection } = setup;
    expect(analysis.view.runs.map((r) => r.detectorId)).toEqual(detectors.map((d) => d.id));
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM performances WHERE mark IS NOT NULL AND date IS NOT NULL');
    const stored = await db.rows<{ detector: string; rows: number; flagged: number; rule: number }>(
      'SELECT detector, count(*)::INTEGER AS rows, sum(flagged)::INTEGER AS flagged, count(*) FILTER (WHERE score >= threshold)::INTEGER AS rule FROM anomalies GROUP BY detector ORDER BY detector',
    );
    const groups = await eventGroups(connection);
    for (const run of analysis.view.runs) {
      expect(run.performances, run.detectorId).toBe(n);
      expect([run.groups, run.groupsFromCache, run.fromCache]).toEqual([groups.length, 0, false]);
      const row = stored.find((r) => r.detector === run.detectorId) ?? { rows: 0, flagged: 0, rule: 0 };
      expect([row.rows, row.flagged, row.rule], run.detectorId).toEqual([run.flagged, run.flagged, run.flagged]);
    }
    expect(analysis.view.runs.filter((r) => r.flagged > 0).length).toBeGreaterThanOrEqual(10);
    // The largest group judged here, in this thread, flags the same performances as were stored.
    const { columns, performanceId } = await eventColumns(connection, groups[0]);
    for (const id of ['isolation-forest', 'modified-z-score', 'career-model']) {
      const own = runDetector(id, columns, {}, 1);
      const expected = Array.from(performanceId).filter((_, i) => own.flagged[i]).sort((a, b) => a - b);
      const flagged = await db.rows<{ id: number }>(`SELECT a.performance_id AS id FROM anomalies a JOIN performances p USING (performance_id)
        WHERE a.detector = '${id}' AND p.event = '${groups[0].event}' AND p.sex = '${groups[0].sex}' ORDER BY id`);
      expect(flagged.map((r) => r.id), id).toEqual(expected);
      expect(expected.length, id).toBeGreaterThan(0);
    }
  });

  it('without a sanctions list: two phases, no evaluation, the consensus and the most flagged athlete opened', () => {
    const { view } = setup.analysis;
    expect(view.lastRun.map((p) => p.name)).toEqual([`Detectors (${detectors.length})`, 'Consensus']);
    expect(view.evaluation).toBeNull();
    expect(view.consensus.length).toBeGreaterThan(0);
    expect(view.consensus.every((row) => row.methods.length >= 2)).toBe(true);
    expect(view.profile?.athleteId).toBe(view.mostFlagged[0].athleteId);
    expect(view.profile?.learned).toBeNull();
  });

  it('a second run with the same data and parameters comes from the cache with the same flags', async () => {
    const before = setup.analysis.view.runs.map((r) => r.flagged);
    await setup.analysis.run(all);
    expect(setup.analysis.view.runs.every((r) => r.fromCache)).toBe(true);
    expect(setup.analysis.view.runs.map((r) => r.flagged)).toEqual(before);
  });

  it('writes a run to the cache once its work is over (the phases published), not while the flags are stored', async () => {
    const { connection } = await loadResults(resultsPath);
    const ports = await nativeResultsPorts(connection);
    const phasesAtWrite: string[][] = [];
    const analysis: ResultsAnalysis = new ResultsAnalysis({
      ...ports,
      cache: {
        read: (keys) => ports.cache.read(keys),
        write: (entries) => {
          phasesAtWrite.push(analysis.view.lastRun.map((p) => p.name));
          return ports.cache.write(entries);
        },
      },
    });
    await analysis.dataChanged();
    await analysis.run([{ id: 'z-score', params: {} }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(phasesAtWrite).toEqual([['Detectors (1)', 'Consensus']]);
    await analysis.run([{ id: 'z-score', params: {} }]);
    expect(analysis.view.runs.map((r) => r.fromCache)).toEqual([true]);
    connection.closeSync();
  }, 60_000);

  it('asks DuckDB for the consensus before the evaluation task starts, so the two run side by side', async () => {
    const { connection } = await loadResults(resultsPath);
    const ports = await nativeResultsPorts(connection);
    const order: string[] = [];
    const analysis = new ResultsAnalysis({
      ...ports,
      db: { ...ports.db, rows: (sql) => { if (/string_agg\(a\.detector|WITH consensus AS/.test(sql)) order.push('consensus query'); return ports.db.rows(sql); } },
      pool: { ...ports.pool, run: (task, input, options) => { if (task === 'resultsEvaluate') order.push('evaluate task'); return ports.pool.run(task, input, options); } },
    });
    await analysis.dataChanged();
    await analysis.run([{ id: 'z-score', params: {} }, { id: 'modified-z-score', params: {} }]);
    order.length = 0;
    await analysis.loadSanctions(new File([sanctionsCsv], 'sanctions.csv'));
    expect(order.indexOf('evaluate task')).toBeGreaterThan(0);
    expect(order.slice(0, order.indexOf('evaluate task'))).toContain('consensus query');
    expect(analysis.view.evaluation?.rows.length).toBeGreaterThan(0);
    connection.closeSync();
  }, 60_000);

  it('with a sanctions list: the evaluation phase, every row, the learned standing in the profile', async () => {
    const { analysis } = setup;
    const phases: string[] = [];
    await analysis.loadSanctions(new File([sanctionsCsv], 'sanctions.csv'), { onProgress: (p) => phases.push(p.phase) });
    const sanctions = analysis.view.sanctions!;
    expect(sanctions.records).toBe(generated.sanctions.length);
    expect(sanctions.dated).toBe(generated.sanctions.length);
    expect(sanctions.dateColumn).toBe('Date of violation');
    expect(sanctions.matchedAthletes).toBeGreaterThan(0);
    expect(phases.some((p) => p.startsWith('Evaluation: scoring 13 methods'))).toBe(true);
    const evaluation = analysis.view.evaluation!;
    expect(evaluation.positives).toBe(sanctions.matchedAthletes);
    expect(evaluation.rows.filter((r) => r.kind === 'detector')).toHaveLength(detectors.length);
    expect(evaluation.rows.filter((r) => r.kind === 'baseline').map((r) => r.method)).toEqual(['baseline-results', 'baseline-best-z', 'baseline-era']);
    expect(evaluation.rows.filter((r) => r.kind === 'supervised').map((r) => r.method)).toEqual(['learned']);
    expect(evaluation.words.length).toBeGreaterThanOrEqual(4);
    const standing = analysis.view.profile!.learned!;
    expect(standing.of).toBe(evaluation.n);
    expect(standing.rank).toBeGreaterThanOrEqual(1);
    expect(standing.why.length).toBeGreaterThan(0);
  });

  it('new settings score again: the performance level has no learned row, an event narrows the table', async () => {
    const { analysis } = setup;
    await analysis.evaluate({ level: 'performance' });
    expect(analysis.view.evaluation!.level).toBe('performance');
    expect(analysis.view.evaluation!.rows.some((r) => r.kind === 'supervised')).toBe(false);
    await analysis.evaluate({ level: 'athlete', event: '400-metres' });
    expect(analysis.view.evaluation!.settings.event).toBe('400-metres');
    const [{ n }] = await setup.db.rows<{ n: number }>("SELECT count(DISTINCT athlete_id)::INTEGER AS n FROM performances WHERE event = '400-metres' AND mark IS NOT NULL AND date IS NOT NULL");
    expect(analysis.view.evaluation!.n).toBe(n);
    await analysis.evaluate({ event: null });
  });

  it("a rejected match is no longer a positive", async () => {
    const { analysis } = setup;
    const before = analysis.view.evaluation!.positives;
    const matched = analysis.view.sanctions!.rows.find((r) => r.status === 'matched' && r.candidates.length === 1)!;
    await analysis.decideMatch(matched.sanctionIndex, null);
    expect(analysis.view.sanctions!.rows.find((r) => r.sanctionIndex === matched.sanctionIndex)!.status).toBe('rejected');
    expect(analysis.view.evaluation!.positives).toBe(before - 1);
  });

  it('a list of every sport keeps only athletics, says how many rows it left out, and keeps them when asked', async () => {
    const { analysis } = setup;
    const known = generated.sanctions.slice(0, 6).map((s) => s.Name);
    const csv = ['Athlete,Sport,Sanction date,Ban end', ...known.map((name, i) => `${cell(name)},${i < 4 ? 'Athletics' : 'Cycling'},2014-03-0${i + 1},2016-03-01`), 'Nobody Known,Weightlifting,2012-01-01,'].join('\n');
    await analysis.loadSanctions(new File([csv], 'all-sports.csv'));
    const sanctions = analysis.view.sanctions!;
    expect(sanctions.records).toBe(4);
    expect(sanctions.otherSports).toEqual({ rows: 3, bySport: { Cycling: 2, Weightlifting: 1 } });
    expect(sanctions.dateColumn).toBe('Sanction date');
    expect(sanctions.rows.every((r) => r.years === '2014')).toBe(true);
    await analysis.setAthleticsOnly(false);
    expect(analysis.view.sanctions!.records).toBe(7);
    expect(analysis.view.sanctions!.athleticsOnly).toBe(false);
    // Still counted, so the switch stays on screen to go back.
    expect(analysis.view.sanctions!.otherSports).toEqual({ rows: 3, bySport: { Cycling: 2, Weightlifting: 1 } });
  });

  it('a change of the data clears the runs, the evaluation and the profile, and matches the sanctions again', async () => {
    const { analysis, db, views } = setup;
    const fingerprint = analysis.fingerprint;
    await db.exec("DELETE FROM performances WHERE event = '400-metres'");
    await analysis.dataChanged();
    expect(analysis.fingerprint).not.toBe(fingerprint);
    const view = views[views.length - 1];
    expect([view.runs.length, view.evaluation, view.profile, view.consensus.length]).toEqual([0, null, null, 0]);
    expect(view.sanctions?.file).toBe('all-sports.csv');
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM anomalies');
    expect(n).toBe(0);
  });

  it('a cancelled run records nothing, and the groups it finished come from the cache in the next run', async () => {
    const { analysis } = setup;
    const controller = new AbortController();
    const run = analysis.run(all, { signal: controller.signal, onProgress: (p) => { if (p.done > 0) controller.abort(); } });
    await expect(run).rejects.toThrow();
    expect(analysis.view.runs).toHaveLength(0);
    await analysis.run(all);
    const runs = analysis.view.runs;
    expect(runs).toHaveLength(detectors.length);
    // The first group finished before the cancel; not every group did.
    for (const r of runs) {
      expect(r.groupsFromCache, r.detectorId).toBeGreaterThanOrEqual(1);
      expect(r.groupsFromCache, r.detectorId).toBeLessThan(r.groups);
    }
    // The stored flags are the new run's alone: none of the cancelled run's groups slipped in.
    const stored = await setup.db.rows<{ detector: string; n: number }>('SELECT detector, count(*)::INTEGER AS n FROM anomalies GROUP BY detector');
    for (const r of runs) expect(stored.find((s) => s.detector === r.detectorId)?.n ?? 0, r.detectorId).toBe(r.flagged);
  });

  it('a run cancelled after some groups\' flags were staged keeps the earlier flags as they were, and leaves no staging table', async () => {
    const { analysis, db } = setup;
    const flagsNow = () => db.rows<{ detector: string; n: number; h: string }>(
      'SELECT detector, count(*)::INTEGER AS n, sum(hash(performance_id, score))::VARCHAR AS h FROM anomalies GROUP BY detector ORDER BY detector');
    const before = await flagsNow();
    expect(before.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThan(0);
    const controller = new AbortController();
    let groupsDone = 0;
    // z-score at another threshold, so the cache cannot answer it: its groups are judged anew, the rest come from the cache; all are staged.
    const changed = all.map((d): DetectorChoice => ({ id: d.id, params: d.id === 'z-score' ? { threshold: 2.5 } : {} }));
    const run = analysis.run(changed, { signal: controller.signal, onProgress: (p) => { if (p.done > 0 && ++groupsDone === 3) controller.abort(); } });
    await expect(run).rejects.toThrow();
    expect(groupsDone).toBeGreaterThanOrEqual(3);
    expect(await flagsNow()).toEqual(before);
    const staging = await db.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'anomaly_staging'");
    expect(staging[0].n).toBe(0);
  });
});
