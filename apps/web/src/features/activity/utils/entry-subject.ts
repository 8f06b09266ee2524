import type { ActivityEntry } from '@invites/clerk-schema';

/** What an entry is about, read from its detail: its invitation, its bulk job, and how many addresses. */
export interface EntrySubject {
  /** The one invitation it created, revoked or found (a link to its detail). */
  invitationId: string | null;
  /** The bulk job it belongs to (a link to its progress and results). */
  jobId: string | null;
  /** Every address it concerns, also those the log left out of a large job's entry. */
  addressCount: number;
  /** The job's pasted rows, on the entry that started it. */
  rowCount: number | null;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
const count = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

/** The subject of an activity entry (see EntrySubject). */
export function entrySubject(entry: Pick<ActivityEntry, 'detail' | 'email_addresses'>): EntrySubject {
  const { detail } = entry;
  return {
    invitationId: entry.email_addresses.length <= 1 ? text(detail.invitation_id) : null,
    jobId: text(detail.bulk_job_id),
    addressCount: entry.email_addresses.length + (count(detail.email_addresses_omitted) ?? 0),
    rowCount: count(detail.row_count),
  };
}
