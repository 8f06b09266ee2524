import type { BulkJob, OrganizationInvitation } from '@invites/clerk-schema';
import { lazy, Suspense, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { Mail } from '../../../ui/icons.tsx';

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
  const [targets, setTargets] = useState<OrganizationInvitation[] | null>(null);
  // Once sent, the rows change status; the open dialog stays until it is closed.
  if (resendable.length === 0 && targets === null) return null;
  return (
    <>
      <Button
        size="sm"
        onClick={() => setTargets(resendable)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <Mail size={14} />
        Resend selected ({formatCount(resendable.length)})
      </Button>
      {targets ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          <ResendSelectedDialog
            orgId={orgId}
            targets={targets}
            onJobStarted={(job) => {
              setTargets(null);
              onDone();
              onJobStarted(job);
            }}
            onClose={(started) => {
              setTargets(null);
              if (started) onDone();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
