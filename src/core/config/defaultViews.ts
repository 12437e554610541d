import type { ViewsFile } from './viewSchema';

/**
 * The views a coach gets before loading any file: the efficiency matrix and two variants. The
 * first two leave the scope to the session (riders against riders, or one rider's laps).
 */
export const DEFAULT_VIEWS: ViewsFile = {
  version: 1,
  views: [
    {
      name: 'Efficiency matrix (NP)',
      xData: 'durationS',
      yData: 'normalizedPower',
      xLabel: 'Time (z-score, left = faster)',
      yLabel: 'Normalized Power (z-score)',
      xScale: { min: -3, max: 3 },
      yScale: { min: -3, max: 3 },
      normalisation: 'zScore',
    },
    {
      name: 'Robust matrix (W/kg)',
      xData: 'durationS',
      yData: 'wattsPerKg',
      xLabel: 'Time (modified z-score)',
      yLabel: 'W/kg (modified z-score)',
      xScale: { min: null, max: null },
      yScale: { min: null, max: null },
      normalisation: 'modifiedZScore',
    },
    {
      name: 'Laps against each other',
      xData: 'durationS',
      yData: 'averagePower',
      xLabel: 'Segment time (s)',
      yLabel: 'Average power (W)',
      xScale: { min: 0, max: null },
      yScale: { min: 0, max: null },
      normalisation: 'absolute',
      scope: 'session',
    },
  ],
};
