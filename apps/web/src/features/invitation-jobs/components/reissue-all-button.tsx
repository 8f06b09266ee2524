import type { BulkJob, InvitationJobFilter } from '@invites/clerk-schema';
import { useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle, Refresh } from '../../../ui/icons.tsx';
import { useStartInvitationJob } from '../api/start-invitation-job.ts';

interface ReissueAllButtonProps {
  orgId: string;
  /** `expired`: "Re-issue all expired"; `expiring`: "Resend all expiring" (within `days`). */
  mode: { kind: 'expired' } | { kind: 'expiring'; days: number };
  /** How many invitations the filtered list holds now (the confirmation says it). */
  count: number;
  /** The list's filters, read again by the server when the job starts. */
  filter: InvitationJobFilter;
  onJobStarted: (job: BulkJob) => void;
}

/** "Re-issue all expired" / "Resend all expiring": after a confirmation with the count, a reissue job. */
export function ReissueAllButton({ orgId, mode, count, filter, onJobStarted }: ReissueAllButtonProps) {
  const [open, setOpen] = useState(false);
  const start = useStartInvitationJob(orgId);
  const label = mode.kind === 'expired' ? 'Re-issue all expired' : 'Resend all expiring';
  const noun = count === 1 ? 'invitation' : 'invitations';
  const title =
    mode.kind === 'expired'
      ? `Re-issue ${formatCount(count)} expired ${noun}?`
      : `Resend ${formatCount(count)} ${noun} expiring within ${mode.days} days?`;
  const close = () => {
    if (!start.isPending) {
      setOpen(false);
      start.reset();
    }
  };
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} disabled={count === 0}>
        <Refresh size={14} />
        {label}
      </Button>
      {open ? (
        <Dialog
          open
          size="sm"
          onRequestClose={close}
          title={title}
          description={
            mode.kind === 'expired'
              ? 'Each is sent again with its role, details and validity. A job sends them at the pace Clerk allows; you can follow its progress and leave the page.'
              : 'Each is revoked and sent again with its role, details and validity, so it starts a new validity period. A job sends them at the pace Clerk allows.'
          }
          footer={
            <>
              <Button onClick={close} disabled={start.isPending}>
                Cancel
              </Button>
              <Button
                variant="primary"
                loading={start.isPending}
                onClick={async () => {
                  try {
                    const job = await start.mutateAsync({ kind: 'reissue', filter });
                    setOpen(false);
                    onJobStarted(job);
                  } catch {
                    // Shown below.
                  }
                }}
              >
                {mode.kind === 'expired' ? `Re-issue ${formatCount(count)}` : `Resend ${formatCount(count)}`}
              </Button>
            </>
          }
        >
          {start.isError ? (
            <p className="form-error" role="alert">
              <AlertCircle size={16} />
              <span>{start.error.longMessage}</span>
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
