import type { OrganizationInvitationWithPublicOrganizationData as Invitation } from '@invites/clerk-schema';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import {
  AllInvitationsView,
  type AllSearchPatch,
} from '../../features/invitations/components/all-invitations-view.tsx';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';
import { useNavigate, useSearch } from '../../lib/router/hooks.ts';
import { Link } from '../../lib/router/link.tsx';
import { Outlet } from '../../lib/router/router-view.tsx';
import { validateAllInvitationsSearch } from '../../lib/url-state.ts';
import { NotAllowedState } from '../../ui/states.tsx';

/** `/invitations` (staff): every organization's invitations. */
export function AllInvitationsPage() {
  const search = useSearch(validateAllInvitationsSearch);
  const navigate = useNavigate();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const onSearchChange = useCallback(
    (patch: AllSearchPatch, options?: { replace?: boolean }) =>
      navigate({
        search: (prev) => validateAllInvitationsSearch({ ...prev, ...patch }),
        replace: options?.replace ?? false,
      }),
    [navigate],
  );
  const rowActions = useCallback(
    (invitation: Invitation) => (
      <RevokeButton invitation={invitation} organizationName={invitation.public_organization_data.name} />
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
      {me.is_staff ? (
        <AllInvitationsView search={search} onSearchChange={onSearchChange} rowActions={rowActions} />
      ) : (
        <div className="panel">
          <NotAllowedState
            title="You're not allowed to view all invitations"
            description="Only support staff can see every organization's invitations."
            action={
              <Link to="/orgs" className="btn">
                Back to your organizations
              </Link>
            }
          />
        </div>
      )}
      <Outlet />
    </div>
  );
}
