/**
 * The detector runs of the session. A run takes every event and sex group once: its columns
 * come from DuckDB as Arrow IPC, are read into typed arrays here and transferred to one
 * compute task that runs every chosen detector over them, so the context the detectors share
 * (performanceContext.ts) is computed once per group and run, where the columns are. Groups
 * go to the pool largest first, all at once, with a worker on every core while the run lasts
 * (ResultsPool.everyCore). A group and detector found in the cache is read instead of run.
 * The scores stay in memory for the evaluation (ScoredGroups); each group's flagged
 * performances are staged in DuckDB as soon as the group is judged, while the workers judge
 * the rest (writing all 213,000 flags of the 1M-row bench file after the last group took
 * 0.6 s of a 6 s run), and replace the detectors' earlier flags in `anomalies` at the end.
 * Each run is recorded with the dataset fingerprint it was made on, so a change of the data
 * leaves none that could be mistaken for current; runs go one at a time. A cancelled run
 * records nothing, but the groups it finished are in the cache for the next.
 *
 * The cache is written when the caller says the run's work is over (saveToCache), not while
 * it goes on: a million rows' scores are about 100 MB for IndexedDB, and writing them beside
 * the flags' insert and the evaluation took the two cores from both (the insert of 213,000
 * flags waited 3.8 s instead of 0.04 s, measured in the app over the 1M-row bench file).
 */
import { eventGroupLabel } from '../../core/athletics/events';
import { eventFeaturesSql, eventGroupsSql } from '../../core/athletics/resultsSql';
import { countFlagged, flaggedIndices } from '../../core/detectors/flags';
import { resolveParameters } from '../../core/detectors/parameters';
import { getDetector } from '../../core/detectors/registry';
import type { DetectorParameters } from '../../core/detectors/types';
import { CancelledError } from '../dataError';
import { ipcOfColumns } from './arrowReading';
import { cacheKey } from './detectorCache';
import { createStagingSql, storeAnomaliesSql } from './labSql';
import type { ResultsPorts } from './resultsPorts';
import type { DetectorChoice, DetectorRunSummary, EventSummary, JobOptions } from './results.types';
import { ScoredGroups, type GroupScores } from './scoredGroups';
import { eventGroupColumns } from './work/eventGroupColumns';

export interface RecordedRun {
  detectorId: string;
  label: string;
  params: DetectorParameters;
  seed: number;
  fingerprint: string;
  summary: DetectorRunSummary;
}

export type RunOptions = JobOptions & { seed?: number; onDetector?: (summary: DetectorRunSummary) => void };

type CacheEntry = { key: string; scores: Float64Array; threshold: number };

/** Where a run's flags wait until the run is done (see #stageFlags). */
const STAGING = 'anomaly_staging';

interface FlagStaging {
  /** Appends a judged group's flagged performances, one entry per chosen detector (undefined: not judged). */
  add(performanceIds: Int32Array, judged: (GroupScores | undefined)[]): void;
  /** Makes the staged flags the detectors' flags in `anomalies`, in place of their earlier ones. */
  store(): Promise<void>;
  /** Removes the staging table, whatever happened; nothing is staged after it. */
  drop(): Promise<void>;
}

