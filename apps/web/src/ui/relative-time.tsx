import { exactTitle, formatRelative } from '../lib/dates.ts';

/**
 * A timestamp shown relative ("in 30 days", "vor 3 Stunden") in the viewer's language, with the exact
 * time in their zone and in UTC as its tooltip, and the instant as its machine value.
 */
export function RelativeTime({ ms, now }: { ms: number; now?: number }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={exactTitle(ms)}>
      {formatRelative(ms, now)}
    </time>
  );
}
