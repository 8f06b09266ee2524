import { ConsoleConfig } from '@invites/clerk-schema';
import { createContext, useContext } from 'react';

/**
 * How this server signs people in, read once at start: inline in index.html when the api served the
 * page (no round trip before Clerk can start), else `GET /api/config` (Vite's dev server).
 */
export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const inline = document.getElementById('console-config')?.textContent;
  if (inline) return ConsoleConfig.parse(JSON.parse(inline));
  const res = await fetch('/api/config', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/config answered ${res.status}`);
  return ConsoleConfig.parse(await res.json());
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
