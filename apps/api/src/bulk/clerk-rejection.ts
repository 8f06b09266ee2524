import { type ClerkError, normalizeEmail } from '@invites/clerk-schema';

/** Codes that mean "nothing to do for this address": it is already invited or already a member. */
export const SKIP_CODES: ReadonlySet<string> = new Set([
  'duplicate_record',
  'organization_invitation_not_unique',
  'already_a_member_in_organization',
]);

/** Codes that mean an address may already have a pending invitation (possibly our own). */
export const DUPLICATE_CODES: ReadonlySet<string> = new Set([
  'duplicate_record',
  'organization_invitation_not_unique',
]);

/**
 * A rejection that no address change can fix: it fails every remaining row of the job (bad key, an
 * inviter who is not an admin or does not exist, a missing organization, a full membership quota).
 * An unknown role (`param_name: role`) concerns single rows and is not one of these.
 */
export function isJobWideRejection(status: number, error: ClerkError | undefined): boolean {
  if (status === 401) return true;
  if (!error) return false;
  if (
    error.code === 'not_an_admin_in_organization' ||
    error.code === 'organization_membership_quota_exceeded'
  ) {
    return true;
  }
  return error.code === 'resource_not_found' && error.meta?.param_name === undefined;
}

const EMAIL_CHAR = /[\p{L}\p{M}\p{N}.!#$%&'*+/=?^_`{|}~@-]/u;

function mentions(text: string, email: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(email, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + email.length];
    // A trailing "." ends a sentence, not the address.
    const afterOk =
      after === undefined ||
      !EMAIL_CHAR.test(after) ||
      (after === '.' && !EMAIL_CHAR.test(text[at + email.length + 1] ?? ' '));
    if ((before === undefined || !EMAIL_CHAR.test(before)) && afterOk) return true;
    from = at + 1;
  }
}

function indexFromMeta(meta: Record<string, unknown> | undefined): number | null {
  if (!meta) return null;
  if (typeof meta.index === 'number' && Number.isInteger(meta.index)) return meta.index;
  const param = meta.param_name;
  const match = typeof param === 'string' ? /^\[?(\d+)\]?(\.|$)/.exec(param) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Which items of a rejected bulk chunk each error names, by `meta.email_addresses`, `meta.index`
 * (or an indexed `param_name`), or an address quoted in `long_message`. Unnamed errors are left out.
 */
export function offendingItems(
  errors: readonly ClerkError[],
  emails: readonly string[],
): Map<number, ClerkError> {
  const normalized = emails.map(normalizeEmail);
  const found = new Map<number, ClerkError>();
  for (const error of errors) {
    const named = new Set<number>();
    const listed = error.meta?.email_addresses;
    if (Array.isArray(listed)) {
      const set = new Set(listed.filter((e): e is string => typeof e === 'string').map(normalizeEmail));
      normalized.forEach((e, i) => {
        if (set.has(e)) named.add(i);
      });
    }
    const index = indexFromMeta(error.meta);
    if (named.size === 0 && index !== null && index >= 0 && index < emails.length) named.add(index);
    if (named.size === 0) {
      const text = error.long_message.toLowerCase();
      normalized.forEach((e, i) => {
        if (mentions(text, e)) named.add(i);
      });
    }
    for (const i of named) if (!found.has(i)) found.set(i, error);
  }
  return found;
}

/**
 * A rejection's message for one row, about its own address only: Clerk's duplicate answer lists every
 * pending address of the chunk, and each row that it skips should say why for itself.
 */
export function rowMessage(error: ClerkError, email: string): string {
  if (DUPLICATE_CODES.has(error.code)) return `There is already a pending invitation for ${email}.`;
  if (error.code === 'already_a_member_in_organization')
    return `${email} is already a member of the organization.`;
  const listed = error.meta?.email_addresses;
  const colon = error.long_message.lastIndexOf(':');
  if (Array.isArray(listed) && listed.length > 1 && colon > 0)
    return `${error.long_message.slice(0, colon)}: ${email}`;
  return error.long_message;
}
