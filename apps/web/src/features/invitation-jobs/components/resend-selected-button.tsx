import type { BulkJob, OrganizationInvitation } from '@invites/clerk-schema';
import { lazy } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { LazyDialogButton } from '../../../ui/lazy-dialog-button.tsx';
import { Mail } from '../../../ui/page-icons.tsx';

const loadDialog = () => import('./resend-selected-dialog.tsx');
const ResendSelectedDialog = lazy(() => loadDialog().then((m) => ({ default: m.ResendSelectedDialog })));

interface ResendSelectedButtonProps {
  orgId: string;
  /** The selected rows; the pending and expired ones are resent. */
  selected: OrganizationInvitation[];
  onDone: () => void;
  /** A selection of more than 10 goes through a job: the page shows its progress. */
  onJobStarted: (job: BulkJob) => void;
}

/** "Resend selected": a few are resent one by one with a result each; more go through a reissue job. */
export function ResendSelectedButton({ orgId, selected, onDone, onJobStarted }: ResendSelectedButtonProps) {
  const resendable = selected.filter((i) => i.status === 'pending' || i.status === 'expired');
  return (
    <LazyDialogButton
      size="sm"
      preload={loadDialog}
      take={() => resendable}
      // Once sent, the rows change status; the open dialog stays until it is closed.
      unavailable={resendable.length === 0}
      dialog={(targets, close) => (
        <ResendSelectedDialog
          orgId={orgId}
          targets={targets}
          onJobStarted={(job) => {
            close();
            onDone();
            onJobStarted(job);
          }}
          onClose={(started) => {
            close();
            if (started) onDone();
          }}
        />
      )}
    >
      <Mail size={14} />
      Resend selected ({formatCount(resendable.length)})
    </LazyDialogButton>
  );
}
