import type { ActivityAction } from '@invites/clerk-schema';

const ACTION_LABELS: Record<ActivityAction, string> = {
  'invitation.create': 'Invited',
  'invitation.revoke': 'Revoked',
  'invitation.bulk_create': 'Bulk invited',
  'bulk_job.create': 'Started a bulk invite',
  'bulk_job.cancel': 'Cancelled a bulk invite',
  'bulk_job.retry': 'Retried a bulk invite',
  'invitation.resent': 'Resent',
  'invitation.accept': 'Accepted',
  'membership.create': 'Member added',
  'membership.update': 'Member role changed',
  'membership.delete': 'Member removed',
};

/** An action in words; an unknown one as recorded. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action as ActivityAction] ?? action;
}
