import type { OrganizationInvitation } from '@invites/clerk-schema';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle, Check } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { type RevokeOutcome, useRevokeInvitations } from '../api/revoke-invitations.ts';
import './bulk-revoke.css';

function OutcomeText({ outcome }: { outcome: RevokeOutcome | undefined }) {
  switch (outcome?.state) {
    case 'revoking':
      return (
        <span className="outcome">
          <span className="spinner" aria-hidden="true" /> Revoking…
        </span>
      );
    case 'revoked':
      return (
        <span className="outcome outcome-ok">
          <Check size={14} /> Revoked
        </span>
      );
    case 'failed':
      return (
        <span className="outcome outcome-failed">
          <AlertCircle size={14} /> Failed: {outcome.message}
        </span>
      );
    case 'waiting':
      return <span className="outcome muted">Waiting…</span>;
    default:
      return null;
  }
}

interface BulkRevokeDialogProps {
  orgId: string;
  /** The invitations selected when the dialog opened. */
  targets: OrganizationInvitation[];
  /** `started`: some revocations were sent, so the owner clears its selection. */
  onClose: (started: boolean) => void;
}

/** Confirms, revokes each target, and reports each row's result; loaded when "Revoke selected" is clicked. */
export function BulkRevokeDialog({ orgId, targets, onClose }: BulkRevokeDialogProps) {
  const bulk = useRevokeInvitations(orgId);
  const toast = useToast();
  const count = targets.length;
  const plural = count === 1 ? 'invitation' : 'invitations';
  const close = () => {
    if (!bulk.running) onClose(bulk.started);
  };
  const results = Object.values(bulk.outcomes);
  const failed = results.filter((o) => o.state === 'failed').length;
  const finished = bulk.started && !bulk.running;
  return (
    <Dialog
      open
      onRequestClose={close}
      title={finished ? 'Revocation results' : `Revoke ${formatCount(count)} ${plural}?`}
      description={
        finished
          ? `${formatCount(count - failed)} revoked, ${formatCount(failed)} failed.`
          : "These people will no longer be able to join with their invitation. This can't be undone."
      }
      footer={
        finished ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={bulk.running}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={bulk.running}
              onClick={async () => {
                await bulk.run(targets.map((t) => t.id));
                toast({
                  tone: 'success',
                  title: `Revoked selected ${plural}`,
                  description: 'See the result for each row.',
                });
              }}
            >
              Revoke {formatCount(count)} {plural}
            </Button>
          </>
        )
      }
    >
      <ul className="bulk-list" aria-label="Selected invitations">
        {targets.map((t) => (
          <li key={t.id}>
            <span className="bulk-email">{t.email_address}</span>
            <OutcomeText outcome={bulk.outcomes[t.id]} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
