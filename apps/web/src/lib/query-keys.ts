/**
 * Query key roots shared by features, so a mutation in one feature can invalidate another's queries
 * without importing it. Each operation's `…QueryOptions` builds its full key from these.
 */
export const queryKeys = {
  me: ['me'] as const,
  demoUsers: ['demo-users'] as const,
  organizations: ['organizations'] as const,
  organization: (orgId: string) => ['organizations', orgId] as const,
  roles: ['organization-roles'] as const,
  /** Every invitation query (org lists, instance-wide list, details). */
  invitations: ['invitations'] as const,
  orgInvitations: (orgId: string) => ['invitations', 'org', orgId] as const,
  invitation: (orgId: string, invitationId: string) =>
    ['invitations', 'org', orgId, 'detail', invitationId] as const,
  allInvitations: ['invitations', 'all'] as const,
  /** The live "already pending / already a member" check of a bulk paste. */
  bulkCheck: (orgId: string) => ['bulk-check', orgId] as const,
  /** Every bulk job query (an organization's list, one job). */
  bulkJobs: ['bulk-jobs'] as const,
  orgBulkJobs: (orgId: string) => ['bulk-jobs', 'org', orgId] as const,
  bulkJob: (jobId: string) => ['bulk-jobs', 'job', jobId] as const,
  activity: ['activity'] as const,
  /** The person lookup's Clerk reads (user, memberships). */
  people: ['people'] as const,
};