export class DetectorRuns {
  #ports: ResultsPorts;
  #runs = new Map<string, RecordedRun>();
  #running: Promise<unknown> = Promise.resolve();
  #scored: ScoredGroups | null = null;
  /** Cache entries are written after a run's work is over (saveToCache); the next run reads after them. */
  #cacheWrites: Promise<unknown> = Promise.resolve();
  /** Judged groups not yet handed to the cache. */
  #unsaved: CacheEntry[] = [];

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
  }

  clear(): void {
    this.#runs.clear();
    this.#scored = null;
  }

  /** The runs made on the data with this fingerprint, in the order they finished. */
  current(fingerprint: string): RecordedRun[] {
    return [...this.#runs.values()].filter((r) => r.fingerprint === fingerprint);
  }

  /** Every score of the current runs, for the evaluation. */
  scored(fingerprint: string): ScoredGroups | null {
    return this.#scored?.fingerprint === fingerprint ? this.#scored : null;
  }

  eventGroups(): Promise<EventSummary[]> {
    return this.#ports.db.rows<EventSummary>(eventGroupsSql);
  }

  /**
   * Writes the judged groups not yet in the cache, after any write before; resolves when
   * they are written (or the cache refused them: it is only an optimisation).
   */
  saveToCache(): Promise<unknown> {
    const entries = this.#unsaved;
    this.#unsaved = [];
    if (entries.length > 0) this.#cacheWrites = this.#cacheWrites.then(() => this.#ports.cache.write(entries));
    return this.#cacheWrites;
  }

  /** Runs `choices` together, after any run before; `onDetector` hears of each as it is stored. */
  run(choices: DetectorChoice[], fingerprint: string, options: RunOptions = {}): Promise<DetectorRunSummary[]> {
    const run = this.#running.catch(() => undefined).then(() => this.#runAll(choices, fingerprint, options));
    this.#running = run;
    return run;
  }

  async #runAll(choices: DetectorChoice[], fingerprint: string, options: RunOptions): Promise<DetectorRunSummary[]> {
    const { db, pool, cache } = this.#ports;
    const groups = await this.eventGroups();
    if (groups.length === 0) throw new Error('no results loaded: load a results file first');
    if (this.#scored?.fingerprint !== fingerprint) this.#scored = new ScoredGroups(fingerprint);
    const scored = this.#scored;
    const seed = options.seed ?? 1;
    const chosen = choices.map((choice) => {
      const detector = getDetector(choice.id);
      const params = resolveParameters(detector, choice.params);
      return { detector, params, scope: { fingerprint, detectorId: detector.id, params, seed } };
    });
    const started = performance.now();
    const byDetector = chosen.map(() => new Map<string, GroupScores>());
    const cachedGroups = chosen.map(() => 0), workerMs = chosen.map(() => 0);
    let contextMs = 0;
    const performances = groups.reduce((sum, g) => sum + g.performances, 0);
    let doneGroups = 0, donePerformances = 0;
    // What an earlier run judged is in the cache before this one reads it.
    await this.saveToCache();
    const staging = await this.#stageFlags(chosen.map((c) => c.detector.id));
    const judge = async (group: EventSummary): Promise<void> => {
      const key = ScoredGroups.keyOf(group);
      const groupKey = { event: group.event, sex: group.sex, direction: group.direction };
      const keys = chosen.map((c) => cacheKey(c.scope, group.event, group.sex));
      const cached = await cache.read(keys);
      let known = scored.group(key);
      const usable = (d: number) => cached[d] !== null && known !== undefined && cached[d]!.scores.length === known.performanceIds.length;
      let needed: number[] = [];
      if (!known || !chosen.every((_, d) => usable(d))) {
        options.signal?.throwIfAborted();
        const readColumns = async () => eventGroupColumns(await db.queryIpc(eventFeaturesSql(group.event, group.sex)), groupKey);
        const { columns, performanceIds } = await readColumns();
        known ??= scored.addGroup({ key: groupKey, performanceIds, athleteIds: columns.athlete.slice(), seasons: columns.season.slice(), marks: columns.mark.slice() });
        needed = chosen.map((_, d) => d).filter((d) => !usable(d));
        if (needed.length > 0) {
          options.signal?.throwIfAborted();
          const detectors = needed.map((d) => ({ id: chosen[d].detector.id, params: chosen[d].params }));
          const input = ({ mark, athlete, season, dayNumber, age, wind }: typeof columns) => ({ group: groupKey, columns: { mark, athlete, season, dayNumber, age, wind }, detectors, seed });
          // Should the worker die, DuckDB is asked again rather than the page keeping a copy.
          const judged = await pool.run('resultsDetect', input(columns), { signal: options.signal, retryInput: async () => input((await readColumns()).columns) });
          contextMs += judged.contextMilliseconds;
          judged.runs.forEach((result, j) => {
            const d = needed[j];
            workerMs[d] += result.milliseconds;
            if ('problem' in result) {
              byDetector[d].set(key, { problem: `${eventGroupLabel(group.event, group.sex)}: ${result.problem}` });
              return;
            }
            byDetector[d].set(key, { scores: result.scores, threshold: result.threshold });
            // Kept for the cache as it is judged, so a cancelled run's finished groups are saved too.
            this.#unsaved.push({ key: keys[d], scores: result.scores, threshold: result.threshold });
          });
        }
      }
      chosen.forEach((_, d) => {
        if (needed.includes(d)) return;
        byDetector[d].set(key, cached[d]!);
        cachedGroups[d]++;
      });
      staging.add(known.performanceIds, byDetector.map((judged) => judged.get(key)));
      doneGroups++;
      donePerformances += group.performances;
      options.onProgress?.({
        phase: `Detectors (${chosen.length}): ${eventGroupLabel(group.event, group.sex)}, ${doneGroups} of ${groups.length} event groups`,
        done: donePerformances, total: performances,
      });
    };
    try {
      await pool.everyCore(() => Promise.all(groups.map(judge)));
      if (options.signal?.aborted) throw new CancelledError('Detectors');
      await staging.store();
    } finally {
      await staging.drop();
    }
    const milliseconds = performance.now() - started;
    return chosen.map((c, d) => {
      scored.setScores(c.detector.id, byDetector[d]);
      let flagged = 0;
      const problems: string[] = [];
      for (const judged of byDetector[d].values()) {
        if ('problem' in judged) problems.push(judged.problem);
        else flagged += countFlagged(judged.scores, judged.threshold);
      }
      const summary: DetectorRunSummary = {
        detectorId: c.detector.id, label: c.detector.label, flagged, performances, milliseconds, workerMilliseconds: workerMs[d], contextMilliseconds: contextMs,
        fromCache: cachedGroups[d] === groups.length, groupsFromCache: cachedGroups[d], groups: groups.length, problems,
      };
      this.#runs.delete(c.detector.id);
      this.#runs.set(c.detector.id, { detectorId: c.detector.id, label: c.detector.label, params: c.params, seed, fingerprint, summary });
      options.onDetector?.(summary);
      return summary;
    });
  }

  /**
   * A staging table for the run's flags: `add` appends a judged group's flagged performances
   * (queued behind the engine's other work, so the page does not wait for it), `store` makes
   * them the detectors' flags in `anomalies` in place of their earlier ones, and `drop` removes
   * the staging table whatever happened, so a cancelled or failed run leaves the earlier flags.
   */
  async #stageFlags(detectorIds: string[]): Promise<FlagStaging> {
    const { db } = this.#ports;
    await db.exec(createStagingSql(STAGING));
    let appended: Promise<void> = Promise.resolve();
    // A cancelled run's groups can still finish after drop(), even after the next run made its
    // own staging table: once closed, this run's flags are not written anywhere.
    let open = true;
    return {
      add(performanceIds, judged) {
        if (!open) return;
        const detector: string[] = [], ids: number[] = [], scores: number[] = [], thresholds: number[] = [];
        judged.forEach((group, d) => {
          if (!group || 'problem' in group) return;
          for (const i of flaggedIndices(group.scores, group.threshold)) {
            detector.push(detectorIds[d]); ids.push(performanceIds[i]); scores.push(group.scores[i]); thresholds.push(group.threshold);
          }
        });
        if (ids.length === 0) return;
        const ipc = ipcOfColumns({
          detector: { kind: 'text', values: detector },
          performance_id: { kind: 'int', values: ids },
          score: { kind: 'float', values: scores },
          flagged: { kind: 'int', values: new Int32Array(ids.length).fill(1) },
          threshold: { kind: 'float', values: thresholds },
        });
        appended = appended.then(() => db.insertArrow(STAGING, ipc, false));
        appended.catch(() => undefined); // awaited by store(); marked handled until then
      },
      async store() {
        await appended;
        for (const statement of storeAnomaliesSql(detectorIds, STAGING)) await db.exec(statement);
      },
      async drop() {
        open = false;
        await appended.catch(() => undefined);
        await db.exec(`DROP TABLE IF EXISTS ${STAGING}`).catch(() => undefined);
      },
    };
  }
}
