import type { ActivitySearch } from '../../../lib/search-schemas.ts';

const DAY_MS = 24 * 3600_000;

/** Start of a `YYYY-MM-DD` day in UTC (ms); the URL schema has already checked the day exists. */
function dayStart(day: string | undefined): number | undefined {
  return day === undefined ? undefined : Date.parse(`${day}T00:00:00Z`);
}

/** The api's query (`since`/`until` inclusive Unix ms, `limit`/`offset`) for the URL state. */
export function toActivityQuery(search: ActivitySearch) {
  const { pageSize } = search;
  const since = dayStart(search.from);
  const to = dayStart(search.to);
  return {
    organization_id: search.organization_id,
    actor_id: search.actor_id,
    action: search.action,
    since,
    until: to === undefined ? undefined : to + DAY_MS - 1,
    limit: pageSize,
    offset: (search.page - 1) * pageSize,
  };
}
