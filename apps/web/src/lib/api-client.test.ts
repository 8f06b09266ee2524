import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  parseRetryAfter,
  setSessionTokenSource,
  toApiError,
  toQueryString,
} from './api-client.ts';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionTokenSource(async () => null);
});

describe('toApiError', () => {
  it("reads Clerk's envelope: code, long_message, param_name and trace id", () => {
    const error = toApiError(422, {
      errors: [
        {
          code: 'form_param_format_invalid',
          message: 'is invalid',
          long_message: 'email_address must be a valid email address.',
          meta: { param_name: 'email_address' },
        },
      ],
      clerk_trace_id: 'abc123',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('form_param_format_invalid');
    expect(error.message).toBe('is invalid');
    expect(error.longMessage).toBe('email_address must be a valid email address.');
    expect(error.paramName).toBe('email_address');
    expect(error.traceId).toBe('abc123');
  });

  it('keeps every error of the envelope', () => {
    const error = toApiError(422, {
      errors: [
        { code: 'a', message: 'a', long_message: 'A' },
        { code: 'b', message: 'b', long_message: 'B', meta: { param_name: 'role' } },
      ],
    });
    expect(error.errors.map((e) => e.code)).toEqual(['a', 'b']);
    expect(error.paramName).toBeNull();
  });

  it('reads Retry-After seconds on a 429', () => {
    const error = toApiError(
      429,
      {
        errors: [
          {
            code: 'too_many_requests',
            message: 'Too many requests',
            long_message: 'Too many requests, retry later',
          },
        ],
      },
      new Headers({ 'retry-after': '17' }),
    );
    expect(error.retryAfter).toBe(17);
    expect(error.longMessage).toBe('Too many requests, retry later');
  });

  it('falls back to a readable message when the body is not an envelope (a proxy error page)', () => {
    const error = toApiError(502, '<html>Bad gateway</html>', new Headers({ 'x-clerk-trace-id': 'trace-9' }));
    expect(error.code).toBe('http_502');
    expect(error.longMessage).toBe('Clerk could not be reached. Try again in a moment.');
    expect(error.traceId).toBe('trace-9');
    expect(String(error.longMessage)).not.toContain('[object Object]');
  });

  it('uses message when long_message is missing', () => {
    const error = toApiError(400, { errors: [{ code: 'x', message: 'Short message' }] });
    expect(error.longMessage).toBe('Short message');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(
      60,
    );
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('toQueryString', () => {
  it('repeats array keys and leaves out empty values', () => {
    expect(
      toQueryString({
        status: ['pending', 'expired'],
        email_address: undefined,
        q: '',
        limit: 25,
        offset: 0,
      }),
    ).toBe('?status=pending&status=expired&limit=25&offset=0');
    expect(toQueryString({})).toBe('');
  });
});

describe('api', () => {
  it('sends same-origin JSON and returns the parsed body', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(
      api('/api/x', { method: 'POST', body: { a: 1 }, query: { status: ['pending'] } }),
    ).resolves.toEqual({
      ok: true,
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/x?status=pending');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
  });

  it('throws an ApiError for an error status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(403, {
          errors: [
            {
              code: 'authorization_invalid',
              message: 'Unauthorized request',
              long_message: 'You are not allowed to do this.',
            },
          ],
        }),
      ),
    );
    await expect(api('/api/v1/organizations/org_x')).rejects.toMatchObject({
      status: 403,
      longMessage: 'You are not allowed to do this.',
    });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api('/api/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('the session token on api calls', () => {
  const captureFetch = () => {
    const seen: Headers[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        seen.push(new Headers(init.headers));
        return jsonResponse(200, {});
      }),
    );
    return seen;
  };

  it('sends the fresh token of the source as a Bearer header on every call', async () => {
    const seen = captureFetch();
    let n = 0;
    setSessionTokenSource(async () => `token-${++n}`);
    await api('/api/me');
    await api('/api/v1/x', { method: 'POST', body: {} });
    expect(seen.map((h) => h.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(seen[1]?.get('content-type')).toBe('application/json');
  });

  it('sends none when signed out, and none on public calls without asking the source', async () => {
    const seen = captureFetch();
    const source = vi.fn(async () => null as string | null);
    setSessionTokenSource(source);
    await api('/api/me');
    expect(seen[0]?.has('authorization')).toBe(false);
    source.mockResolvedValue('token');
    await api('/api/demo/users', { anonymous: true });
    expect(seen[1]?.has('authorization')).toBe(false);
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('fails with a clear error, and sends nothing, when the session cannot be confirmed', async () => {
    const seen = captureFetch();
    setSessionTokenSource(() => Promise.reject(new Error('clerk_runtime_load_timeout')));
    const error = await api('/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('session_unavailable');
    expect((error as ApiError).longMessage).toMatch(/Couldn't confirm your session with Clerk/);
    expect(seen).toHaveLength(0);
  });
});
