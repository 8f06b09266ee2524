import { useOrganizationAcceptance } from '../api/get-organization-acceptance.ts';
import { acceptanceStats } from '../utils/acceptance-stats.ts';
import { AcceptanceFigureList } from './acceptance-figures.tsx';
import { InviterAcceptanceTable } from './inviter-acceptance-table.tsx';

const WINDOW_DAYS = 30;
const STALE_DAYS = 14;

/** The org page header's acceptance figures (from Clerk's webhooks); quiet when they cannot load. */
export function OrgAcceptanceSummary({ orgId }: { orgId: string }) {
  const acceptance = useOrganizationAcceptance(orgId);
  if (acceptance.isError) {
    return <p className="acceptance-unavailable muted">Acceptance figures are unavailable right now.</p>;
  }
  const data = acceptance.data;
  return (
    <section
      aria-label={`Acceptance, last ${data?.window_days ?? WINDOW_DAYS} days`}
      aria-busy={acceptance.isPending}
    >
      <AcceptanceFigureList
        variant="strip"
        stats={acceptanceStats(data, data?.window_days ?? WINDOW_DAYS, data?.stale_days ?? STALE_DAYS)}
      />
    </section>
  );
}

/** The organization's figures per inviter, in a disclosure under the header. */
export function OrgInviterAcceptance({ orgId }: { orgId: string }) {
  const acceptance = useOrganizationAcceptance(orgId);
  const data = acceptance.data;
  if (!data) return null;
  return (
    <details className="panel acceptance-inviters">
      <summary>
        Acceptance by inviter <span className="muted">({data.inviters.length})</span>
      </summary>
      <InviterAcceptanceTable
        inviters={data.inviters}
        windowDays={data.window_days}
        staleDays={data.stale_days}
      />
    </details>
  );
}
