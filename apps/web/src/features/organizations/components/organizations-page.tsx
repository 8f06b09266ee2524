import type { AcceptanceFigures, Organization } from '@invites/clerk-schema';
import { Link } from '@tanstack/react-router';
import { formatCount } from '../../../lib/format.ts';
import { Building } from '../../../ui/page-icons.tsx';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { useAcceptanceList } from '../api/get-acceptance-list.ts';
import { useOrganizations } from '../api/get-organizations.ts';
import { acceptanceStats } from '../utils/acceptance-stats.ts';
import { AcceptanceFigureList } from './acceptance-figures.tsx';
import './organizations-page.css';

function OrganizationCard({
  org,
  acceptance,
}: {
  org: Organization;
  /** Undefined while loading, null when unavailable. */
  acceptance: AcceptanceFigures | null | undefined;
}) {
  const pending = org.pending_invitations_count;
  return (
    <li className="org-card">
      <span className="org-avatar" aria-hidden="true">
        {org.name.slice(0, 2).toUpperCase()}
      </span>
      <div className="org-card-text">
        <h2 className="org-card-name">
          <Link to="/orgs/$orgId/invitations" params={{ orgId: org.id }} className="stretched-link">
            {org.name}
          </Link>
        </h2>
        <p className="org-card-slug">{org.slug}</p>
      </div>
      <dl className="org-card-stats">
        <div>
          <dt>Pending</dt>
          <dd className="tabular">{pending === undefined ? '—' : formatCount(pending)}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd className="tabular">
            {org.members_count === undefined ? '—' : formatCount(org.members_count)}
          </dd>
        </div>
      </dl>
      <AcceptanceFigureList variant="card" stats={acceptanceStats(acceptance, 30, 14)} />
    </li>
  );
}

/** The organizations the user manages, with pending-invitation counts and acceptance figures; each opens its invitations. */
export function OrganizationsPage() {
  const orgs = useOrganizations();
  const acceptance = useAcceptanceList(orgs.data?.data.map((o) => o.id) ?? []);
  const figuresOf = (id: string) =>
    acceptance.isError ? null : acceptance.data?.data.find((f) => f.organization_id === id);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Organizations</h1>
          <p className="page-description">Choose an organization to manage its invitations.</p>
        </div>
      </header>
      {orgs.isPending ? (
        <ul className="org-grid" aria-busy="true" aria-label="Loading organizations">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="org-card is-skeleton" aria-hidden="true">
              <span className="skeleton" />
            </li>
          ))}
        </ul>
      ) : orgs.isError ? (
        <div className="panel">
          <ErrorState
            error={orgs.error}
            title="Couldn't load organizations"
            onRetry={() => orgs.refetch()}
            retrying={orgs.isFetching}
          />
        </div>
      ) : orgs.data.data.length === 0 ? (
        <div className="panel">
          <EmptyState
            icon={<Building size={20} />}
            title="No organizations to manage"
            description="You are not an admin of any organization. Ask an admin to give you the Admin role."
          />
        </div>
      ) : (
        <>
          <ul className="org-grid" aria-label="Organizations">
            {orgs.data.data.map((org) => (
              <OrganizationCard key={org.id} org={org} acceptance={figuresOf(org.id)} />
            ))}
          </ul>
          {orgs.data.total_count > orgs.data.data.length ? (
            <p className="muted">
              Showing {formatCount(orgs.data.data.length)} of {formatCount(orgs.data.total_count)}{' '}
              organizations.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
