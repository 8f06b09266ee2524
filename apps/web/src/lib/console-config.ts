import type { ConsoleConfig } from '@invites/clerk-schema';
import { createContext, useContext } from 'react';

/**
 * How this server signs people in, read once at start: inline in index.html when the api served the
 * page (no round trip before Clerk can start), else `GET /api/config` (Vite's dev server).
 */
export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const inline = document.getElementById('console-config')?.textContent;
  if (inline) return checked(JSON.parse(inline));
  const res = await fetch('/api/config', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/config answered ${res.status}`);
  return checked(await res.json());
}

// A hand check instead of `ConsoleConfig.parse`: zod would weigh on every first load for four fields
// our own server wrote (the api's tests hold it to the schema).
function checked(value: unknown): ConsoleConfig {
  const v = value as Partial<Record<keyof ConsoleConfig, unknown>> | null;
  const ok =
    typeof v?.publishable_key === 'string' &&
    typeof v.proxy_url === 'string' &&
    (v.sign_in_url === null || typeof v.sign_in_url === 'string') &&
    typeof v.demo === 'boolean';
  if (!ok) throw new Error('The server sent an unreadable sign-in configuration.');
  return v as ConsoleConfig;
}

const ConsoleConfigContext = createContext<ConsoleConfig | null>(null);

/** Provides the config read at start to every component below. */
export const ConsoleConfigProvider = ConsoleConfigContext.Provider;

/** The config read at start (inside `ConsoleConfigProvider`). */
export function useConsoleConfig(): ConsoleConfig {
  const config = useContext(ConsoleConfigContext);
  if (!config) throw new Error('useConsoleConfig must be used inside ConsoleConfigProvider');
  return config;
}
