import type { BulkJob, InvitationJobFilter } from '@invites/clerk-schema';
import { useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle, Refresh } from '../../../ui/icons.tsx';
import { Trash } from '../../../ui/page-icons.tsx';
import { useStartInvitationJob } from '../api/start-invitation-job.ts';

interface MatchingJobButtonProps {
  orgId: string;
  /** `reissue`: "Resend all N"; `revoke`: "Revoke all N". */
  kind: 'reissue' | 'revoke';
  /** How many the selection holds now: every match but the unticked ones (the confirmation says it). */
  count: number;
  /** The table's filters; the server reads every match again when the job starts. */
  filter: InvitationJobFilter;
  /** Rows unticked after "Select all N matching". */
  excludeIds: string[];
  onJobStarted: (job: BulkJob) => void;
}

/**
 * The selection actions once "Select all N matching" is chosen: after a confirmation with the count,
 * one revoke or reissue job over the filter (minus the unticked rows), followed on its progress page.
 */
export function MatchingJobButton({
  orgId,
  kind,
  count,
  filter,
  excludeIds,
  onJobStarted,
}: MatchingJobButtonProps) {
  const [open, setOpen] = useState(false);
  const start = useStartInvitationJob(orgId);
  const n = formatCount(count);
  const noun = count === 1 ? 'invitation' : 'invitations';
  const verb = kind === 'revoke' ? 'Revoke' : 'Resend';
  const close = () => {
    if (!start.isPending) {
      setOpen(false);
      start.reset();
    }
  };
  const run = async () => {
    try {
      const job = await start.mutateAsync({
        kind,
        filter,
        ...(excludeIds.length > 0 ? { exclude_invitation_ids: excludeIds } : {}),
      });
      setOpen(false);
      onJobStarted(job);
    } catch {
      // Shown in the dialog.
    }
  };
  return (
    <>
      <Button size="sm" variant={kind === 'revoke' ? 'danger' : 'default'} onClick={() => setOpen(true)}>
        {kind === 'revoke' ? <Trash size={14} /> : <Refresh size={14} />}
        {verb} all {n}
      </Button>
      {open ? (
        <Dialog
          open
          size="sm"
          onRequestClose={close}
          title={`${verb} ${n} ${noun}?`}
          description={
            kind === 'revoke'
              ? "Every invitation matching these filters, on every page, is revoked by a job at the pace Clerk allows; you can follow its progress and leave the page. This can't be undone."
              : 'Every invitation matching these filters, on every page, is revoked and sent again with its role, details and validity, by a job at the pace Clerk allows; you can follow its progress and leave the page.'
          }
          footer={
            <>
              <Button onClick={close} disabled={start.isPending}>
                Cancel
              </Button>
              <Button
                variant={kind === 'revoke' ? 'danger' : 'primary'}
                loading={start.isPending}
                onClick={() => void run()}
              >
                {verb} {n}
              </Button>
            </>
          }
        >
          {excludeIds.length > 0 ? (
            <p className="muted">
              {formatCount(excludeIds.length)} you unticked {excludeIds.length === 1 ? 'is' : 'are'} left as{' '}
              {excludeIds.length === 1 ? 'it is' : 'they are'}.
            </p>
          ) : null}
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
