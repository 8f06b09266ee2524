// Every date the console shows goes through this module: `Intl` with the viewer's own time zone and
// language (`undefined` locale and zone mean the browser's), the exact UTC time beside it where a
// person may need to match it against a log. Tests pass `where` to pin a zone and a locale.

/** Whose calendar and clock: omitted fields are the browser's. */
export interface Where {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(name: string, options: Intl.DateTimeFormatOptions, where: Where): Intl.DateTimeFormat {
  const key = `${name}|${where.locale ?? ''}|${where.timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(where.locale, {
      ...options,
      ...(where.timeZone && !options.timeZone ? { timeZone: where.timeZone } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** A date and time in the viewer's zone: "May 12, 2026, 7:03 AM"; in de-DE "12.05.2026, 07:03". */
export function formatDateTime(ms: number, where: Where = {}): string {
  return dateFormat('datetime', { dateStyle: 'medium', timeStyle: 'short' }, where).format(ms);
}

/** To the second, with the zone's name: "May 12, 2026, 7:03:09 AM PDT"; "12.05.2026, 07:03:09 GMT-7". */
export function formatExactLocal(ms: number, where: Where = {}): string {
  return dateFormat('exact', { dateStyle: 'medium', timeStyle: 'long' }, where).format(ms);
}

/** The exact UTC time in the viewer's language: "May 12, 2026, 2:03:09 PM UTC". */
export function formatExactUtc(ms: number, where: Where = {}): string {
  return dateFormat('utc', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }, where).format(ms);
}

/** A wall-clock time in the viewer's zone, to the second: "2:05:10 PM"; in de-DE "14:05:10". */
export function formatTime(ms: number, where: Where = {}): string {
  return dateFormat('time', { timeStyle: 'medium' }, where).format(ms);
}

/** The hover text of a shown date: the viewer's exact time, then UTC's. */
export function exactTitle(ms: number, where: Where = {}): string {
  return `${formatExactLocal(ms, where)}\n${formatExactUtc(ms, where)}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** A time relative to `now`, in the viewer's language: "3 hours ago", "in 3 days", "now" ("vor 3 Stunden"). */
export function formatRelative(ms: number, now: number = Date.now(), where: Where = {}): string {
  const key = where.locale ?? '';
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(where.locale, { numeric: 'auto' });
    relativeFormats.set(key, format);
  }
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (abs >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}

/** How far `timeZone`'s wall clock is ahead of UTC at `ms` (ms; negative west of Greenwich). */
function zoneOffset(ms: number, timeZone: string | undefined): number {
  const parts = dateFormat(
    'parts',
    {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    },
    { locale: 'en-US', timeZone },
  ).formatToParts(ms);
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

/** The viewer's time zone as the browser names it ("America/Los_Angeles"). */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
