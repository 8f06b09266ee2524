import type { BulkJob } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { invalidateAfterResend } from './resend-invitation.ts';

const POLL_MS = 500;
const GIVE_UP_MS = 30_000;

const jobPath = (jobId: string) => `/api/bulk-invitations/${encodeURIComponent(jobId)}`;

/**
 * Retries a resend that ended "revoked, not re-created": `POST /api/bulk-invitations/:id/retry` puts
 * its row back, then `GET /api/bulk-invitations/:id` is polled until the job ends (or a rate limit
 * makes it wait). Answers the job as it stands.
 */
export async function retryResend(jobId: string): Promise<BulkJob> {
  let job = await api<BulkJob>(`${jobPath(jobId)}/retry`, { method: 'POST', body: {} });
  const deadline = Date.now() + GIVE_UP_MS;
  while (job.status !== 'done' && job.status !== 'cancelled' && job.status !== 'waiting_rate_limit') {
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await api<BulkJob>(jobPath(jobId));
  }
  return job;
}

export function useRetryResend() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: retryResend, onSettled: () => invalidateAfterResend(queryClient) });
}
