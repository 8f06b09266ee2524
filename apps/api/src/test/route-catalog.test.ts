import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { appConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { silentLogger } from '../log.ts';
import { createStore } from '../store/create-store.ts';
import { ROUTES } from './route-catalog.ts';

const shape = (method: string, path: string) => `${method} ${path.replace(/:[a-z]+/g, ':param')}`;

describe('the route catalog', () => {
  it('lists every route the api serves, so the header, fuzz, leak and secrecy suites cover new ones', async () => {
    const config = appConfig({ clerkApiUrl: 'http://127.0.0.1:9', clerkSecretKey: 'sk_test_catalog' });
    const store = await createStore({ url: ':memory:' });
    const app = createApp(config, createDeps(config, { logger: silentLogger, store }));
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => shape(r.method, r.path)),
    );
    const catalog = new Set(ROUTES.map((r) => shape(r.method, r.pattern)));
    expect(
      [...served].filter((r) => !catalog.has(r)),
      'served but missing from the catalog',
    ).toEqual([]);
    expect(
      [...catalog].filter((r) => !served.has(r)),
      'in the catalog but not served',
    ).toEqual([]);
    await store.close();
  });
});
