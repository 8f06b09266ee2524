import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { ActivityView } from '../../features/activity/components/activity-view.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useOrganizations } from '../../features/organizations/api/get-organizations.ts';
import type { ActivitySearch, SearchPatch } from '../../lib/search-schemas.ts';
import { NotAllowedPanel } from '../layouts/not-allowed-panel.tsx';
import { WithMe } from '../layouts/with-me.tsx';

const route = getRouteApi('/_app/activity');

/** `/activity`: who invited or revoked whom, when, and how it went (staff: all; admins: their orgs). */
export function ActivityPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe().data;
  const orgs = useOrganizations();
  // Staff may filter by any organization; an admin by the ones they administer.
  const organizations = useMemo(
    () =>
      me === undefined
        ? []
        : (me.is_staff ? (orgs.data?.data ?? []) : me.organizations).map((o) => ({ id: o.id, name: o.name })),
    [me, orgs.data],
  );
  const onSearchChange = useCallback(
    (patch: SearchPatch<ActivitySearch>, options?: { replace?: boolean }) =>
      navigate({
        search: (prev) => ({ ...prev, ...patch }),
        replace: options?.replace ?? false,
        resetScroll: false,
      }),
    [navigate],
  );
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Activity</h1>
          {me ? (
            <p className="page-description">
              {me.is_staff
                ? 'Invitation and membership changes in every organization, made here or reported by Clerk.'
                : 'Invitation and membership changes in the organizations you administer, made here or reported by Clerk.'}
            </p>
          ) : null}
        </div>
      </header>
      <WithMe>
        {(known) =>
          known.is_staff || known.organizations.length > 0 ? (
            <ActivityView search={search} onSearchChange={onSearchChange} organizations={organizations} />
          ) : (
            <NotAllowedPanel
              title="You're not allowed to view activity"
              description="Only org admins and support staff can see the activity log."
            />
          )
        }
      </WithMe>
    </div>
  );
}
