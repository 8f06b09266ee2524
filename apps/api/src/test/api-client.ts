import type { Harness, Persona } from './harness.ts';

/** Sends a JSON request to the in-process api as a persona. */
export type ApiClient = (
  persona: Persona,
  method: string,
  path: string,
  body?: unknown,
) => Response | Promise<Response>;

/** An ApiClient over the harness app with the personas' session tokens. */
export function apiClient(h: Harness, tokens: Partial<Record<Persona, string>>): ApiClient {
  return (persona, method, path, body) =>
    h.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[persona]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** Session tokens for the personas, with their principals already cached by the api. */
export async function signIn(h: Harness, personas: Persona[]): Promise<Partial<Record<Persona, string>>> {
  const tokens: Partial<Record<Persona, string>> = {};
  for (const persona of personas) {
    tokens[persona] = await h.tokenFor(persona);
    await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens[persona]}` } });
  }
  return tokens;
}

let seq = 0;

/** `n` bulk rows with addresses on a domain no other call returns. */
export function freshRows(n: number, tag = 'job'): { email_address: string; role: string }[] {
  const domain = `${tag}-${Date.now().toString(36)}-${seq++}.example`;
  return Array.from({ length: n }, (_, i) => ({ email_address: `user${i}@${domain}`, role: 'org:member' }));
}
