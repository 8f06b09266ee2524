import type { OrganizationInvitationWithPublicOrganizationData as Invitation } from '@invites/clerk-schema';
import { getRouteApi, Outlet } from '@tanstack/react-router';
import { useCallback } from 'react';
import { instanceExportPath } from '../../features/export/api/export-request.ts';
import { LazyExportButton } from '../../features/export/components/lazy-export-button.tsx';
import { ResendButton } from '../../features/invitation-jobs/components/resend-button.tsx';
import { AllInvitationsView } from '../../features/invitations/components/all-invitations-view.tsx';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';
import type { AllInvitationsSearch, SearchPatch } from '../../lib/search-schemas.ts';
import { NotAllowedPanel } from '../layouts/not-allowed-panel.tsx';
import { WithMe } from '../layouts/with-me.tsx';

const route = getRouteApi('/_app/invitations');

/** `/invitations` (staff): every organization's invitations. */
export function AllInvitationsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onSearchChange = useCallback(
    (patch: SearchPatch<AllInvitationsSearch>, options?: { replace?: boolean }) =>
      navigate({
        search: (prev) => ({ ...prev, ...patch }),
        replace: options?.replace ?? false,
        resetScroll: false,
      }),
    [navigate],
  );
  const rowActions = useCallback(
    (invitation: Invitation) => (
      <span className="row-actions">
        <ResendButton invitation={invitation} />
        <RevokeButton invitation={invitation} organizationName={invitation.public_organization_data.name} />
      </span>
    ),
    [],
  );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>All invitations</h1>
          <p className="page-description">Every organization's invitations, for support staff.</p>
        </div>
      </header>
      <WithMe>
        {(me) =>
          me.is_staff ? (
            <AllInvitationsView
              search={search}
              onSearchChange={onSearchChange}
              rowActions={rowActions}
              exportAction={
                <LazyExportButton
                  request={{
                    path: instanceExportPath,
                    query: {
                      status: search.status,
                      query: search.q,
                      order_by: search.sort,
                      expires_within: search.expires_within,
                    },
                  }}
                  fileName={`all-invitations-${new Date().toISOString().slice(0, 10)}.csv`}
                />
              }
            />
          ) : (
            <NotAllowedPanel
              title="You're not allowed to view all invitations"
              description="Only support staff can see every organization's invitations."
            />
          )
        }
      </WithMe>
      <Outlet />
    </div>
  );
}
