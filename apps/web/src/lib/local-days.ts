// Days on the viewer's calendar for date filters: which instants a `YYYY-MM-DD` day covers in the
// viewer's time zone (or `timeZone`'s, in tests). Apart from dates.ts so only the pages that filter
// by day load it.

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = partsFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    partsFormats.set(key, format);
  }
  return format;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `ms` (ms; negative west of Greenwich). */
function zoneOffset(ms: number, timeZone: string | undefined): number {
  const parts = wallClock(timeZone).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (ms - (ms % 1000));
}

/** The first instant (Unix ms) of the day `YYYY-MM-DD` on the viewer's calendar (or `timeZone`'s). */
export function startOfLocalDay(day: string, timeZone?: string): number {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(year, month - 1, date);
  // Midnight on that wall clock, corrected once more for a DST change between the guess and it.
  let start = midnightUtc - zoneOffset(midnightUtc, timeZone);
  start = midnightUtc - zoneOffset(start, timeZone);
  return start;
}

/** The instants from the start of day `from` to the last millisecond of day `to`, on the viewer's calendar. */
export function localDayRange(
  from: string | undefined,
  to: string | undefined,
  timeZone?: string,
): { since: number | undefined; until: number | undefined } {
  return {
    since: from === undefined ? undefined : startOfLocalDay(from, timeZone),
    until: to === undefined ? undefined : startOfLocalDay(nextDay(to), timeZone) - 1,
  };
}

function nextDay(day: string): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The viewer's (or `timeZone`'s) calendar day at `ms`, as `YYYY-MM-DD` (a date input's value). */
export function localDay(ms: number = Date.now(), timeZone?: string): string {
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);
}
