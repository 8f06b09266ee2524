import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate } from './format-acceptance.ts';

describe('acceptance formats', () => {
  it('writes a rate as a percentage, a dash when nothing was sent', () => {
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
  });

  it('writes a time to accept in minutes, hours or days', () => {
    expect(formatDuration(20_000)).toBe('1 min');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(5.5 * 3_600_000)).toBe('5.5 h');
    expect(formatDuration(3.25 * 86_400_000)).toBe('3.3 days');
    expect(formatDuration(null)).toBe('—');
  });
});
