/**
 * The efficiency matrix: x = normalised time (left = faster), y = normalised power (down =
 * less power). In a coach's words:
 * - 'efficient'  — faster with less power: good lines, good skills, free speed.
 * - 'powerful'   — faster with more power: the watts bought the time.
 * - 'wasteful'   — slower despite more power: power lost to lines, braking, traction.
 * - 'conserving' — slower with less power: holding back, or fading.
 * A point on an axis counts on the faster / less-power side (benefit of the doubt). The
 * centre is 0 for z-scores; for absolute values pass the group's medians.
 */
export type Quadrant = 'efficient' | 'powerful' | 'wasteful' | 'conserving';

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  efficient: 'Faster with less power',
  powerful: 'Faster with more power',
  wasteful: 'Slower with more power',
  conserving: 'Slower with less power',
};

export function quadrantOf(x: number, y: number, centre: { x: number; y: number } = { x: 0, y: 0 }): Quadrant | null {
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  const faster = x <= centre.x;
  const lessPower = y <= centre.y;
  if (faster) return lessPower ? 'efficient' : 'powerful';
  return lessPower ? 'conserving' : 'wasteful';
}
