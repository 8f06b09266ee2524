import { formatExact, formatRelative } from '../lib/format.ts';

/** A timestamp shown relative ("in 30 days") with the exact UTC time as tooltip and machine value. */
export function RelativeTime({ ms, now }: { ms: number; now?: number }) {
  const date = new Date(ms);
  return (
    <time dateTime={date.toISOString()} title={formatExact(ms)}>
      {formatRelative(ms, now)}
    </time>
  );
}
