import type { z } from 'zod';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';

const PAGE = 500;
const PARALLEL_PAGES = 4;

/** Parses an upstream answer or throws a 502-mapped UpstreamError naming `what`. */
export function parseUpstream<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UpstreamError('bad_response', `unexpected ${what} shape from upstream`);
  return parsed.data;
}

/**
 * Every item of a Clerk list endpoint: the first page of 500, then the rest a few pages at a time. A
 * filter given as a list repeats its key (`status=pending&status=expired`).
 */
export async function listAll<T>(
  upstream: UpstreamClient,
  path: string,
  filters: Record<string, string | readonly string[]>,
  schema: z.ZodType<{ data: T[]; total_count: number }>,
  what: string,
  /** Sees the count of every item before the rest is read (and may throw to stop there). */
  onTotal?: (total: number) => void,
): Promise<T[]> {
  const page = async (offset: number) => {
    const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    for (const [key, value] of Object.entries(filters)) {
      for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
    }
    const res = await upstream.send({ method: 'GET', path, query });
    return parseUpstream(schema, await readUpstream(res), what);
  };
  const first = await page(0);
  onTotal?.(first.total_count);
  const items = [...first.data];
  const offsets: number[] = [];
  for (let offset = PAGE; offset < first.total_count; offset += PAGE) offsets.push(offset);
  for (let i = 0; i < offsets.length; i += PARALLEL_PAGES) {
    const pages = await Promise.all(offsets.slice(i, i + PARALLEL_PAGES).map(page));
    for (const p of pages) items.push(...p.data);
  }
  return items;
}
