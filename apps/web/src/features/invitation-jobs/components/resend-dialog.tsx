import type { BulkJob, OrganizationInvitation } from '@invites/clerk-schema';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useResendInvitation } from '../api/resend-invitation.ts';
import { useRetryResend } from '../api/retry-resend.ts';
import { resendSentence } from '../utils/validity.ts';

interface ResendDialogProps {
  invitation: OrganizationInvitation;
  onClose: () => void;
  jobLink?: ((jobId: string) => ReactNode) | undefined;
}

/** The job a failed resend left to retry ("revoked, not re-created"), from the error's meta. */
function retryableJob(error: ApiError | null): string | null {
  if (error?.code !== 'invitation_revoked_not_recreated') return null;
  const id = error.errors[0]?.meta?.bulk_job_id;
  return typeof id === 'string' ? id : null;
}

/** "Resend invitation?": resends, says what happened, and offers a retry when the new one was not made. */
export function ResendDialog({ invitation, onClose, jobLink }: ResendDialogProps) {
  const resend = useResendInvitation();
  const retry = useRetryResend();
  const toast = useToast();
  const [retryProblem, setRetryProblem] = useState<string | null>(null);
  const busy = resend.isPending || retry.isPending;
  const close = () => {
    if (!busy) onClose();
  };
  const done = (answer: { kind: 'resent' } | { kind: 'queued'; jobId: string }) => {
    onClose();
    if (answer.kind === 'resent') {
      toast({ tone: 'success', title: 'Invitation resent', description: invitation.email_address });
    } else {
      toast({
        tone: 'info',
        title: 'Resend waiting for Clerk',
        description: `Clerk's rate limit: the invitation to ${invitation.email_address} is sent as soon as Clerk allows.`,
        ...(jobLink ? { action: jobLink(answer.jobId) } : {}),
      });
    }
  };
  const jobId = retryableJob(resend.error);
  const send = async () => {
    // Awaited, not `mutate(…, { onSuccess })`: the refreshed list may unmount this dialog first.
    try {
      const answer = await resend.mutateAsync({
        orgId: invitation.organization_id,
        invitationId: invitation.id,
      });
      done(answer.kind === 'resent' ? { kind: 'resent' } : { kind: 'queued', jobId: answer.job.id });
    } catch {
      // The dialog shows the error.
    }
  };
  const retryCreate = async (id: string) => {
    setRetryProblem(null);
    let job: BulkJob;
    try {
      job = await retry.mutateAsync(id);
    } catch (error) {
      setRetryProblem(error instanceof ApiError ? error.longMessage : 'The retry could not be started.');
      return;
    }
    const row = job.rows[0];
    if (row?.outcome === 'invited') done({ kind: 'resent' });
    else if (job.status === 'waiting_rate_limit') done({ kind: 'queued', jobId: job.id });
    else setRetryProblem(row?.message ?? 'The new invitation was still not created.');
  };
  return (
    <Dialog
      open
      size="sm"
      onRequestClose={close}
      title={jobId ? 'Revoked, not re-created' : 'Resend invitation?'}
      description={
        jobId ? (
          <>
            The invitation to <strong>{invitation.email_address}</strong> was revoked, but the new one was not
            created. Nothing else changes until you retry.
          </>
        ) : (
          <>
            <strong>{invitation.email_address}</strong>: {resendSentence(invitation)}
          </>
        )
      }
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            {jobId ? 'Close' : 'Cancel'}
          </Button>
          {jobId ? (
            <Button variant="primary" loading={retry.isPending} onClick={() => void retryCreate(jobId)}>
              Retry
            </Button>
          ) : (
            <Button variant="primary" loading={resend.isPending} onClick={() => void send()} data-autofocus>
              Resend invitation
            </Button>
          )}
        </>
      }
    >
      {resend.isError || retryProblem ? (
        <p className="form-error" role="alert">
          <AlertCircle size={16} />
          <span>{retryProblem ?? resend.error?.longMessage}</span>
        </p>
      ) : null}
    </Dialog>
  );
}
