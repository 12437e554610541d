/**
 * Axis labels for marks, written as the sport writes them: a 1500 m axis reads 3:30, 3:35, not
 * 210, 215; a marathon's reads 2:05:00, not 7500. The ticks a chart picks are round numbers of
 * seconds, so a label carries only the decimals its value needs (at most two).
 */
import { formatMark, type MarkStyle } from './markFormat';

export function markAxisLabel(value: number, style: MarkStyle): string {
  if (!Number.isFinite(value) || value < 0) return '';
  const decimals = [0, 1, 2].find((d) => Math.abs(Number(value.toFixed(d)) - value) < 1e-9) ?? 2;
  if (style === 'hours') return formatMark(Math.round(value), { style: 'hours' });
  if (style === 'points') return formatMark(value, { style: 'points' });
  return formatMark(value, { style, decimals });
}
