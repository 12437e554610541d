/**
 * A seeded synthetic event with planted anomalies, for the detector suite and demos:
 * athletes with a level, an age curve peaking at 27, a few seasons of a few races each,
 * and, for a share of athletes, one season (never their first) in which every race is
 * `boost` better than it should be — the shape a doping season leaves in results.
 */
import { createRandom } from '../stats/random';
import type { EventColumns } from './types';

export interface SyntheticEventOptions {
  seed: number;
  athletes: number;
  direction: 'lower' | 'higher';
  boostedShare?: number; // share of athletes with one boosted season (default 0.05)
  boost?: number; // in noise sds (default 4.5)
  withWind?: boolean;
}

export interface SyntheticEvent { columns: EventColumns; planted: Uint8Array }

export function syntheticEvent(options: SyntheticEventOptions): SyntheticEvent {
  const { seed, athletes, direction, boostedShare = 0.05, boost = 4.5, withWind = true } = options;
  if (!(athletes >= 2)) throw new Error(`invalid athletes: ${athletes}`);
  const random = createRandom(seed);
  const base = direction === 'lower' ? 47 : 60; // a 400 m time or a discus throw
  const noise = direction === 'lower' ? 0.35 : 1.5;
  const levelSpread = direction === 'lower' ? 0.9 : 4;
  const rows: number[][] = []; // athlete, season, day, goodness, age, wind, planted
  for (let a = 0; a < athletes; a++) {
    const level = random.normal() * levelSpread;
    const birthYear = 1975 + random.int(20);
    const firstSeason = birthYear + 18 + random.int(6);
    const seasons = 2 + random.int(6);
    const boosted = random.next() < boostedShare ? firstSeason + 1 + random.int(seasons - 1) : -1;
    for (let season = firstSeason; season < firstSeason + seasons; season++) {
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
    age: new Float64Array(n), improvement: new Float64Array(n), priorCount: new Float64Array(n), wind: new Float64Array(n),
  };
  const planted = new Uint8Array(n);
  const seasonBest = new Map<string, number>();
  for (const [a, season, , goodness] of rows) {
    const key = `${a}:${season}`;
    seasonBest.set(key, Math.max(seasonBest.get(key) ?? -Infinity, goodness));
  }
  let prior = 0;
  rows.forEach(([a, season, day, goodness, age, wind, isPlanted], i) => {
    prior = i > 0 && rows[i - 1][0] === a ? prior + 1 : 0;
    let previous = NaN;
    for (let s = season - 1; s >= season - 10 && Number.isNaN(previous); s--) previous = seasonBest.get(`${a}:${s}`) ?? NaN;
    columns.mark[i] = Math.round((direction === 'lower' ? base - goodness : base + goodness) * 100) / 100;
    columns.athlete[i] = a; columns.season[i] = season; columns.dayNumber[i] = day;
    columns.age[i] = random.next() < 0.1 ? NaN : age; // some birth dates unknown, as in real lists
    columns.improvement[i] = goodness - previous;
    columns.priorCount[i] = prior; columns.wind[i] = wind; planted[i] = isPlanted;
  });
  return { columns, planted };
}
