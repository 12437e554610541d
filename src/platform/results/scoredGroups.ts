/**
 * The detectors' scores of the session, in memory, by event and sex: each group's
 * performances (ids, athletes, seasons, marks: what the evaluation reads beside the scores)
 * and every run's scores and flags in the group's row order. DuckDB keeps only the flagged
 * performances (the `anomalies` table, which the consensus, the profiles and the export
 * query); the evaluation reads every score from here instead of pivoting millions of rows.
 * Kept for one dataset (its fingerprint); a change of the data starts a new one.
 */
import { flagInto } from '../../core/detectors/flags';
import type { ScoredPerformances } from '../../core/evaluation/evaluationInput';
import type { EventGroupKey } from './work/eventGroupColumns';

export interface GroupPerformances {
  key: EventGroupKey;
  performanceIds: Int32Array;
  athleteIds: Int32Array;
  seasons: Int32Array;
  marks: Float64Array;
}

/** One detector's judgement of one group: scores and the threshold that flags, or why it could not judge. */
export type GroupScores = { scores: Float64Array; threshold: number } | { problem: string };

export class ScoredGroups {
  readonly fingerprint: string;
  #groups = new Map<string, GroupPerformances>();
  /** Detector id → group key → its scores. */
  #scores = new Map<string, Map<string, GroupScores>>();

  constructor(fingerprint: string) {
    this.fingerprint = fingerprint;
  }

  static keyOf(group: Pick<EventGroupKey, 'event' | 'sex'>): string {
    return `${group.event}|${group.sex}`;
  }

  group(key: string): GroupPerformances | undefined {
    return this.#groups.get(key);
  }

  addGroup(group: GroupPerformances): GroupPerformances {
    this.#groups.set(ScoredGroups.keyOf(group.key), group);
    return group;
  }

  /** A detector's new run replaces its earlier one, group by group as the run delivers them. */
  setScores(detectorId: string, byGroup: Map<string, GroupScores>): void {
    this.#scores.set(detectorId, byGroup);
  }

  forget(detectorId: string): void {
    this.#scores.delete(detectorId);
  }

  /**
   * The table the core's evaluation reads (evaluationInput.ts) for these detectors, over every
   * group or one event's: performances in group order, a detector's scores NaN and unflagged
   * where it could not judge a group.
   */
  table(detectors: { id: string; label: string }[], event: string | null = null): Omit<ScoredPerformances, 'sanctions'> {
    const groups = [...this.#groups.entries()].filter(([, g]) => event === null || g.key.event === event);
    const n = groups.reduce((sum, [, g]) => sum + g.performanceIds.length, 0);
    const athleteOf = new Int32Array(n), season = new Int32Array(n), groupOf = new Int32Array(n), marks = new Float64Array(n);
    const columns = detectors.map((d) => ({ id: d.id, label: d.label, scores: new Float64Array(n).fill(NaN), flagged: new Uint8Array(n) }));
    let at = 0;
    groups.forEach(([key, group], g) => {
      const size = group.performanceIds.length;
      athleteOf.set(group.athleteIds, at); season.set(group.seasons, at); marks.set(group.marks, at);
      groupOf.fill(g, at, at + size);
      columns.forEach((column) => {
        const judged = this.#scores.get(column.id)?.get(key);
        if (!judged || !('scores' in judged)) return;
        column.scores.set(judged.scores, at);
        flagInto(column.flagged, at, judged.scores, judged.threshold);
      });
      at += size;
    });
    return { athleteOf, season, groupOf, marks, higherIsBetter: groups.map(([, g]) => (g.key.direction === 'higher' ? 1 : 0)), detectors: columns };
  }
}
