/**
 * A seeded synthetic event with planted anomalies, for the detector suite and demos:
 * athletes with a level, an age curve peaking at 27, a few seasons of a few races each, some
 * careers broken by a gap of two or three seasons, and, for a share of athletes, one
 * season boosted `boost` noise-sds above what it should be — the shape a doping season leaves
 * in results. Where the boost sits is the pattern: a season after the first
 * (`boosted-season`), the first season (`arrival`), a season past 29 (`late-surge`) or the
 * season after a gap (`return`).
 */
import { createRandom } from '../stats/random';
import type { EventColumns } from './types';

export type PlantedPattern = 'boosted-season' | 'arrival' | 'late-surge' | 'return';

export interface SyntheticEventOptions {
  seed: number;
  athletes: number;
  direction: 'lower' | 'higher';
  plant?: PlantedPattern; // default 'boosted-season'
  boostedShare?: number; // share of athletes with one boosted season (default 0.05)
  boost?: number; // in noise sds (default 4.5)
  withWind?: boolean;
}

export interface SyntheticEvent { columns: EventColumns; planted: Uint8Array }

export function syntheticEvent(options: SyntheticEventOptions): SyntheticEvent {
  const { seed, athletes, direction, plant = 'boosted-season', boostedShare = 0.05, boost = 4.5, withWind = true } = options;
  if (!(athletes >= 2)) throw new Error(`invalid athletes: ${athletes}`);
  const random = createRandom(seed);
  const base = direction === 'lower' ? 47 : 60; // a 400 m time or a discus throw
  const noise = direction === 'lower' ? 0.35 : 1.5;
  const levelSpread = direction === 'lower' ? 0.9 : 4;
  const rows: number[][] = []; // athlete, season, day, goodness, age, wind, planted
  for (let a = 0; a < athletes; a++) {
    const level = random.normal() * levelSpread;
    const birthYear = 1975 + random.int(20);
    const planted = random.next() < boostedShare;
    const late = planted && plant === 'late-surge';
    const firstSeason = birthYear + (late ? 24 + random.int(4) : 18 + random.int(6));
    const count = late ? 6 + random.int(3) : 2 + random.int(6);
    const seasons: number[] = [];
    // A gap of two or three seasons breaks some careers (injury, a season out of the lists).
    const gapAfter = (planted && plant === 'return') || random.next() < 0.15 ? 1 + random.int(Math.max(1, count - 1)) : -1;
    for (let k = 0, season = firstSeason; k < count; k++, season++) {
      if (k === gapAfter) season += 2 + random.int(2);
      seasons.push(season);
    }
    let boosted = -1;
    if (planted) {
      if (plant === 'arrival') boosted = seasons[0];
      else if (plant === 'return') boosted = seasons[Math.min(gapAfter, seasons.length - 1)];
      else if (plant === 'late-surge') boosted = seasons.find((s) => s - birthYear >= 30) ?? seasons[seasons.length - 1];
      else boosted = seasons[1 + random.int(seasons.length - 1)];
    }
    for (const season of seasons) {
      const races = 3 + random.int(6);
      for (let r = 0; r < races; r++) {
        const day = Math.floor((Date.UTC(season, 3, 1) / 86_400_000) + random.int(180));
        const age = (day - Date.UTC(birthYear, random.int(12), 1) / 86_400_000) / 365.25;
        const wind = withWind ? Math.round((random.normal() * 1.2 + 0.4) * 10) / 10 : NaN;
        const curve = -0.012 * (age - 27) ** 2 * (levelSpread / 0.9);
        const lift = season === boosted ? boost * noise : 0;
        rows.push([a, season, day, level + curve + lift + random.normal() * noise + (withWind ? 0.05 * wind : 0), age, wind, season === boosted ? 1 : 0]);
      }
    }
  }
  rows.sort((x, y) => x[0] - y[0] || x[2] - y[2]);
  const n = rows.length;
  const columns: EventColumns = {
    event: direction === 'lower' ? '400-metres' : 'discus-throw', sex: 'male', direction,
    mark: new Float64Array(n), athlete: new Int32Array(n), season: new Int32Array(n), dayNumber: new Float64Array(n),
    age: new Float64Array(n), wind: new Float64Array(n),
  };
  const planted = new Uint8Array(n);
  rows.forEach(([a, season, day, goodness, age, wind, isPlanted], i) => {
    columns.mark[i] = Math.round((direction === 'lower' ? base - goodness : base + goodness) * 100) / 100;
    columns.athlete[i] = a; columns.season[i] = season; columns.dayNumber[i] = day;
    columns.age[i] = random.next() < 0.1 ? NaN : age; // some birth dates unknown, as in real lists
    columns.wind[i] = wind; planted[i] = isPlanted;
  });
  return { columns, planted };
}
