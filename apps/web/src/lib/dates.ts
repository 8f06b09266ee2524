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

/** The viewer's time zone as the browser names it ("America/Los_Angeles"). */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
