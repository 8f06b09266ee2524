const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 0.3333 → "33.3%"; null (nothing sent) → "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : percent.format(rate);
}

/** A time to accept: "12 min", "5.5 h", "3.2 days"; null (none accepted) → "—". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 2 * DAY) return `${oneDecimal.format(ms / HOUR)} h`;
  return `${oneDecimal.format(ms / DAY)} days`;
}
