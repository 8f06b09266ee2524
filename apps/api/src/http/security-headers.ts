export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries, pages and API alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const SECURITY_HEADER_ENTRIES = Object.entries(SECURITY_HEADERS);

/** SECURITY_HEADERS with lower-case names, for plain header records (see respond.ts). */
export const SECURITY_HEADERS_LOWER: Readonly<Record<string, string>> = Object.fromEntries(
  SECURITY_HEADER_ENTRIES.map(([name, value]) => [name.toLowerCase(), value]),
);

/** Applies SECURITY_HEADERS to a response in place and drops X-Powered-By. */
export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of SECURITY_HEADER_ENTRIES) headers.set(name, value);
  headers.delete('X-Powered-By');
}
