import type { AcceptanceFigures as Figures } from '@invites/clerk-schema';
import { formatCount } from '../../../lib/format.ts';
import { formatDuration, formatRate } from './format-acceptance.ts';

export interface Stat {
  label: string;
  /** The label where space is short (an organization card). */
  short: string;
  /** A longer explanation, shown on hover. */
  hint: string;
  value: string;
}

/** The five figures as label, hint and formatted value: `…` while loading (undefined), `—` when unavailable (null). */
export function acceptanceStats(
  figures: Figures | null | undefined,
  windowDays: number,
  staleDays: number,
): Stat[] {
  const show = (fn: (f: Figures) => string) => (figures ? fn(figures) : figures === null ? '—' : '…');
  return [
    {
      label: `Sent (${windowDays} days)`,
      short: `Sent (${windowDays} d)`,
      hint: `Invitations sent in the last ${windowDays} days`,
      value: show((f) => formatCount(f.sent)),
    },
    {
      label: 'Accepted',
      short: 'Accepted',
      hint: 'Of those, accepted so far',
      value: show((f) => formatCount(f.accepted)),
    },
    {
      label: 'Acceptance rate',
      short: 'Rate',
      hint: 'Accepted ÷ sent',
      value: show((f) => formatRate(f.acceptance_rate)),
    },
    {
      label: 'Median time to accept',
      short: 'Median to accept',
      hint: 'From sending to accepting, for the accepted ones',
      value: show((f) => formatDuration(f.median_time_to_accept_ms)),
    },
    {
      label: `Pending > ${staleDays} days`,
      short: `Pending > ${staleDays} d`,
      hint: `Still pending (not expired) more than ${staleDays} days after they were sent`,
      value: show((f) => formatCount(f.stale_pending)),
    },
  ];
}
