import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetUser } from './query-client.ts';

/** A read whose answer (per call) the test gives; the signal it was asked with, to see it cancelled. */
function controlledRead() {
  const calls: { answer: (value: string) => void; signal: AbortSignal }[] = [];
  const queryFn = ({ signal }: { signal: AbortSignal }) =>
    new Promise<string>((resolve) => {
      calls.push({ answer: resolve, signal });
    });
  return { calls, queryFn };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('forgetUser', () => {
  it('drops a read under way and asks again for what is on screen, so it is never left waiting', async () => {
    const client = new QueryClient();
    const { calls, queryFn } = controlledRead();
    const observer = new QueryObserver(client, { queryKey: ['me'], queryFn });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await flush();
    expect(calls).toHaveLength(1);

    void forgetUser(client);
    await flush();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls).toHaveLength(2);
    // The first user's answer arrives late: dropped. The new one shows.
    calls[0]?.answer('ada');
    calls[1]?.answer('grace');
    await flush();
    expect(observer.getCurrentResult().data).toBe('grace');
    expect(seen).not.toContain('ada');
    unsubscribe();
  });

  it('keeps no answer of the previous user, on screen or not, and forgets past mutations', async () => {
    const client = new QueryClient();
    client.setQueryData(['org', 'org_1'], { name: 'Acme' });
    await client
      .getMutationCache()
      .build(client, { mutationFn: async () => 'done' })
      .execute(undefined);
    await forgetUser(client);
    expect(client.getQueryData(['org', 'org_1'])).toBeUndefined();
    expect(client.getMutationCache().getAll()).toEqual([]);
  });
});
