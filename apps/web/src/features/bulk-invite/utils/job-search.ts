import type { BulkRowOutcome } from '@invites/clerk-schema';
import { positiveInt } from '../../../lib/url-state.ts';

// The page reads this module on its first render (a first route's chunk), so it imports no values
// from the schema package (zod would come along); job-search.test.ts checks the names against it.
export const OUTCOME_VALUES = [
  'pending',
  'invited',
  'skipped',
  'failed',
] as const satisfies readonly BulkRowOutcome[];
export const JOB_PAGE_SIZES = [50, 100, 500] as const;
export const DEFAULT_JOB_PAGE_SIZE = 100;

/** `/orgs/:orgId/invitations/bulk/:jobId` search params; a missing key means the default. */
export interface BulkJobSearch {
  outcome?: BulkRowOutcome[];
  page?: number;
  pageSize?: number;
}

/** Validates the progress page's search params (outcome filter, page); invalid or default values are dropped. */
export function validateBulkJobSearch(raw: Record<string, unknown>): BulkJobSearch {
  const list = Array.isArray(raw.outcome) ? raw.outcome : raw.outcome === undefined ? [] : [raw.outcome];
  const outcome = OUTCOME_VALUES.filter((o) => list.includes(o));
  const page = positiveInt(raw.page);
  const size = positiveInt(raw.pageSize);
  const pageSize = JOB_PAGE_SIZES.find((s) => s === size);
  const out: BulkJobSearch = {};
  if (outcome.length > 0) out.outcome = outcome;
  if (page && page > 1) out.page = page;
  if (pageSize && pageSize !== DEFAULT_JOB_PAGE_SIZE) out.pageSize = pageSize;
  return out;
}
