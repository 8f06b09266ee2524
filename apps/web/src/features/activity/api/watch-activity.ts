import type { ActivityChangesAnswer } from '@invites/clerk-schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Seconds the server may hold one wait open. */
const WAIT_SECONDS = 25;
/** After a failed wait (offline, signed out, a deploy), try again after this long. */
const RETRY_MS = 5_000;

/** `GET /api/activity/changes`: answers when the log changed since `after` (or after `wait` seconds). */
export function waitForActivityChange(
  after: number,
  wait: number,
  signal: AbortSignal,
): Promise<ActivityChangesAnswer> {
  return api<ActivityChangesAnswer>('/api/activity/changes', { query: { after, wait }, signal });
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * While `enabled`, keeps one long poll open and reloads the activity queries as soon as the server
 * says the log changed (Clerk's webhooks add entries at any time), so an open log shows them at once.
 */
export function useActivityChanges(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      let after: number | undefined;
      while (!signal.aborted) {
        try {
          const answer = await waitForActivityChange(
            after ?? 0,
            after === undefined ? 0 : WAIT_SECONDS,
            signal,
          );
          if (after !== undefined && answer.changed) {
            await queryClient.invalidateQueries({ queryKey: queryKeys.activity });
          }
          after = answer.version;
        } catch {
          await pause(RETRY_MS, signal);
        }
      }
    })();
    return () => controller.abort();
  }, [enabled, queryClient]);
}
