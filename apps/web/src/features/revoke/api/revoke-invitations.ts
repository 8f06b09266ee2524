import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { alreadySettled } from '../utils/already-settled.ts';
import { invalidateAfterRevoke, revokeInvitation } from './revoke-invitation.ts';

export type RevokeOutcome =
  | { state: 'waiting' }
  | { state: 'revoking' }
  | { state: 'revoked' }
  | { state: 'failed'; message: string };

const CONCURRENCY = 3;

/** Revokes several invitations (revoke, one request each, a few at a time), with a result per row. */
export function useRevokeInvitations(orgId: string) {
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<Record<string, RevokeOutcome>>({});
  const [running, setRunning] = useState(false);

  const run = useCallback(
    async (invitationIds: string[]) => {
      setRunning(true);
      setOutcomes(Object.fromEntries(invitationIds.map((id) => [id, { state: 'waiting' }])));
      const set = (id: string, outcome: RevokeOutcome) => setOutcomes((prev) => ({ ...prev, [id]: outcome }));
      const queue = [...invitationIds];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          set(id, { state: 'revoking' });
          try {
            await revokeInvitation({ orgId, invitationId: id });
            set(id, { state: 'revoked' });
          } catch (error) {
            set(id, {
              state: 'failed',
              message:
                error instanceof ApiError
                  ? (alreadySettled(error) ?? error.longMessage)
                  : 'Unexpected error.',
            });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, invitationIds.length) }, worker));
      setRunning(false);
      await invalidateAfterRevoke(queryClient);
    },
    [orgId, queryClient],
  );

  return { run, outcomes, running, started: Object.keys(outcomes).length > 0 };
}
