/**
 * JSON Schema of a chart-view file (YAML on disk). A view names the segment metrics on
 * each axis, their labels and their scales (null = automatic). coach/squad mark curated view
 * sets, at file level or per view. The schema is compiled at build time into
 * viewsValidator.generated.js (scripts/build-validators.ts): the app's Content-Security-Policy
 * forbids the `new Function` that ajv would use at run time.
 * Keep to keywords whose standalone code needs no runtime helper (no minLength/maxLength:
 * they pull in ajv's ucs2length through require); `pattern: '\\S'` says "not blank".
 */
export const VIEW_DATA_FIELDS = [
  'durationS',
  'recordedS',
  'averagePower',
  'normalizedPower',
  'intensityFactor',
  'trainingStressScore',
  'wattsPerKg',
  'normalizedWattsPerKg',
  'variabilityIndex',
  'averageCadence',
  'averageHeartRate',
  'averageSpeed',
  'distanceM',
] as const;

const text = { type: 'string', pattern: '\\S' } as const;
const scale = {
  type: 'object',
  additionalProperties: false,
  required: ['min', 'max'],
  properties: { min: { type: ['number', 'null'] }, max: { type: ['number', 'null'] } },
} as const;

export const viewSchema = {
  $id: 'https://trackside.local/schemas/views.json',
  type: 'object',
  additionalProperties: false,
  required: ['views'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    coach: text,
    squad: text,
    views: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'xData', 'yData', 'xLabel', 'yLabel', 'xScale', 'yScale'],
        properties: {
          name: text,
          xData: { enum: VIEW_DATA_FIELDS },
          yData: { enum: VIEW_DATA_FIELDS },
          xLabel: { type: 'string' },
          yLabel: { type: 'string' },
          xScale: scale,
          yScale: scale,
          normalisation: { enum: ['zScore', 'modifiedZScore', 'absolute'] },
          scope: { enum: ['segment', 'session', 'rider'] },
          coach: text,
          squad: text,
        },
      },
    },
  },
} as const;

export type ViewDataField = (typeof VIEW_DATA_FIELDS)[number];

export interface AxisScale {
  readonly min: number | null;
  readonly max: number | null;
}

export interface ChartView {
  readonly name: string;
  readonly xData: ViewDataField;
  readonly yData: ViewDataField;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale: AxisScale;
  readonly yScale: AxisScale;
  readonly normalisation?: 'zScore' | 'modifiedZScore' | 'absolute';
  /** segment: riders on one segment of a lap; session: one course segment over the laps; rider: a rider's own segments. Absent: the workspace's default for the riders it has. */
  readonly scope?: 'segment' | 'session' | 'rider';
  readonly coach?: string;
  readonly squad?: string;
}

export interface ViewsFile {
  readonly version?: number;
  readonly coach?: string;
  readonly squad?: string;
  readonly views: readonly ChartView[];
}
