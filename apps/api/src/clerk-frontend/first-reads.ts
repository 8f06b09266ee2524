import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PinnedPackage } from './pinned-scripts.ts';

// The Frontend API version clerk-js sends with every request, as its bundle spells it.
const API_VERSION = /"__clerk_api_version","(\d{4}-\d{2}-\d{2})"/;

// A bundle of a few hundred KB, read once per process (every app the tests build asks again).
const versions = new Map<string, string | null>();

function bundleApiVersion(path: string): string | null {
  let version = versions.get(path);
  if (version === undefined) {
    try {
      version = API_VERSION.exec(readFileSync(path, 'utf8'))?.[1] ?? null;
    } catch {
      version = null;
    }
    versions.set(path, version);
  }
  return version;
}

/**
 * The two Frontend API reads clerk-js makes as it loads (the environment and the client), at the
 * addresses it builds for them through the proxy at `proxyPath`, so index.html can start them before
 * clerk-js has run. None when they cannot be known exactly: a development key (`pk_test_`) adds the
 * development browser's token to every request (FAPI-NOTES.md), and a bundle that does not spell its
 * API version as this one does is a clerk-js we have not read.
 */
export function clerkFirstReads(
  publishableKey: string,
  clerkJs: PinnedPackage | undefined,
  proxyPath: string,
): string[] {
  if (!publishableKey.startsWith('pk_live_') || !clerkJs) return [];
  const apiVersion = bundleApiVersion(join(clerkJs.dist, 'clerk.browser.js'));
  if (!apiVersion) return [];
  const query = `__clerk_api_version=${apiVersion}&_clerk_js_version=${clerkJs.version}`;
  return [`${proxyPath}/v1/environment?${query}`, `${proxyPath}/v1/client?${query}`];
}
