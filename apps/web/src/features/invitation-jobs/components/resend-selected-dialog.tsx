import type { BulkJob, OrganizationInvitation } from '@invites/clerk-schema';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle, Check } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { type ResendOutcome, useResendInvitations } from '../api/resend-invitations.ts';
import { useStartInvitationJob } from '../api/start-invitation-job.ts';
import './invitation-jobs.css';

/** Resent here one by one up to this many; a larger selection goes through a reissue job. */
const ONE_BY_ONE = 10;

function OutcomeText({ outcome }: { outcome: ResendOutcome | undefined }) {
  switch (outcome?.state) {
    case 'resending':
      return (
        <span className="job-outcome">
          <span className="spinner" aria-hidden="true" /> Resending…
        </span>
      );
    case 'resent':
      return (
        <span className="job-outcome is-ok">
          <Check size={14} /> Resent
        </span>
      );
    case 'queued':
      return <span className="job-outcome">Waiting for Clerk's rate limit</span>;
    case 'skipped':
      return <span className="job-outcome is-skipped">Skipped: {outcome.message}</span>;
    case 'failed':
      return (
        <span className="job-outcome is-failed">
          <AlertCircle size={14} /> Failed: {outcome.message}
        </span>
      );
    case 'waiting':
      return <span className="job-outcome muted">Waiting…</span>;
    default:
      return null;
  }
}

interface ResendSelectedDialogProps {
  orgId: string;
  targets: OrganizationInvitation[];
  onJobStarted: (job: BulkJob) => void;
  /** `started`: some were resent, so the owner clears its selection. */
  onClose: (started: boolean) => void;
}

/**
 * Confirms "Resend selected". Up to 10 are resent here, each with its result; more are re-issued by
 * a job (durable, paced by Clerk's rate limits) whose progress page the owner opens.
 */
export function ResendSelectedDialog({ orgId, targets, onJobStarted, onClose }: ResendSelectedDialogProps) {
  const each = useResendInvitations(orgId);
  const job = useStartInvitationJob(orgId);
  const toast = useToast();
  const count = targets.length;
  const viaJob = count > ONE_BY_ONE;
  const plural = count === 1 ? 'invitation' : 'invitations';
  const busy = each.running || job.isPending;
  const close = () => {
    if (!busy) onClose(each.started);
  };
  const outcomes = Object.values(each.outcomes);
  const notResent = outcomes.filter((o) => o.state === 'failed' || o.state === 'skipped').length;
  const finished = each.started && !each.running;
  const start = async () => {
    if (!viaJob) {
      await each.run(targets.map((t) => t.id));
      toast({
        tone: 'success',
        title: `Resent selected ${plural}`,
        description: 'See the result for each row.',
      });
      return;
    }
    try {
      onJobStarted(await job.mutateAsync({ kind: 'reissue', invitation_ids: targets.map((t) => t.id) }));
    } catch {
      // Shown below.
    }
  };
  return (
    <Dialog
      open
      onRequestClose={close}
      title={finished ? 'Resend results' : `Resend ${formatCount(count)} ${plural}?`}
      description={
        finished
          ? `${formatCount(count - notResent)} resent, ${formatCount(notResent)} not resent.`
          : viaJob
            ? 'Pending ones are revoked and sent again, expired ones sent again, each with its role and details. More than 10 go through a job at the pace Clerk allows; you can follow its progress.'
            : 'Pending ones are revoked and sent again, expired ones sent again, each with its role and details.'
      }
      footer={
        finished ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button variant="primary" loading={busy} onClick={() => void start()}>
              Resend {formatCount(count)} {plural}
            </Button>
          </>
        )
      }
    >
      {job.isError ? (
        <p className="form-error" role="alert">
          <AlertCircle size={16} />
          <span>{job.error.longMessage}</span>
        </p>
      ) : null}
      <ul className="job-target-list" aria-label="Selected invitations">
        {targets.map((t) => (
          <li key={t.id}>
            <span className="job-target-email">{t.email_address}</span>
            <OutcomeText outcome={each.outcomes[t.id]} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
