import { describe, expect, it } from 'vitest';
import { generateResults, resultColumns, type ResultBatch } from './results.ts';
import { parseMarkColumn } from '../athletics/marks.ts';
import { describeEvent } from '../athletics/events.ts';
import { readSanctionList } from '../athletics/sanctions.ts';
import { matchSanctions, matchedAthleteIds } from '../athletics/sanctionMatching.ts';

function collect(rows: number, seed: number, batchSize = 1000): ResultBatch[] {
  return [...generateResults({ rows, seed, batchSize }).batches()];
}

describe('generateResults', () => {
  it('yields exactly the rows asked for, in batches of the size asked for', () => {
    const batches = collect(2500, 1);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    for (const batch of batches) for (const column of resultColumns) expect(batch[column].length).toBe(batch.length);
    expect(collect(0, 1)).toEqual([]);
    expect(() => generateResults({ rows: -1, seed: 1 })).toThrow('invalid rows: -1');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateResults({ rows: 3000, seed: 42, batchSize: 3000 });
    const b = generateResults({ rows: 3000, seed: 42, batchSize: 3000 });
    const [batchA] = [...a.batches()];
    const [batchB] = [...b.batches()];
    expect(batchB.mark).toEqual(batchA.mark);
    expect(batchB.competitor).toEqual(batchA.competitor);
    expect(Array.from(batchB.mark_numeric)).toEqual(Array.from(batchA.mark_numeric));
    expect(b.sanctions).toEqual(a.sanctions);
    // the batches can be walked twice with the same result
    expect([...a.batches()][0].date).toEqual(batchA.date);
    const [other] = [...generateResults({ rows: 3000, seed: 43, batchSize: 3000 }).batches()];
    expect(other.mark).not.toEqual(batchA.mark);
  });

  it('writes marks that parse back to mark_numeric, with DNF-like rows excluded', () => {
    const batches = collect(40_000, 5, 40_000);
    const batch = batches[0];
    const parsed = parseMarkColumn(batch.mark);
    let agree = 0;
    let missing = 0;
    for (let i = 0; i < batch.length; i++) {
      if (Number.isNaN(batch.mark_numeric[i])) missing++;
      else if (Math.abs(parsed.value[i] - batch.mark_numeric[i]) < 1e-6) agree++;
    }
    expect(agree + missing).toBe(batch.length);
    expect(parsed.excluded.invalid).toBe(0);
    const excludedCount = parsed.excluded.DNF + parsed.excluded.DNS + parsed.excluded.DQ + parsed.excluded.NM;
    expect(excludedCount).toBe(missing);
    expect(missing / batch.length).toBeGreaterThan(0.001);
    expect(missing / batch.length).toBeLessThan(0.01);
  });

  it('gives each event its direction, wind where wind counts, and careers that peak in the mid-twenties', () => {
    const [batch] = collect(60_000, 9, 60_000);
    const byEvent = new Map<string, { sum: number; n: number }>();
    const youngVsPeak = { young: [] as number[], peak: [] as number[] };
    for (let i = 0; i < batch.length; i++) {
      const info = describeEvent(batch.discipline[i]);
      expect(info?.name).toBe(batch.discipline[i]);
      expect(batch.wind[i] !== null).toBe(info!.windCounts);
      if (Number.isNaN(batch.mark_numeric[i])) continue;
      if (batch.discipline[i] === 'long-jump' && batch.sex[i] === 'male') {
        if (batch.age_at_event[i] <= 19) youngVsPeak.young.push(batch.mark_numeric[i]);
        if (batch.age_at_event[i] >= 25 && batch.age_at_event[i] <= 27) youngVsPeak.peak.push(batch.mark_numeric[i]);
      }
      const key = `${batch.discipline[i]}|${batch.sex[i]}`;
      const entry = byEvent.get(key) ?? { sum: 0, n: 0 };
      entry.sum += batch.mark_numeric[i];
      entry.n++;
      byEvent.set(key, entry);
    }
    const mean = (key: string): number => byEvent.get(key)!.sum / byEvent.get(key)!.n;
    expect(mean('100-metres|male')).toBeGreaterThan(10);
    expect(mean('100-metres|male')).toBeLessThan(11);
    expect(mean('marathon|female')).toBeGreaterThan(8000); // 2:13:20 and slower
    expect(mean('decathlon|male')).toBeGreaterThan(6500);
    const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(youngVsPeak.peak)).toBeGreaterThan(avg(youngVsPeak.young)); // higher is better in the long jump
  });

  it('lists doped athletes in a sanctions file that the matcher finds in the results', () => {
    const generated = generateResults({ rows: 50_000, seed: 3, batchSize: 50_000 });
    const [batch] = [...generated.batches()];
    expect(generated.sanctions.length).toBeGreaterThan(20);
    const list = readSanctionList(generated.sanctions as unknown as Record<string, string>[]);
    expect(list.problems).toEqual([]);
    const athletes = new Map<string, { id: string; name: string; dob: string | null; nationality: string }>();
    const dopedIds = new Set<string>();
    for (let i = 0; i < batch.length; i++) {
      const id = `${batch.competitor[i]}|${batch.dob[i] ?? ''}`;
      athletes.set(id, { id, name: batch.competitor[i], dob: batch.dob[i], nationality: batch.nationality[i] });
      if (batch.doping_truth[i]) dopedIds.add(id);
    }
    const ids = matchedAthleteIds(matchSanctions(list.records, [...athletes.values()]));
    let sanctionedAndDoped = 0;
    for (const id of ids) if (dopedIds.has(id)) sanctionedAndDoped++;
    // most sanctions land on an athlete who was doped; namesakes make a few ambiguous
    expect(sanctionedAndDoped / list.records.length).toBeGreaterThan(0.8);
  });
});
