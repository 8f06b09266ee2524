import { describe, expect, it } from 'vitest';
import { localDay, localDayRange, startOfLocalDay } from './local-days.ts';

describe('days on the viewer’s calendar (the Activity date filter)', () => {
  it('starts a day at local midnight: 12 May in Los Angeles begins at 07:00 UTC', () => {
    expect(startOfLocalDay('2026-05-12', 'America/Los_Angeles')).toBe(Date.UTC(2026, 4, 12, 7));
    expect(startOfLocalDay('2026-05-12', 'Europe/Berlin')).toBe(Date.UTC(2026, 4, 11, 22));
    expect(startOfLocalDay('2026-05-12', 'UTC')).toBe(Date.UTC(2026, 4, 12));
    expect(startOfLocalDay('2026-01-12', 'America/Los_Angeles')).toBe(Date.UTC(2026, 0, 12, 8));
  });

  it('keeps whole local days across a daylight saving change (a 23-hour day)', () => {
    const { since, until } = localDayRange('2026-03-08', '2026-03-08', 'America/Los_Angeles');
    expect(since).toBe(Date.UTC(2026, 2, 8, 8));
    expect(until).toBe(Date.UTC(2026, 2, 9, 7) - 1);
  });

  it('covers both days of a range, through the last millisecond of the second', () => {
    expect(localDayRange('2026-05-01', '2026-05-02', 'America/Los_Angeles')).toEqual({
      since: Date.UTC(2026, 4, 1, 7),
      until: Date.UTC(2026, 4, 3, 7) - 1,
    });
    expect(localDayRange(undefined, '2026-12-31', 'UTC')).toEqual({
      since: undefined,
      until: Date.UTC(2027, 0, 1) - 1,
    });
  });

  it('names the local day of an instant, as a date input holds it', () => {
    expect(localDay(Date.UTC(2026, 4, 12, 2), 'America/Los_Angeles')).toBe('2026-05-11');
    expect(localDay(Date.UTC(2026, 4, 12, 23), 'Europe/Berlin')).toBe('2026-05-13');
    expect(localDay(Date.UTC(2026, 4, 12, 23), 'UTC')).toBe('2026-05-12');
  });
});
