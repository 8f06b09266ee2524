import type { BulkJobCounts, BulkJobKind, BulkRowOutcome } from '@invites/clerk-schema';

/** How a job of each kind is named on its progress page, and what its rows' success is called. */
export interface KindWords {
  /** "Bulk invite", "Re-issue", "Bulk revoke". */
  name: string;
  /** The outcome a row ends with when it worked. */
  success: Extract<BulkRowOutcome, 'invited' | 'revoked'>;
  successLabel: string;
  /** How rows are sent, for the page's description. */
  pacing: string;
}

const WORDS: Record<BulkJobKind, KindWords> = {
  invite: {
    name: 'Bulk invite',
    success: 'invited',
    successLabel: 'Invited',
    pacing: 'Rows are sent in batches of 10 at the pace Clerk allows.',
  },
  reissue: {
    name: 'Re-issue',
    success: 'invited',
    successLabel: 'Re-issued',
    pacing:
      'Each invitation is looked up, revoked when still pending, and sent again in batches of 10 at the pace Clerk allows.',
  },
  revoke: {
    name: 'Bulk revoke',
    success: 'revoked',
    successLabel: 'Revoked',
    pacing: 'Invitations are revoked a few at a time at the pace Clerk allows.',
  },
};

/** The words for a job of `kind` (a job from before kinds existed is a bulk invite). */
export function kindWords(kind: BulkJobKind | undefined): KindWords {
  return WORDS[kind ?? 'invite'];
}

/** Rows that worked, whatever the kind. */
export function succeeded(counts: BulkJobCounts): number {
  return counts.invited + (counts.revoked ?? 0);
}
