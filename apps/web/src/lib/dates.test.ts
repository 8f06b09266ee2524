import { describe, expect, it } from 'vitest';
import {
  exactTitle,
  formatDateTime,
  formatExactLocal,
  formatExactUtc,
  formatRelative,
  formatTime,
  viewerTimeZone,
} from './dates.ts';

const LA_DE = { locale: 'de-DE', timeZone: 'America/Los_Angeles' };
const NY_US = { locale: 'en-US', timeZone: 'America/New_York' };
// 14:03:09 UTC on 12 May 2026: 07:03 in Los Angeles (PDT), 10:03 in New York (EDT).
const MAY_12 = Date.UTC(2026, 4, 12, 14, 3, 9);

describe('dates in the viewer’s zone and language', () => {
  it('shows a date and time on the viewer’s wall clock, in their language', () => {
    expect(formatDateTime(MAY_12, LA_DE)).toBe('12.05.2026, 07:03');
    expect(formatDateTime(MAY_12, NY_US)).toBe('May 12, 2026, 10:03 AM');
    expect(formatDateTime(MAY_12, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('12 May 2026, 23:03');
  });

  it('crosses the date line with the zone: 02:00 UTC is still yesterday in Los Angeles', () => {
    expect(formatDateTime(Date.UTC(2026, 4, 12, 2, 0), LA_DE)).toBe('11.05.2026, 19:00');
  });

  it('gives the exact time to the second with the zone’s name, and the same instant in UTC', () => {
    expect(formatExactLocal(MAY_12, LA_DE)).toBe('12.05.2026, 07:03:09 GMT-7');
    expect(formatExactLocal(MAY_12, NY_US)).toBe('May 12, 2026, 10:03:09 AM EDT');
    expect(formatExactUtc(MAY_12, LA_DE)).toBe('12.05.2026, 14:03:09 UTC');
    expect(formatExactUtc(MAY_12, NY_US)).toBe('May 12, 2026, 2:03:09 PM UTC');
    expect(exactTitle(MAY_12, LA_DE)).toBe('12.05.2026, 07:03:09 GMT-7\n12.05.2026, 14:03:09 UTC');
  });

  it('follows daylight saving time: the same UTC hour is an hour apart in winter', () => {
    expect(formatExactLocal(Date.UTC(2026, 0, 12, 14, 3, 9), LA_DE)).toBe('12.01.2026, 06:03:09 GMT-8');
  });

  it('shows a wall-clock time in the viewer’s zone and hour cycle', () => {
    expect(formatTime(MAY_12, LA_DE)).toBe('07:03:09');
    expect(formatTime(MAY_12, NY_US)).toBe('10:03:09 AM');
  });

  it('says how long ago or ahead in the viewer’s language', () => {
    const now = MAY_12;
    expect(formatRelative(now - 3 * 3600_000, now, { locale: 'en-US' })).toBe('3 hours ago');
    expect(formatRelative(now - 3 * 3600_000, now, { locale: 'de-DE' })).toBe('vor 3 Stunden');
    expect(formatRelative(now + 3 * 24 * 3600_000, now, { locale: 'de-DE' })).toBe('in 3 Tagen');
    expect(formatRelative(now + 30 * 24 * 3600_000, now, { locale: 'en-US' })).toBe('next month');
    expect(formatRelative(now - 24 * 3600_000, now, { locale: 'de-DE' })).toBe('gestern');
    expect(formatRelative(now - 10_000, now, { locale: 'en-US' })).toBe('now');
    expect(formatRelative(now - 10_000, now, { locale: 'de-DE' })).toBe('jetzt');
    expect(formatRelative(now - 120_000, now, { locale: 'en-US' })).toBe('2 minutes ago');
  });
});

describe('viewerTimeZone', () => {
  it('names the zone the browser runs in (UTC in this test run)', () => {
    expect(viewerTimeZone()).toBe('UTC');
  });
});
