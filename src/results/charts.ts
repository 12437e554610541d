/**
 * What the Results charts share beyond the app's Chart.js set-up (src/app/components/chart.ts):
 * the palette of methods, the colour of a mark by how many methods flag it, and the shaded
 * sanction periods behind a career.
 */
import type { Plugin } from 'chart.js';

export const palette = ['#3ddc97', '#4ea8ff', '#ffc857', '#ff6b6b', '#c792ea', '#7fdbff', '#ff9f43', '#a3e635', '#f472b6', '#94a3b8', '#e2e8f0', '#fde68a', '#60a5fa'];

/** Colour of a mark by how many methods flag it: none grey, then warmer with more. */
export function flagColour(methods: number): string {
  if (methods === 0) return '#94a3b8';
  return ['#ffc857', '#ff9f43', '#ff6b6b', '#e11d48'][Math.min(methods, 4) - 1];
}

/** Shaded vertical bands (sanction periods) behind the data, in x-axis units. */
export function bandsPlugin(bands: { from: number; to: number }[]): Plugin {
  return {
    id: 'bands',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.fillStyle = 'rgba(255, 107, 107, 0.18)';
      for (const band of bands) {
        const left = Math.max(chartArea.left, scales.x.getPixelForValue(band.from));
        const right = Math.min(chartArea.right, scales.x.getPixelForValue(band.to));
        if (right > left) ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
      }
      ctx.restore();
    },
  };
}
