const numberFormat = new Intl.NumberFormat('en-US');

/** 2134 → "2,134". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** The visible range of a page: "1–25 of 2,134" (en dash), "0 of 0" when empty. */
export function formatRange(page: number, pageSize: number, total: number): string {
  if (total <= 0) return '0 of 0';
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}

/** Number of pages for a total (at least 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
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
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** A Unix-ms timestamp relative to now: "3 hours ago", "in 30 days", "now". */
export function formatRelative(ms: number, now: number = Date.now()): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return relativeFormat.format(Math.round(diff / size), unit);
  }
  return relativeFormat.format(0, 'second');
}

const exactFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** A Unix-ms timestamp as an exact, unambiguous UTC date: "Mar 5, 2026, 14:03:09 UTC". */
export function formatExact(ms: number): string {
  return exactFormat.format(new Date(ms));
}

/** "Ada Lovelace", falling back to the identifier (email) when there is no name. */
export function fullName(
  person: { first_name: string | null; last_name: string | null } | null | undefined,
  fallback = '',
): string {
  const name = [person?.first_name, person?.last_name].filter(Boolean).join(' ').trim();
  return name || fallback;
}

/** "org:admin" → "Admin" when no display name is known. */
export function roleLabel(role: string): string {
  const key = role.startsWith('org:') ? role.slice(4) : role;
  return key.charAt(0).toUpperCase() + key.slice(1).replaceAll('_', ' ');
}
