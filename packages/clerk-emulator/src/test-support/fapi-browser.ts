import { DEMO_PASSWORD } from '../seed/demo-data.ts';

/** A JSON answer read loosely in tests (the spec recorder checks every answer's shape). */
// biome-ignore lint/suspicious/noExplicitAny: tests read deep into answers whose shape the spec check covers.
export type Loose = any;

export interface FapiAnswer<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
  /** The raw `Set-Cookie` headers of the answer. */
  setCookies: string[];
}

type Form = Record<string, string>;

/**
 * A browser talking to the emulator's Frontend API the way clerk-js does: a cookie jar, an
 * `Origin`, form-encoded snake_case bodies, clerk-js's version parameters, and PATCH/DELETE sent
 * as POST with `?_method=`.
 */
export class FapiBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly emulatorUrl: string,
    private readonly options: { origin?: string; headers?: Record<string, string> } = {},
  ) {}

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, form?: Form) {
    return this.request('POST', path, form);
  }

  /** PATCH or DELETE as clerk-js sends them: a POST with `_method`. */
  send(method: 'PATCH' | 'DELETE' | 'PUT', path: string, form?: Form) {
    return this.request(method, path, form);
  }

  async request(
    method: string,
    path: string,
    body?: Form | string,
    init: { headers?: Record<string, string>; contentType?: string } = {},
  ): Promise<FapiAnswer> {
    const url = new URL(`${this.emulatorUrl}/fapi${path}`);
    url.searchParams.set('__clerk_api_version', '2026-08-20');
    url.searchParams.set('_clerk_js_version', '6.40.0');
    if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: {
        Origin: this.options.origin ?? 'http://localhost:3000',
        ...(cookie ? { Cookie: cookie } : {}),
        ...(method === 'GET'
          ? {}
          : { 'Content-Type': init.contentType ?? 'application/x-www-form-urlencoded' }),
        ...this.options.headers,
        ...init.headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : new URLSearchParams(body).toString() }),
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.#store(line);
    return {
      status: response.status,
      body: (await response.json()) as Loose,
      headers: response.headers,
      setCookies,
    };
  }

  #store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const index = pair.indexOf('=');
    const name = pair.slice(0, index);
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=.*1970/i.test(a));
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(index + 1));
  }

  /** Identifies with `email` and signs in with `password`; answers the completed sign-in. */
  async signIn(
    email: string,
    password: string = DEMO_PASSWORD,
  ): Promise<{ signInId: string; sessionId: string }> {
    const created = await this.post('/v1/client/sign_ins', { identifier: email, locale: 'en-US' });
    if (created.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(created.body)}`);
    const signInId = created.body.response.id as string;
    const done = await this.post(`/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
      strategy: 'password',
      password,
    });
    if (done.status !== 200) throw new Error(`password failed: ${JSON.stringify(done.body)}`);
    return { signInId, sessionId: done.body.response.created_session_id as string };
  }
}

/** The claims of a JWT, unverified. */
export function jwtClaims(jwt: string): Loose {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Loose;
}
