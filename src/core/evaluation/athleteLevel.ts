/**
 * From performances to athletes: an athlete's score is the highest score of any of
 * their performances, and they are flagged when any performance is. The question at the
 * athlete level is "would this detector have pointed at the people later sanctioned",
 * and one extraordinary mark is enough to point at someone.
 *
 * Athletes are dense integer codes 0..athleteCount−1 (a dictionary encoding done once
 * by the loader), so this is one pass over typed arrays.
 */

export interface AthleteAggregate {
  /** Max performance score per athlete; NaN for an athlete without a scored performance. */
  score: Float64Array;
  /** 1 when any of the athlete's performances is flagged. */
  flagged: Uint8Array;
  /** Number of performances per athlete. */
  performances: Uint32Array;
}

export function checkAthleteCodes(athleteOf: ArrayLike<number>, athleteCount: number): void {
  if (!Number.isInteger(athleteCount) || athleteCount < 0) throw new Error(`invalid athleteCount: ${athleteCount}`);
  for (let i = 0; i < athleteOf.length; i++) {
    const a = athleteOf[i];
    if (!(a >= 0 && a < athleteCount && Number.isInteger(a))) {
      throw new Error(`invalid athlete code at row ${i}: ${a} (expected 0..${athleteCount - 1})`);
    }
  }
}

export function aggregateByAthlete(
  athleteOf: ArrayLike<number>,
  scores: ArrayLike<number>,
  flagged: ArrayLike<number>,
  athleteCount: number,
): AthleteAggregate {
  if (scores.length !== athleteOf.length || flagged.length !== athleteOf.length) {
    throw new Error(`aggregateByAthlete: lengths differ (${athleteOf.length} athletes, ${scores.length} scores, ${flagged.length} flags)`);
  }
  checkAthleteCodes(athleteOf, athleteCount);
  const score = new Float64Array(athleteCount).fill(NaN);
  const athleteFlagged = new Uint8Array(athleteCount);
  const performances = new Uint32Array(athleteCount);
  for (let i = 0; i < athleteOf.length; i++) {
    const a = athleteOf[i];
    performances[a]++;
    const s = scores[i];
    if (!Number.isNaN(s) && !(s <= score[a])) score[a] = s;
    if (flagged[i]) athleteFlagged[a] = 1;
  }
  return { score, flagged: athleteFlagged, performances };
}
