/**
 * Chart.js set up once for the whole app: every controller, element and scale a workspace
 * draws with is registered here (tree-shaken: nothing else is bundled), and one Svelte action
 * keeps a chart on a canvas in step with its configuration. Text is drawn in the page's own
 * text colour at 14 px (16 px in the sunlight theme), so a chart reads outdoors as the page
 * does; a theme change redraws every chart. Chart.js draws on canvas and compiles no code at
 * run time, so it lives with the app's Content-Security-Policy.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement,
  LogarithmicScale, PointElement, ScatterController, Tooltip, type ChartConfiguration,
} from 'chart.js';

Chart.register(
  BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement,
  LogarithmicScale, PointElement, ScatterController, Tooltip,
);

export { Chart };

/** The ink charts draw text with: the page's text colour, and a size that reads at arm's length. */
export interface ChartInk {
  colour: string;
  fontPx: number;
}

/** Reads the ink from the page (a style read: call it when the theme changes, not per frame). */
export function readChartInk(element: Element): ChartInk {
  const sunlight = document.documentElement.dataset.theme === 'sunlight';
  return { colour: getComputedStyle(element).color || '#000', fontPx: sunlight ? 16 : 14 };
}

/** Calls back when the theme changes (the `data-theme` attribute of the page); returns the stop. */
export function onThemeChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function build(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  const ink = readChartInk(canvas);
  // Defaults, not the configuration: a chart's own colours for a line or a legend still win.
  Chart.defaults.color = ink.colour;
  Chart.defaults.font.size = ink.fontPx;
  return new Chart(canvas, config);
}

/** Svelte action: a chart on this canvas, rebuilt when its configuration or the theme changes. */
export function chart(canvas: HTMLCanvasElement, config: ChartConfiguration) {
  let current = config;
  let instance = build(canvas, current);
  const rebuild = () => {
    instance.destroy();
    instance = build(canvas, current);
  };
  const stop = onThemeChange(rebuild);
  return {
    update(next: ChartConfiguration) {
      current = next;
      rebuild();
    },
    destroy() {
      stop();
      instance.destroy();
    },
  };
}
