/**
 * The detector runs of the session. A run of one detector fetches each event and sex's
 * columns from DuckDB once per job (eventFeaturesSql, shared by every detector of the job) as
 * Arrow IPC, sends all groups to the compute pool at once so every worker is busy, turns the
 * scores into flags with the shared rule (flagScores) and stores them in the `anomalies`
 * table. Groups already in the cache are read instead of run. Each run is recorded with the
 * dataset fingerprint it was made on, so a change of the data leaves none that could be
 * mistaken for current; runs go one at a time, since a cancelled one may still be storing.
 */
import { eventGroupLabel } from '../../core/athletics/events';
import { eventFeaturesSql, eventGroupsSql } from '../../core/athletics/resultsSql';
import { flagScores } from '../../core/detectors/flags';
import { resolveParameters } from '../../core/detectors/parameters';
import { getDetector } from '../../core/detectors/registry';
import type { DetectorParameters } from '../../core/detectors/types';
import { CancelledError } from '../dataError';
import { integersOf, ipcOfColumns, readIpc } from './arrowReading';
import { cacheKey } from './detectorCache';
import { groupPerformanceIdsSql, storeAnomaliesSql } from './labSql';
import type { ResultsPorts } from './resultsPorts';
import type { DetectorChoice, DetectorRunSummary, EventSummary, JobOptions } from './results.types';
import type { DetectGroupResult } from './work/detectGroup';

export interface RecordedRun {
  detectorId: string;
  label: string;
  params: DetectorParameters;
  seed: number;
  fingerprint: string;
  summary: DetectorRunSummary;
}

export type RunOptions = JobOptions & { seed?: number; onDetector?: (summary: DetectorRunSummary) => void };

export class DetectorRuns {
  #ports: ResultsPorts;
  #runs = new Map<string, RecordedRun>();
  #running: Promise<unknown> = Promise.resolve();

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
  }

  clear(): void {
    this.#runs.clear();
  }

  /** The runs made on the data with this fingerprint, in the order they finished. */
  current(fingerprint: string): RecordedRun[] {
    return [...this.#runs.values()].filter((r) => r.fingerprint === fingerprint);
  }

  eventGroups(): Promise<EventSummary[]> {
    return this.#ports.db.rows<EventSummary>(eventGroupsSql);
  }

  /** Runs `choices` in turn, after any run before; `onDetector` hears of each as it is stored. */
  run(choices: DetectorChoice[], fingerprint: string, options: RunOptions = {}): Promise<DetectorRunSummary[]> {
    const run = this.#running.catch(() => undefined).then(() => this.#runAll(choices, fingerprint, options));
    this.#running = run;
    return run;
  }

  async #runAll(choices: DetectorChoice[], fingerprint: string, options: RunOptions): Promise<DetectorRunSummary[]> {
    const groups = await this.eventGroups();
    if (groups.length === 0) throw new Error('no results loaded: load a results file first');
    const fetched = new Map<string, Promise<Uint8Array>>();
    const features = (group: EventSummary) => {
      const key = `${group.event}|${group.sex}`;
      if (!fetched.has(key)) fetched.set(key, this.#ports.db.queryIpc(eventFeaturesSql(group.event, group.sex)));
      return fetched.get(key)!;
    };
    const summaries: DetectorRunSummary[] = [];
    for (const choice of choices) {
      options.signal?.throwIfAborted();
      const run = await this.#runOne(choice, groups, fingerprint, options.seed ?? 1, features, options);
      this.#runs.delete(run.detectorId);
      this.#runs.set(run.detectorId, run);
      summaries.push(run.summary);
      options.onDetector?.(run.summary);
    }
    return summaries;
  }

  async #groupIds(group: EventSummary): Promise<Int32Array> {
    return integersOf(readIpc(await this.#ports.db.queryIpc(groupPerformanceIdsSql(group.event, group.sex))), 'performance_id');
  }

  async #runOne(choice: DetectorChoice, groups: EventSummary[], fingerprint: string, seed: number, features: (group: EventSummary) => Promise<Uint8Array>, options: JobOptions): Promise<RecordedRun> {
    const { db, pool, cache } = this.#ports;
    const detector = getDetector(choice.id);
    const params = resolveParameters(detector, choice.params);
    const scope = { fingerprint, detectorId: detector.id, params, seed };
    const started = performance.now();
    let done = 0;
    let fromCache = true;
    const problems: string[] = [];
    const report = (group: EventSummary) =>
      options.onProgress?.({ phase: `${detector.label}: ${eventGroupLabel(group.event, group.sex)}, ${++done} of ${groups.length} groups`, done, total: groups.length });
    const perGroup = await Promise.all(groups.map(async (group): Promise<DetectGroupResult> => {
      const key = cacheKey(scope, group.event, group.sex);
      const cached = await cache.read(key);
      if (cached) {
        const ids = await this.#groupIds(group);
        if (ids.length === cached.scores.length) {
          report(group);
          return { performanceIds: ids, scores: cached.scores, threshold: cached.threshold };
        }
      }
      fromCache = false;
      const bytes = (await features(group)).slice();
      try {
        const result = await pool.run('resultsDetect', { features: bytes, group: { event: group.event, sex: group.sex, direction: group.direction }, detectorId: detector.id, params, seed }, { signal: options.signal });
        await cache.write(key, result.scores.slice(), result.threshold);
        report(group);
        return result;
      } catch (error) {
        if (options.signal?.aborted) throw error;
        // One group the method cannot judge (too few results…) does not stop the others.
        problems.push(`${eventGroupLabel(group.event, group.sex)}: ${(error as Error).message}`);
        report(group);
        const ids = await this.#groupIds(group);
        return { performanceIds: ids, scores: new Float64Array(ids.length).fill(NaN), threshold: Infinity };
      }
    }));
    if (options.signal?.aborted) throw new CancelledError(detector.label);
    const total = perGroup.reduce((s, g) => s + g.scores.length, 0);
    const ids = new Int32Array(total), scores = new Float64Array(total), flagged = new Uint8Array(total), thresholds = new Float64Array(total);
    let offset = 0;
    for (const group of perGroup) {
      ids.set(group.performanceIds, offset);
      scores.set(group.scores, offset);
      flagged.set(flagScores(group.scores, group.threshold), offset);
      thresholds.fill(group.threshold, offset, offset + group.scores.length);
      offset += group.scores.length;
    }
    await db.insertArrow('anomaly_staging', ipcOfColumns({
      performance_id: { kind: 'int', values: ids },
      score: { kind: 'float', values: scores },
      flagged: { kind: 'int', values: flagged },
      threshold: { kind: 'float', values: thresholds },
    }), true);
    for (const statement of storeAnomaliesSql(detector.id, 'anomaly_staging')) await db.exec(statement);
    await db.exec('DROP TABLE anomaly_staging');
    const flaggedCount = flagged.reduce((s, f) => s + f, 0);
    return {
      detectorId: detector.id, label: detector.label, params, seed, fingerprint,
      summary: { detectorId: detector.id, label: detector.label, flagged: flaggedCount, performances: total, milliseconds: performance.now() - started, fromCache, problems },
    };
  }
}
