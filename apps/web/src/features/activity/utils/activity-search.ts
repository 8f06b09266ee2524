import type { ActivityAction } from '@invites/clerk-schema';
import { PAGE_SIZES, type PageSize, positiveInt } from '../../../lib/url-state.ts';

// The page reads this module on its first render (a first route's chunk), so it imports no values
// from the schema package (zod would come along); activity-search.test.ts checks the names against it.
export const ACTION_VALUES = [
  'invitation.create',
  'invitation.revoke',
  'invitation.bulk_create',
  'bulk_job.create',
  'bulk_job.cancel',
  'bulk_job.retry',
  'invitation.accept',
  'membership.create',
  'membership.update',
  'membership.delete',
] as const satisfies readonly ActivityAction[];

export const DEFAULT_ACTIVITY_PAGE_SIZE: PageSize = 25;

/** `/activity` search params; a missing key means "any" or the default. */
export interface ActivitySearch {
  organization_id?: string;
  actor_id?: string;
  action?: ActivityAction;
  /** Days (UTC), `YYYY-MM-DD`, both included. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: PageSize;
}

const ID = /^[A-Za-z0-9_]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function id(value: unknown): string | undefined {
  return typeof value === 'string' && ID.test(value.trim()) ? value.trim() : undefined;
}
/** Start of a `YYYY-MM-DD` day in UTC (ms), or undefined for anything else (`2026-02-30` included). */
export function dayStart(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DAY.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}

/** Validates `/activity` search params; invalid or default values are dropped. */
export function validateActivitySearch(raw: Record<string, unknown>): ActivitySearch {
  const out: ActivitySearch = {};
  const org = id(raw.organization_id);
  const actor = id(raw.actor_id);
  const action = ACTION_VALUES.find((a) => a === raw.action);
  const page = positiveInt(raw.page);
  const size = positiveInt(raw.pageSize);
  const pageSize = PAGE_SIZES.find((s) => s === size);
  if (org) out.organization_id = org;
  if (actor) out.actor_id = actor;
  if (action) out.action = action;
  if (dayStart(raw.from) !== undefined) out.from = raw.from as string;
  if (dayStart(raw.to) !== undefined) out.to = raw.to as string;
  if (page && page > 1) out.page = page;
  if (pageSize && pageSize !== DEFAULT_ACTIVITY_PAGE_SIZE) out.pageSize = pageSize;
  return out;
}
