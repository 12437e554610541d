import type { TooltipItem } from 'chart.js';
import { Chart, readChartInk } from '../app/components/chart';
import type { ChartView } from '../core/config/index';
import type { MatrixPoint, MatrixView } from '../core/power/index';
import { quadrantPlugin } from './quadrantPlugin';
import { centreOf, syncTrail, trailsByRider, type ChartPoint } from './matrixData';

/** What one drawing of the matrix shows. */
export interface MatrixFrame {
  readonly points: readonly MatrixPoint[];
  readonly riders: readonly { readonly id: string; readonly name: string; readonly colour: string }[];
  readonly view: ChartView;
  readonly matrixView: MatrixView;
  readonly courseSegment: number | null;
}

/**
 * The efficiency matrix on a canvas (Chart.js, built once, updated in place). Cheap on purpose
 * — it is the gate → drawn path: nothing is redrawn when neither the points nor the view
 * changed, data arrays are updated in place (only changed points), point radii are reused,
 * and the legend is HTML, not measured by Chart.js. Text is 14 px (16 px in sunlight) in the
 * page's text colour, read only when the theme changes (getComputedStyle forces a style pass).
 */
export class MatrixChart {
  readonly #canvas: HTMLCanvasElement;
  readonly #chart: Chart<'scatter', ChartPoint[]>;
  #centre = { x: 0, y: 0 };
  #lastPoints: readonly MatrixPoint[] | null = null;
  #lastKey = '';
  #lastTheme: string | null = null;
  #ink = 'rgb(60, 60, 60)';
  #fontPx = 14;

  constructor(canvas: HTMLCanvasElement, tooltip: (point: MatrixPoint) => string[]) {
    this.#canvas = canvas;
    this.#chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { type: 'linear', title: { display: true, text: '' }, ticks: {} }, y: { type: 'linear', title: { display: true, text: '' }, ticks: {} } },
        plugins: { tooltip: { callbacks: { label: (item: TooltipItem<'scatter'>) => tooltip((item.raw as ChartPoint).point) } }, legend: { display: false } },
      },
      plugins: [quadrantPlugin(() => this.#centre, () => this.#ink, () => this.#fontPx)],
    });
  }

  get ink(): string {
    return this.#ink;
  }
  get fontPx(): number {
    return this.#fontPx;
  }

  /** Draws the frame; false when nothing had changed (no work done). */
  draw(frame: MatrixFrame): boolean {
    const themeChanged = this.#readTheme();
    const { view, riders } = frame;
    const key = `${JSON.stringify(frame.matrixView)}|${frame.courseSegment}|${view.xLabel}|${view.yLabel}|${JSON.stringify(view.xScale)}|${JSON.stringify(view.yScale)}|${riders.map((r) => r.id + r.name + r.colour).join(',')}`;
    if (frame.points === this.#lastPoints && key === this.#lastKey && !themeChanged) return false;
    const trails = trailsByRider(frame.points, riders.map((r) => r.id), frame.courseSegment);
    const absolute = frame.matrixView.normalisation === 'absolute';
    this.#centre = centreOf(absolute ? trails.flat() : [], absolute);
    const datasets = this.#chart.data.datasets;
    riders.forEach((rider, i) => {
      const dataset = (datasets[i] ??= { label: rider.name, data: [], showLine: true, borderWidth: 1.5, pointRadius: [] as number[], parsing: false });
      dataset.label = rider.name;
      dataset.borderColor = rider.colour;
      dataset.backgroundColor = rider.colour;
      if (syncTrail(dataset.data, trails[i])) {
        // The latest segment of each rider is drawn larger: the head of the trail.
        const radii = (Array.isArray(dataset.pointRadius) ? dataset.pointRadius : []) as number[];
        radii.length = trails[i].length;
        for (let k = 0; k < radii.length; k++) radii[k] = k === radii.length - 1 ? 8 : 4;
        dataset.pointRadius = radii;
      }
    });
    datasets.length = riders.length;
    if (key !== this.#lastKey || themeChanged) this.#axes(view);
    this.#chart.update('none');
    this.#lastPoints = frame.points;
    this.#lastKey = key;
    return true;
  }

  destroy(): void {
    this.#chart.destroy();
  }

  #readTheme(): boolean {
    const theme = document.documentElement.dataset.theme ?? '';
    if (theme === this.#lastTheme) return false;
    this.#lastTheme = theme;
    ({ colour: this.#ink, fontPx: this.#fontPx } = readChartInk(this.#canvas));
    return true;
  }

  #axes(view: ChartView): void {
    const scales = this.#chart.options.scales!;
    for (const axis of [scales.x!, scales.y!] as { ticks: { color?: string; font?: object }; title: { color?: string; font?: object; text?: string } }[]) {
      axis.ticks.color = this.#ink;
      axis.ticks.font = { size: this.#fontPx };
      axis.title.color = this.#ink;
      axis.title.font = { size: this.#fontPx, weight: 'bold' };
    }
    scales.x!.min = view.xScale.min ?? undefined;
    scales.x!.max = view.xScale.max ?? undefined;
    scales.y!.min = view.yScale.min ?? undefined;
    scales.y!.max = view.yScale.max ?? undefined;
    (scales.x as { title: { text: string } }).title.text = view.xLabel;
    (scales.y as { title: { text: string } }).title.text = view.yLabel;
  }
}
