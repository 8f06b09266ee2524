import { describe, expect, it } from 'vitest';
import { catalogApp, contractOf, ROUTES, servedRoutes } from './route-catalog.ts';

describe('the route catalog', () => {
  const app = catalogApp();
  const served = servedRoutes(app);

  it('has every /api route mounted behind an access guard', () => {
    expect(served.filter((r) => r.access === null).map((r) => `${r.method} ${r.pattern}`)).toEqual([]);
    expect(served.length).toBeGreaterThan(20);
  });

  it('covers every route the api serves, so the header, fuzz, matrix, leak and secrecy suites cover new ones', () => {
    const catalog = new Set(ROUTES.map((r) => `${r.method} ${r.pattern}`));
    expect(served.map((r) => `${r.method} ${r.pattern}`).filter((r) => !catalog.has(r))).toEqual([]);
    // A route without its test data would be tried without a valid body or a readable name.
    expect(ROUTES.filter((r) => r.name === `${r.method} ${r.pattern}`).map((r) => r.name)).toEqual([]);
  });

  it('takes a console route’s access level from its contract, and its body and query schemas', () => {
    for (const route of ROUTES) {
      const contract = contractOf(app, route.method, route.pattern);
      if (!contract) continue;
      expect(route.access, route.name).toBe(contract['x-access']);
      if (contract.request?.query) expect(route.query, route.name).toBe(contract.request.query);
    }
    expect(ROUTES.find((r) => r.name === 'bulk job create')).toMatchObject({
      access: 'body_org_manager',
      okStatus: 201,
      body: expect.anything(),
    });
    expect(ROUTES.find((r) => r.name === 'bulk job get')?.access).toBe('job_manager');
  });
});
