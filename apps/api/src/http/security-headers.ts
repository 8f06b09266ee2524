/**
 * The policy: our own origin only. Clerk's UI (FAPI-NOTES.md) needs inline styles (it injects its CSS at
 * run time), blob: workers and data: images; its scripts and Frontend API come through `/__clerk` on
 * our origin, so script-src and connect-src stay 'self'. `imageOrigins` adds Clerk's avatar host
 * against real Clerk.
 */
export function contentSecurityPolicy(imageOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', ...imageOrigins].join(' '),
    "connect-src 'self'",
    "font-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every response carries, pages and API alike. */
export function securityHeaders(imageOrigins: readonly string[] = []): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(imageOrigins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** The headers with no extra image origin (answers of the socket layer, tests). */
export const SECURITY_HEADERS = securityHeaders();

/** Applies the headers to a response in place and drops X-Powered-By. */
export function applySecurityHeaders(
  headers: Headers,
  values: Readonly<Record<string, string>> = SECURITY_HEADERS,
): void {
  for (const name in values) headers.set(name, values[name] as string);
  headers.delete('X-Powered-By');
}
