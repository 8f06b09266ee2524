// Plain functions, no zod: the web app's bulk paste classifies addresses with these on its first
// render, and zod (~28 KB gzip) would not fit that page's bundle budget. Import them from
// `@invites/clerk-schema/email-rules` there; everywhere else the package index has them too.

// Local part: dot-separated atoms of letters (any script), digits and RFC 5322 atext specials.
const LOCAL = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// Domain label: letters (any script), digits, inner hyphens; 1..63 characters.
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TLD = /^(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** Why `value` is not an address Clerk would accept, or null when it is acceptable. */
export function emailProblem(value: string): string | null {
  if (value.length === 0) return 'is empty';
  if (/\s/u.test(value)) return 'contains whitespace';
  if (value.length > 254) return 'is longer than 254 characters';
  const at = value.lastIndexOf('@');
  if (at < 0) return 'is missing an @';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return 'has nothing before the @';
  if (local.includes('@')) return 'has more than one @';
  if (local.length > 64) return 'has a local part longer than 64 characters';
  if (!LOCAL.test(local)) return 'has an invalid character or dot before the @';
  if (domain.length === 0) return 'has no domain';
  const labels = domain.split('.');
  if (labels.length < 2) return 'has a domain without a dot';
  if (!labels.every((l) => LABEL.test(l))) return 'has an invalid domain';
  if (!TLD.test(labels[labels.length - 1] ?? '')) return 'has an invalid top-level domain';
  return null;
}

/** Clerk's normalisation of an address on create: trimmed and lower-cased. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
