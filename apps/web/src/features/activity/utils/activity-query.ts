import { type ActivitySearch, DEFAULT_ACTIVITY_PAGE_SIZE, dayStart } from './activity-search.ts';

const DAY_MS = 24 * 3600_000;

/** The api's query (`since`/`until` inclusive Unix ms, `limit`/`offset`) for the URL state. */
export function toActivityQuery(search: ActivitySearch) {
  const pageSize = search.pageSize ?? DEFAULT_ACTIVITY_PAGE_SIZE;
  const since = dayStart(search.from);
  const to = dayStart(search.to);
  return {
    organization_id: search.organization_id,
    actor_id: search.actor_id,
    action: search.action,
    since,
    until: to === undefined ? undefined : to + DAY_MS - 1,
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}
