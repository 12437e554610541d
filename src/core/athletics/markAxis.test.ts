import { describe, expect, it } from 'vitest';
import { markAxisLabel } from './markAxis';

describe('markAxisLabel', () => {
  it('writes middle-distance ticks as minutes and seconds, with only the decimals they need', () => {
    expect(markAxisLabel(210, 'minutes')).toBe('3:30');
    expect(markAxisLabel(225.5, 'minutes')).toBe('3:45.5');
    expect(markAxisLabel(105.32, 'minutes')).toBe('1:45.32');
    expect(markAxisLabel(59.8, 'minutes')).toBe('59.8');
  });

  it('writes road and walk ticks as hours, minutes and seconds', () => {
    expect(markAxisLabel(7500, 'hours')).toBe('2:05:00');
    expect(markAxisLabel(3599.6, 'hours')).toBe('1:00:00');
    expect(markAxisLabel(1800, 'hours')).toBe('30:00');
  });

  it('keeps sprint times, distances and points as numbers', () => {
    expect(markAxisLabel(10.5, 'decimal')).toBe('10.5');
    expect(markAxisLabel(8, 'decimal')).toBe('8');
    expect(markAxisLabel(8126.4, 'points')).toBe('8126');
  });

  it('leaves no label where a mark cannot be (a negative or infinite tick)', () => {
    expect(markAxisLabel(-5, 'minutes')).toBe('');
    expect(markAxisLabel(Infinity, 'decimal')).toBe('');
  });
});
