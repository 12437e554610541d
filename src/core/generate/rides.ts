import { createRandom, type Random } from '../stats/random';
import type { FieldExportRide, FieldExportSegment } from '../power/files/fieldExport';
import { createRideStream } from '../power/rideStream';
import { formatSegmentNumber } from '../power/segmentNumber';

/**
 * A seeded mountain-bike session: several riders doing laps of a course of segments
 * (climbs, flats, technical descents), 1 Hz, in the field-export shape. Riders differ in
 * FTP, weight and descending skill, so the efficiency matrix has something to show: a
 * skilled light rider is fast for little power on descents, a strong heavy one buys time
 * with watts on climbs. Power surges at each segment start (out of corners, onto climbs).
 */
export interface GenerateRidesOptions {
  readonly riders: number;
  readonly laps: number;
  /** Segments per lap (default 5). */
  readonly segmentsPerLap?: number;
  readonly seed: number;
  /** Unix seconds of the session start (default 2025-06-01T09:00:00Z). */
  readonly startWallTime?: number;
}

interface CourseSegment {
  readonly lengthM: number;
  /** Rise over run. */
  readonly gradient: number;
  /** 0 (open road) … 1 (tight singletrack): how much skill matters. */
  readonly technicality: number;
}

const MASS_BIKE_KG = 11;
const GRAVITY = 9.81;
const ROLLING = 0.012;
const DRAG_AREA = 0.4;
const AIR_DENSITY = 1.2;

function course(random: Random, segments: number): CourseSegment[] {
  return Array.from({ length: segments }, (_, i) => {
    const kind = i % 3; // climb, flat, descent, repeating
    const gradient = kind === 0 ? 0.04 + 0.05 * random.next() : kind === 1 ? 0.01 * random.normal() : -0.03 - 0.05 * random.next();
    return { lengthM: Math.round(400 + 800 * random.next()), gradient, technicality: kind === 2 ? 0.5 + 0.5 * random.next() : 0.3 * random.next() };
  });
}

/** Steady-state speed for a power on a gradient (Newton on a bike, a few bisection steps). */
function speedFor(watts: number, gradient: number, massKg: number): number {
  const resistance = (v: number) => v * (massKg * GRAVITY * (ROLLING + gradient) + 0.5 * AIR_DENSITY * DRAG_AREA * v * v);
  let lo = 0;
  let hi = 30;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (resistance(mid) < watts) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function generateRideSession(options: GenerateRidesOptions): FieldExportRide[] {
  const { riders, laps, seed } = options;
  const segmentsPerLap = options.segmentsPerLap ?? 5;
  const startWallTime = options.startWallTime ?? Date.UTC(2025, 5, 1, 9) / 1000;
  for (const [name, value] of Object.entries({ riders, laps, segmentsPerLap })) {
    if (!Number.isInteger(value) || value < 1 || value > 1000) throw new Error(`invalid ${name}: ${value}`);
  }
  const random = createRandom(seed);
  const layout = course(random, segmentsPerLap);
  return Array.from({ length: riders }, (_, r) => generateRider(r, layout, laps, startWallTime, createRandom(seed * 1000 + r + 1)));
}

function generateRider(index: number, layout: CourseSegment[], laps: number, startWallTime: number, random: Random): FieldExportRide {
  const ftp = Math.round(220 + 120 * random.next());
  const weightKg = Math.round((56 + 26 * random.next()) * 10) / 10;
  const skill = random.next(); // 0 hesitant … 1 flowing on technical ground
  const mass = weightKg + MASS_BIKE_KG;
  const time: number[] = [];
  const power: number[] = [];
  const cadence: number[] = [];
  const heartRate: number[] = [];
  const speed: number[] = [];
  const distance: number[] = [];
  const segments: FieldExportSegment[] = [];
  let t = 0;
  let travelled = 0;
  let hr = 95;
  for (let lap = 1; lap <= laps; lap++) {
    const fatigue = 1 - 0.03 * (lap - 1) * random.next();
    layout.forEach((segment, s) => {
      const startTime = t;
      const startDistance = travelled;
      const intent = segment.gradient > 0.02 ? 1.05 : segment.gradient < -0.02 ? 0.35 : 0.8;
      const surgeS = 8 + random.int(12);
      while (travelled - startDistance < segment.lengthM) {
        const sinceStart = t - startTime;
        const surge = sinceStart < surgeS ? 1.45 : 1;
        const watts = Math.max(0, ftp * intent * fatigue * surge * (1 + 0.12 * random.normal()));
        const coasting = segment.gradient < -0.02 && random.next() < 0.35;
        const p = coasting ? 0 : Math.round(watts);
        const skillFactor = 1 - segment.technicality * (0.45 - 0.3 * skill);
        const v = Math.max(1.5, speedFor(Math.max(p, 30), segment.gradient, mass) * skillFactor);
        hr += (95 + (85 * p) / ftp - hr) * 0.04;
        time.push(t);
        power.push(p);
        cadence.push(p === 0 ? 0 : Math.round(72 + 18 * Math.min(1.5, p / ftp) + 3 * random.normal()));
        heartRate.push(Math.round(hr));
        speed.push(Math.round(v * 1000) / 1000);
        distance.push(Math.round(travelled * 100) / 100);
        travelled += v;
        t += 1;
      }
      segments.push({ segmentNumber: formatSegmentNumber({ lap, segment: s + 1 }), startTime, durationS: t - startTime, distanceM: Math.round(travelled - startDistance) });
    });
  }
  return {
    rider: { name: `Rider ${index + 1}`, weightKg, ftp },
    startWallTime,
    stream: createRideStream({ time, power, cadence, heartRate, speed, distance }, 1),
    segments,
  };
}
