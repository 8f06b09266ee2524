import type { CreateInvitationBody } from '@invites/clerk-schema';
import { recordRow, sourceId } from './invitation-rows.ts';
import type { CreatePolicy, JobRun } from './job-run.ts';
import type { RowRecord } from './row-store.ts';

/** The new invitation's body: the old one's, kept in the row, sent as the job's acting user. */
function item(run: JobRun, row: RowRecord): CreateInvitationBody {
  const body = JSON.parse(row.payload ?? '{}') as CreateInvitationBody;
  return { ...body, inviter_user_id: run.job.inviter_user_id };
}

export const REISSUE_POLICY: CreatePolicy = {
  item,
  // Each row is logged once it ends, old id → new id, rather than each Clerk call.
  recordCall: async () => {},
  recordSettled: async (run, entries) => {
    for (const { row, settled } of entries) {
      await recordRow(run, 'invitation.resent', row, settled, {
        replaces: sourceId(row),
        ...(settled.invitation_id ? { invitation_id: settled.invitation_id } : {}),
      });
    }
  },
  refusal: (row, outcome, reason) => {
    if (outcome === 'failed' && row.step === 'revoked') {
      return {
        code: 'invitation_revoked_not_recreated',
        message: `Revoked, not re-created: ${reason.message} Retry to create it.`,
      };
    }
    if (outcome === 'skipped' && reason.code !== 'already_a_member_in_organization') {
      return {
        code: reason.code,
        message: `${row.email_address} already has a newer pending invitation; not resent.`,
      };
    }
    return reason;
  },
};
