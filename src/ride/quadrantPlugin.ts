import type { Chart, Plugin } from 'chart.js';
import { QUADRANT_LABELS, type Quadrant } from '../core/power/index';

export interface QuadrantCentre {
  x: number;
  y: number;
}

const SHADES: Record<Quadrant, string> = {
  efficient: 'rgba(44, 160, 44, 0.12)',
  powerful: 'rgba(31, 119, 180, 0.10)',
  wasteful: 'rgba(214, 39, 40, 0.12)',
  conserving: 'rgba(127, 127, 127, 0.10)',
};

/**
 * Shades and labels the four quadrants around the centre (0 for z-scores, the medians for
 * absolute values): left is faster, up is more power. Drawn on the canvas, so no markup.
 */
export function quadrantPlugin(centre: () => QuadrantCentre, ink: () => string, fontPx: () => number): Plugin<'scatter'> {
  return {
    id: 'tracksideQuadrants',
    beforeDatasetsDraw(chart: Chart<'scatter'>) {
      const { ctx, chartArea: area, scales } = chart;
      const c = centre();
      const cx = Math.min(Math.max(scales.x.getPixelForValue(c.x), area.left), area.right);
      const cy = Math.min(Math.max(scales.y.getPixelForValue(c.y), area.top), area.bottom);
      const boxes: [Quadrant, number, number, number, number, CanvasTextAlign, 'top' | 'bottom'][] = [
        ['powerful', area.left, area.top, cx - area.left, cy - area.top, 'left', 'top'],
        ['wasteful', cx, area.top, area.right - cx, cy - area.top, 'right', 'top'],
        ['efficient', area.left, cy, cx - area.left, area.bottom - cy, 'left', 'bottom'],
        ['conserving', cx, cy, area.right - cx, area.bottom - cy, 'right', 'bottom'],
      ];
      ctx.save();
      ctx.font = `600 ${fontPx()}px system-ui, sans-serif`;
      // Labels take the page's text colour (ink) (the sunlight theme is black on white) and shrink
      // to one word when a quadrant is too narrow for the sentence (a 360 px phone).

      for (const [quadrant, x, y, w, h, align, baseline] of boxes) {
        ctx.fillStyle = SHADES[quadrant];
        ctx.fillRect(x, y, w, h);
        ctx.fillStyle = ink();
        ctx.textAlign = align;
        ctx.textBaseline = baseline;
        const label = [QUADRANT_LABELS[quadrant], quadrant].find((text) => ctx.measureText(text).width <= w - 12);
        if (label && h >= fontPx() + 8) ctx.fillText(label, align === 'left' ? x + 6 : x + w - 6, baseline === 'top' ? y + 6 : y + h - 6);
      }
      ctx.restore();
    },
  };
}
