import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { type ClerkFailure, clerkErrors } from '@invites/clerk-schema';

// Passwords are stored as scrypt digests (`scrypt$N$r$p$salt$hash`, base64url parts) and never
// in clear. Clerk's own rules: at least 8 characters, at most 72 bytes (bcrypt's limit), unless the
// Backend API is told `skip_password_checks`. Clerk's breached-password check needs a network
// list, so it is not emulated.

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;

/** The scrypt digest of `password` with a fresh salt. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** True when `password` matches `digest` (constant time in the hash comparison). */
export function verifyPassword(password: string, digest: string): boolean {
  const [scheme, n, r, p, salt, hash] = digest.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Clerk's password rules, or null when `password` passes them. */
export function passwordProblem(password: string): ClerkFailure | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return clerkErrors.passwordTooShort(PASSWORD_MIN_LENGTH);
  if (Buffer.byteLength(password) > PASSWORD_MAX_BYTES)
    return clerkErrors.passwordTooLong(PASSWORD_MAX_BYTES);
  return null;
}

let demoDigest: { password: string; digest: string } | undefined;

/** One digest of the demo password per process: seeding and every reset reuse it (scrypt is slow on purpose). */
export function demoPasswordDigest(password: string): string {
  if (demoDigest?.password !== password) demoDigest = { password, digest: hashPassword(password) };
  return demoDigest.digest;
}
