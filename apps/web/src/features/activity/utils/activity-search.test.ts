import { ACTIVITY_ACTIONS, ActivityQuery } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { actionLabel } from './action-labels.ts';
import { toActivityQuery } from './activity-query.ts';
import { ACTION_VALUES, validateActivitySearch } from './activity-search.ts';

describe('activity search params', () => {
  it('matches the schema package action names', () => {
    expect([...ACTION_VALUES]).toEqual([...ACTIVITY_ACTIONS]);
    expect(actionLabel('invitation.create')).toBe('Invited');
    expect(actionLabel('something.else')).toBe('something.else');
  });

  it('keeps valid filters and drops defaults and junk', () => {
    expect(validateActivitySearch({})).toEqual({});
    expect(
      validateActivitySearch({
        organization_id: 'org_2AcmeCorp',
        actor_id: 'user_2Ada',
        action: 'invitation.revoke',
        from: '2026-05-01',
        to: '2026-05-31',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      organization_id: 'org_2AcmeCorp',
      actor_id: 'user_2Ada',
      action: 'invitation.revoke',
      from: '2026-05-01',
      to: '2026-05-31',
      page: 3,
      pageSize: 50,
    });
    expect(
      validateActivitySearch({
        organization_id: 'org 1; drop',
        action: 'nope',
        from: '2026-02-30',
        to: 'yesterday',
        page: '1',
        pageSize: '25',
      }),
    ).toEqual({});
  });

  it('becomes a query the shared schema accepts, with whole UTC days', () => {
    const query = toActivityQuery({ from: '2026-05-01', to: '2026-05-01', page: 2, pageSize: 10 });
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
    expect(ActivityQuery.safeParse(toActivityQuery({})).success).toBe(true);
  });
});
