import type { OrganizationInvitationWithPublicOrganizationData as Invitation } from '@invites/clerk-schema';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { actionLabel } from '../../features/activity/utils/action-labels.ts';
import { ResendButton } from '../../features/invitation-jobs/components/resend-button.tsx';
import { PersonSearch } from '../../features/people/components/person-search.tsx';
import { PersonView } from '../../features/people/components/person-view.tsx';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';
import { NotAllowedPanel } from '../layouts/not-allowed-panel.tsx';
import { WithMe } from '../layouts/with-me.tsx';

const route = getRouteApi('/_app/people');

/** `/people?email=` (staff): why can't this person get in? The user, memberships, invitations, activity. */
export function PeoplePage() {
  const { email } = route.useSearch();
  const navigate = route.useNavigate();
  const onSearch = useCallback(
    (next: string | undefined) => navigate({ search: { email: next }, resetScroll: false }),
    [navigate],
  );
  const invitationActions = useCallback(
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
          <h1>People</h1>
          <p className="page-description">
            Everything about one address in one place: the Clerk user, their organizations, every invitation
            sent to them and what happened to it.
          </p>
        </div>
      </header>
      <WithMe>
        {(me) =>
          me.is_staff ? (
            <>
              <PersonSearch email={email} onSearch={onSearch} />
              {email ? (
                <PersonView
                  key={email}
                  email={email}
                  invitationActions={invitationActions}
                  describeAction={actionLabel}
                />
              ) : null}
            </>
          ) : (
            <NotAllowedPanel
              title="You're not allowed to look people up"
              description="Only support staff can see a person's account, organizations and invitations."
            />
          )
        }
      </WithMe>
    </div>
  );
}
