import type { InvitationStatus } from '@invites/clerk-schema';
import '../../../ui/badge.css';

const LABELS: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** The human label of a status. */
export function statusLabel(status: InvitationStatus): string {
  return LABELS[status];
}

/** An invitation status as colour and text. */
export function StatusBadge({ status }: { status: InvitationStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
