import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildViewsValidatorSource, VIEWS_VALIDATOR_PATH } from '../../../scripts/build-validators';
import { DEFAULT_VIEWS } from './defaultViews';
import { dumpViewsYaml } from './dumpViewsYaml';
import { loadViewsYaml } from './loadViewsYaml';

const valid = `views:
  - name: Matrix
    xData: durationS
    yData: normalizedPower
    xLabel: Time
    yLabel: NP
    xScale: { min: -3, max: 3 }
    yScale: { min: null, max: null }
`;

describe('loadViewsYaml', () => {
  it('accepts a valid file and the defaults round-trip through dump', () => {
    const result = loadViewsYaml(valid);
    expect(result.ok && result.file.views[0].xScale).toEqual({ min: -3, max: 3 });
    const again = loadViewsYaml(dumpViewsYaml(DEFAULT_VIEWS));
    expect(again).toEqual({ ok: true, file: DEFAULT_VIEWS });
  });

  it('points at the line and field of a wrong type', () => {
    const text = `coach: Kim
views:
  - name: A
    xData: durationS
    yData: averagePower
    xLabel: T
    yLabel: P
    xScale: { min: 0, max: null }
    yScale: { min: 0, max: null }
  - name: B
    xData: durationS
    yData: averagePower
    xLabel: T
    yLabel: P
    xScale:
      min: low
      max: null
    yScale: { min: 0, max: null }
`;
    const result = loadViewsYaml(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).toEqual(['line 16, views[1].xScale.min: must be number or null']);
  });

  it('reports missing and unknown fields, bad enums and YAML syntax with lines', () => {
    const text = `views:
  - name: A
    xData: watts
    yData: averagePower
    xLabel: T
    yLabel: P
    colour: red
    yScale: { min: 0, max: null }
`;
    const result = loadViewsYaml(text);
    const messages = result.ok ? [] : result.errors.map((e) => e.message);
    expect(messages).toContain('line 2, views[0]: missing field xScale');
    expect(messages).toContain('line 7, views[0].colour: unknown field');
    expect(messages.some((m) => m.startsWith('line 3, views[0].xData: must be one of durationS'))).toBe(true);
    const broken = loadViewsYaml('views:\n  - name: [unclosed\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0].message).toMatch(/^line \d+: /);
  });
});

describe('a hostile views file', () => {
  it('an alias bomb is refused with a line, not thrown', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'views: *i'].join('\n');
    const result = loadViewsYaml(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toBe('line 1: too many aliases (*name) to expand: a views file needs none this deep');
  });
});

describe('viewsValidator.generated.js', () => {
  it('is what scripts/build-validators.ts generates from the schema today', () => {
    expect(readFileSync(VIEWS_VALIDATOR_PATH, 'utf8')).toBe(buildViewsValidatorSource());
  });

  it('contains no eval, Function or require', () => {
    const code = readFileSync(VIEWS_VALIDATOR_PATH, 'utf8');
    expect(code).not.toMatch(/\bnew Function\b|\beval\(|\brequire\(/);
  });
});
