import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../lib/dates.ts';
import { formatClock, formatWait, rateLimitMessage } from './format-wait.ts';

describe('formatWait', () => {
  const now = Date.UTC(2026, 4, 12, 14, 3, 10);
  it('says seconds under a minute, then minutes, then hours', () => {
    expect(formatWait(now + 40_000, now)).toBe('in 40 s');
    expect(formatWait(now + 120_000, now)).toBe('in 2 min');
    expect(formatWait(now + 61_000, now)).toBe('in 2 min');
    expect(formatWait(now + 65 * 60_000, now)).toBe('in 1 h 5 min');
    expect(formatWait(now + 120 * 60_000, now)).toBe('in 2 h');
    expect(formatWait(now - 5_000, now)).toBe('in 0 s');
  });
});

describe('rateLimitMessage', () => {
  it('says when the job resumes, as a wall-clock time in the viewer’s zone and a wait', () => {
    const now = Date.UTC(2026, 4, 12, 14, 3, 10);
    const resume = Date.UTC(2026, 4, 12, 14, 5, 10);
    expect(formatClock(resume)).toBe(formatTime(resume));
    expect(formatTime(resume, { locale: 'de-DE', timeZone: 'America/Los_Angeles' })).toBe('07:05:10');
    expect(rateLimitMessage(resume, now)).toBe(
      `Clerk's rate limit was reached. Resuming at ${formatTime(resume)} (in 2 min).`,
    );
    expect(rateLimitMessage(null, now)).toBe("Clerk's rate limit was reached. Resuming shortly.");
    expect(rateLimitMessage(now - 1, now)).toBe("Clerk's rate limit was reached. Resuming now.");
  });
});
