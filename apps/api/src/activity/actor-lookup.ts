import { emailProblem, normalizeEmail, UserList } from '@invites/clerk-schema';
import { parseUpstream } from '../bulk/list-all.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';

/**
 * The ids of Clerk's users who have the address `text`, when it is one (none otherwise): the log
 * names an actor by name, or by address only when they have no name, so an address is looked up.
 */
export async function userIdsWithEmail(upstream: UpstreamClient, text: string): Promise<string[]> {
  if (emailProblem(text) !== null) return [];
  const query = new URLSearchParams({ email_address: normalizeEmail(text), limit: '10' });
  const res = await upstream.send({ method: 'GET', path: '/v1/users', query });
  return parseUpstream(UserList, await readUpstream(res), 'user list').map((user) => user.id);
}
