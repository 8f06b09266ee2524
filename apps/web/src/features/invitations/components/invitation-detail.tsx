import type { OrganizationInvitation } from '@invites/clerk-schema';
import { lazy, type ReactNode, Suspense } from 'react';
import { Dialog } from '../../../ui/dialog.tsx';
import { ErrorState } from '../../../ui/states.tsx';
import { useInvitation } from '../api/get-invitation.ts';
import './invitation-detail.css';

interface InvitationDetailProps {
  orgId: string;
  invitationId: string;
  onClose: () => void;
  /** Staff see private metadata. */
  showPrivateMetadata: boolean;
  /** Extra actions for the invitation (e.g. revoke), shown in the footer. */
  actions?: (invitation: OrganizationInvitation) => ReactNode;
}

// The fields need the invitation, which is still on its way when the sheet opens: their code loads
// beside it (asked for as soon as this module runs), and the sheet shows its skeleton meanwhile.
const loadFields = () => import('./invitation-fields.tsx');
void loadFields();
const InvitationFields = lazy(() => loadFields().then((m) => ({ default: m.InvitationFields })));

function Loading() {
  return (
    <div className="detail-loading" aria-busy="true">
      <span className="skeleton" />
      <span className="skeleton" />
      <span className="skeleton" />
    </div>
  );
}

/** One invitation (get) with every field, in a side sheet. */
export function InvitationDetail({
  orgId,
  invitationId,
  onClose,
  showPrivateMetadata,
  actions,
}: InvitationDetailProps) {
  const query = useInvitation(orgId, invitationId);
  const invitation = query.data;
  return (
    <Dialog
      open
      variant="sheet"
      onRequestClose={onClose}
      title={invitation?.email_address ?? 'Invitation'}
      description="Invitation details"
      footer={invitation && actions ? actions(invitation) : undefined}
    >
      {invitation ? (
        <Suspense fallback={<Loading />}>
          <InvitationFields invitation={invitation} showPrivate={showPrivateMetadata} />
        </Suspense>
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title="Couldn't load this invitation"
          onRetry={() => query.refetch()}
          retrying={query.isFetching}
          level={3}
        />
      ) : (
        <Loading />
      )}
    </Dialog>
  );
}
