import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { invalidateAfterResend, resendInvitation } from './resend-invitation.ts';

export type ResendOutcome =
  | { state: 'waiting' }
  | { state: 'resending' }
  | { state: 'resent' }
  | { state: 'queued' }
  | { state: 'skipped'; message: string }
  | { state: 'failed'; message: string };

const CONCURRENCY = 3;
// Clerk's answers that mean "left alone on purpose", not an error.
const SKIP_CODES = new Set([
  'already_a_member_in_organization',
  'organization_invitation_not_unique',
  'organization_invitation_not_resendable',
]);

/** Resends a few invitations (one request each, a few at a time), with a result per row. */
export function useResendInvitations(orgId: string) {
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<Record<string, ResendOutcome>>({});
  const [running, setRunning] = useState(false);

  const run = useCallback(
    async (invitationIds: string[]) => {
      setRunning(true);
      setOutcomes(Object.fromEntries(invitationIds.map((id) => [id, { state: 'waiting' }])));
      const set = (id: string, outcome: ResendOutcome) => setOutcomes((prev) => ({ ...prev, [id]: outcome }));
      const queue = [...invitationIds];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          set(id, { state: 'resending' });
          try {
            const answer = await resendInvitation({ orgId, invitationId: id });
            set(id, { state: answer.kind === 'resent' ? 'resent' : 'queued' });
          } catch (error) {
            const message = error instanceof ApiError ? error.longMessage : 'Unexpected error.';
            const skipped = error instanceof ApiError && SKIP_CODES.has(error.code);
            set(id, { state: skipped ? 'skipped' : 'failed', message });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, invitationIds.length) }, worker));
      setRunning(false);
      await invalidateAfterResend(queryClient);
    },
    [orgId, queryClient],
  );

  return { run, outcomes, running, started: Object.keys(outcomes).length > 0 };
}
