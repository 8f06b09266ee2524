import { localDayRange } from '../../../lib/local-days.ts';
import type { ActivitySearch } from '../../../lib/search-schemas.ts';

/**
 * The api's query (`since`/`until` inclusive Unix ms, `limit`/`offset`) for the URL state. The days
 * are the viewer's: `from=2026-05-12` starts at midnight on their clock (`timeZone` pins it in tests).
 */
export function toActivityQuery(search: ActivitySearch, timeZone?: string) {
  const { pageSize } = search;
  const { since, until } = localDayRange(search.from, search.to, timeZone);
  return {
    organization_id: search.organization_id,
    actor: search.actor,
    action: search.action,
    since,
    until,
    limit: pageSize,
    offset: (search.page - 1) * pageSize,
  };
}
