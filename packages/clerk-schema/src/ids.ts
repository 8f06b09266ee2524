import { z } from 'zod';

/** Clerk ID prefixes used by the objects in scope. */
export const ID_PREFIXES = [
  'org',
  'orginv',
  'user',
  'sess',
  'role',
  'orgmem',
  'idn',
  'ins',
  'perm',
  'client',
  'sia',
  'sit',
  'ema',
  'msg',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** True when `value` is `<prefix>_` followed by 27 base62 characters, Clerk's ID format. */
export function isClerkId(prefix: IdPrefix, value: string): boolean {
  return (
    value.length === prefix.length + 28 &&
    value.startsWith(`${prefix}_`) &&
    /^[0-9A-Za-z]{27}$/.test(value.slice(prefix.length + 1))
  );
}

/** A zod schema accepting only IDs of the given prefix. */
export function clerkId(prefix: IdPrefix) {
  return z.string().refine((v) => isClerkId(prefix, v), { message: `must be a ${prefix}_ ID` });
}

/** A fresh random Clerk-style ID (`org_` + 27 base62 characters). */
export function newClerkId(prefix: IdPrefix): string {
  const bytes = new Uint8Array(27);
  globalThis.crypto.getRandomValues(bytes);
  let out = `${prefix}_`;
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

export const OrganizationId = clerkId('org');
export const InvitationId = clerkId('orginv');
export const UserId = clerkId('user');
export const SessionId = clerkId('sess');
