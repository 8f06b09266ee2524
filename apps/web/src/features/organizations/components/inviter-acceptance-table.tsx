import type { InviterAcceptance } from '@invites/clerk-schema';
import { formatCount } from '../../../lib/format.ts';
import { formatDuration, formatRate } from '../utils/format-acceptance.ts';

/** A small table of acceptance figures per inviter, busiest first. */
export function InviterAcceptanceTable({
  inviters,
  windowDays,
  staleDays,
}: {
  inviters: InviterAcceptance[];
  windowDays: number;
  staleDays: number;
}) {
  if (inviters.length === 0) {
    return <p className="acceptance-empty muted">No invitations in the last {windowDays} days.</p>;
  }
  return (
    <div className="acceptance-table-wrap">
      <table className="acceptance-table" aria-label="Acceptance by inviter">
        <thead>
          <tr>
            <th scope="col">Inviter</th>
            <th scope="col">Sent ({windowDays} days)</th>
            <th scope="col">Accepted</th>
            <th scope="col">Rate</th>
            <th scope="col">Median time to accept</th>
            <th scope="col">Pending &gt; {staleDays} days</th>
          </tr>
        </thead>
        <tbody>
          {inviters.map((row) => (
            <tr key={row.inviter_id ?? 'none'}>
              <th scope="row">
                {row.inviter_id ? (
                  (row.inviter_name ?? <code>{row.inviter_id}</code>)
                ) : (
                  <span className="muted" title="Sent from Clerk's dashboard or with an API key">
                    No inviter
                  </span>
                )}
              </th>
              <td className="tabular">{formatCount(row.sent)}</td>
              <td className="tabular">{formatCount(row.accepted)}</td>
              <td className="tabular">{formatRate(row.acceptance_rate)}</td>
              <td className="tabular">{formatDuration(row.median_time_to_accept_ms)}</td>
              <td className="tabular">{formatCount(row.stale_pending)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
