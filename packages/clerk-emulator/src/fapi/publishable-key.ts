import { createHash } from 'node:crypto';

/**
 * The host named in the emulator's publishable key. clerk-js needs a dotted host; with a proxy URL
 * (`proxyUrl="/__clerk"`) it never contacts it.
 */
export const EMULATOR_FAPI_HOST = 'clerk.emulator.localhost';

/**
 * A production-style publishable key for `host`: `pk_live_` + base64(`<host>$`) without padding.
 * Production keys keep clerk-js off the development-browser flow (`/v1/dev_browser`).
 */
export function publishableKeyFor(host: string = EMULATOR_FAPI_HOST): string {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host)) {
    throw new Error(`clerk-emulator: a publishable key needs a dotted host name, got ${host}`);
  }
  return `pk_live_${Buffer.from(`${host}$`).toString('base64').replace(/=+$/, '')}`;
}

/** The publishable key the emulator publishes; clients of its Frontend API use this one. */
export const EMULATOR_PUBLISHABLE_KEY = publishableKeyFor();

/** clerk-js's cookie-name suffix for a publishable key (first 8 characters of base64url(sha1(key))). */
export function cookieSuffixFor(publishableKey: string): string {
  return createHash('sha1')
    .update(publishableKey)
    .digest('base64')
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .slice(0, 8);
}
