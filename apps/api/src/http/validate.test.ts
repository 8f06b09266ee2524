import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleError } from './errors.ts';
import { queryValidator } from './validate.ts';

/** An app answering the validated query of `GET /q`, and how often zod ran. */
function queryApp(maxEntries: number) {
  const runs = { count: 0 };
  const schema = z
    .object({ limit: z.coerce.number().int().min(1).max(500).default(10), status: z.string().optional() })
    .transform((query) => {
      runs.count += 1;
      return query;
    });
  const validate = queryValidator(schema, maxEntries);
  const app = new Hono().get('/q', (c) => c.json(validate(c)));
  app.onError(handleError);
  return { app, runs };
}

describe('validated query strings', () => {
  it('validates each distinct raw query string once and answers the same result after that', async () => {
    const { app, runs } = queryApp(8);
    const first = await (await app.request('/q?limit=5&status=pending')).json();
    const again = await (await app.request('/q?limit=5&status=pending')).json();
    expect(first).toEqual({ data: { limit: 5, status: 'pending' }, search: 'limit=5&status=pending' });
    expect(again).toEqual(first);
    expect(runs.count).toBe(1);
    expect(await (await app.request('/q')).json()).toEqual({ data: { limit: 10 }, search: 'limit=10' });
    expect(runs.count).toBe(2);
  });

  it('never keeps an invalid query string: it is refused every time', async () => {
    const { app, runs } = queryApp(8);
    for (let i = 0; i < 2; i++) expect((await app.request('/q?limit=0')).status).toBe(422);
    expect(runs.count).toBe(0);
  });

  it('forgets the least recently used string when full, and never keeps very long ones', async () => {
    const { app, runs } = queryApp(2);
    await app.request('/q?limit=1');
    await app.request('/q?limit=2');
    await app.request('/q?limit=1'); // now the most recently used
    await app.request('/q?limit=3'); // evicts limit=2
    expect(runs.count).toBe(3);
    await app.request('/q?limit=1');
    expect(runs.count).toBe(3);
    await app.request('/q?limit=2');
    expect(runs.count).toBe(4);
    const long = `/q?limit=4&status=${'x'.repeat(600)}`;
    await app.request(long);
    await app.request(long);
    expect(runs.count).toBe(6);
  });
});
