import { ActivityQuery } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { activitySearch } from '../../../lib/search-schemas.ts';
import { actionLabel } from './action-labels.ts';
import { toActivityQuery } from './activity-query.ts';

describe('activity query', () => {
  it('labels the actions it knows and shows the others as they are', () => {
    expect(actionLabel('invitation.create')).toBe('Invited');
    expect(actionLabel('something.else')).toBe('something.else');
  });

  it('becomes a query the shared schema accepts, with whole days on the viewer’s calendar', () => {
    const search = activitySearch.parse({ from: '2026-05-01', to: '2026-05-01', page: 2, pageSize: 10 });
    // 1 May in Los Angeles runs from 07:00 UTC that day to 07:00 UTC the next.
    expect(toActivityQuery(search, 'America/Los_Angeles')).toMatchObject({
      since: Date.UTC(2026, 4, 1, 7),
      until: Date.UTC(2026, 4, 2, 7) - 1,
    });
    expect(toActivityQuery(search, 'Europe/Berlin')).toMatchObject({
      since: Date.UTC(2026, 3, 30, 22),
      until: Date.UTC(2026, 4, 1, 22) - 1,
    });
    const query = toActivityQuery(search, 'UTC');
    expect(query).toMatchObject({
      since: Date.UTC(2026, 4, 1),
      until: Date.UTC(2026, 4, 2) - 1,
      limit: 10,
      offset: 10,
    });
    const params = Object.fromEntries(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(ActivityQuery.safeParse(params).success).toBe(true);
    expect(ActivityQuery.safeParse(toActivityQuery(activitySearch.parse({}))).success).toBe(true);
  });
});
