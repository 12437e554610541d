/**
 * Detectors over every event and sex: each group's features come from DuckDB (window
 * functions, eventFeaturesSql) as Arrow IPC and go to the compute pool, all groups of a
 * detector at once so every worker is busy; scores come back as typed arrays and land in
 * the `anomalies` table. Groups already in the cache are read instead of run.
 */
import { eventFeaturesSql, eventGroupsSql } from '../../core/athletics/resultsSql';
import { getDetector } from '../../core/detectors/registry';
import { resolveParameters } from '../../core/detectors/parameters';
import type { DetectorParameters } from '../../core/detectors/types';
import { CancelledError } from '../dataError';
import { duckDb } from '../duckdb/duckdbClient';
import { ipcOfColumns, readIpc, integersOf } from './arrowReading';
import { computePool } from '../pool/browserPool';
import { cacheKey, readCachedRun, writeCachedRun } from './detectorCache';
import { groupPerformanceIdsSql, storeAnomaliesSql } from './labSql';
import type { DetectorChoice, DetectorRunSummary, EventSummary, JobOptions } from './resultsLab.api';
import type { DetectGroupResult } from './work/detectGroup';

export interface RecordedRun {
  detectorId: string;
  label: string;
  params: DetectorParameters;
  seed: number;
  fingerprint: string;
  summary: DetectorRunSummary;
}

const sexWord = (sex: string) => (sex === 'male' ? 'men' : sex === 'female' ? 'women' : sex);
export const groupName = (group: { event: string; sex: string }) => `${group.event} ${sexWord(group.sex)}`;

export async function eventGroups(): Promise<EventSummary[]> {
  return duckDb().rows<EventSummary>(eventGroupsSql);
}

/** Runs one detector over all groups and stores its scores; returns what the panel shows. */
export async function runOneDetector(
  choice: DetectorChoice,
  groups: EventSummary[],
  fingerprint: string,
  seed: number,
  features: (group: EventSummary) => Promise<Uint8Array>,
  options: JobOptions,
): Promise<RecordedRun> {
  const detector = getDetector(choice.id);
  const params = resolveParameters(detector, choice.params);
  const scope = { fingerprint, detectorId: detector.id, params, seed };
  const started = performance.now();
  let done = 0;
  let fromCache = true;
  const problems: string[] = [];
  const report = (group: EventSummary) =>
    options.onProgress?.({ phase: `${detector.label}: ${groupName(group)}, ${++done} of ${groups.length} groups`, done, total: groups.length });
  const perGroup = await Promise.all(
    groups.map(async (group): Promise<DetectGroupResult> => {
      const key = cacheKey(scope, group.event, group.sex);
      const cached = await readCachedRun(key);
      if (cached) {
        const ids = integersOf(readIpc(await duckDb().queryIpc(groupPerformanceIdsSql(group.event, group.sex))), 'performance_id');
        if (ids.length === cached.scores.length) {
          report(group);
          return { performanceIds: ids, scores: cached.scores, threshold: cached.threshold };
        }
      }
      fromCache = false;
      const bytes = (await features(group)).slice();
      let result: DetectGroupResult;
      try {
        result = await computePool().run(
          'resultsDetect',
          { features: bytes, group: { event: group.event, sex: group.sex, direction: group.direction }, detectorId: detector.id, params, seed },
          { signal: options.signal },
        );
      } catch (error) {
        if (options.signal?.aborted) throw error;
        // One group the method cannot judge (too few results…) does not stop the others.
        problems.push(`${groupName(group)}: ${(error as Error).message}`);
        report(group);
        const ids = integersOf(readIpc(await duckDb().queryIpc(groupPerformanceIdsSql(group.event, group.sex))), 'performance_id');
        return { performanceIds: ids, scores: new Float64Array(ids.length).fill(NaN), threshold: Infinity };
      }
      await writeCachedRun(key, result.scores.slice(), result.threshold);
      report(group);
      return result;
    }),
  );
  if (options.signal?.aborted) throw new CancelledError(`${detector.label}`);
  const total = perGroup.reduce((s, g) => s + g.scores.length, 0);
  const ids = new Int32Array(total);
  const scores = new Float64Array(total);
  const flagged = new Int32Array(total);
  const thresholds = new Float64Array(total);
  let offset = 0;
  let flaggedCount = 0;
  for (const group of perGroup) {
    ids.set(group.performanceIds, offset);
    scores.set(group.scores, offset);
    for (let i = 0; i < group.scores.length; i++) {
      const flag = group.scores[i] >= group.threshold ? 1 : 0;
      flagged[offset + i] = flag;
      flaggedCount += flag;
      thresholds[offset + i] = group.threshold;
    }
    offset += group.scores.length;
  }
  const db = duckDb();
  await db.insertArrow('anomaly_staging', ipcOfColumns({
    performance_id: { kind: 'int', values: ids },
    score: { kind: 'float', values: scores },
    flagged: { kind: 'int', values: flagged },
    threshold: { kind: 'float', values: thresholds },
  }), true);
  for (const statement of storeAnomaliesSql(detector.id, 'anomaly_staging')) await db.exec(statement);
  await db.exec('DROP TABLE anomaly_staging');
  return {
    detectorId: detector.id,
    label: detector.label,
    params,
    seed,
    fingerprint,
    summary: { detectorId: detector.id, label: detector.label, flagged: flaggedCount, performances: total, milliseconds: performance.now() - started, fromCache, problems },
  };
}

/** The features of a group, fetched once per run of several detectors. */
export function featureSource(): (group: EventSummary) => Promise<Uint8Array> {
  const fetched = new Map<string, Promise<Uint8Array>>();
  return (group) => {
    const key = `${group.event}|${group.sex}`;
    if (!fetched.has(key)) fetched.set(key, duckDb().queryIpc(eventFeaturesSql(group.event, group.sex)));
    return fetched.get(key)!;
  };
}
