import { describe, expect, it } from 'vitest';
import { listDetectors } from '../../../core/detectors/registry';
import { warmUp } from './warmUp';

describe('the workers\' warm-up', () => {
  it('runs every detector over a synthetic event of about the size asked, none refusing it', () => {
    const result = warmUp({ performances: 3_000, seed: 1 });
    expect(result.performances).toBeGreaterThan(1_500);
    expect(result.performances).toBeLessThan(6_000);
    expect(result.problems).toEqual([]);
    expect(listDetectors().length).toBeGreaterThanOrEqual(13);
  });
});
