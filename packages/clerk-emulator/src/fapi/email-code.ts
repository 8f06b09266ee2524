import { randomInt } from 'node:crypto';
import { newClerkId } from '@invites/clerk-schema';
import type { EmulatorContext } from '../context.ts';
import { insertEmail } from '../store/emails.ts';

/** How long an email code stays valid (Clerk's is 10 minutes). */
export const EMAIL_CODE_TTL_MS = 10 * 60_000;

/**
 * A fresh six-digit code "sent" to `to`: the emulator never sends mail, it records the email in its
 * outbox (`GET /__emulator/emails`).
 */
export function sendEmailCode(ctx: EmulatorContext, to: string, userId: string): string {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  insertEmail(ctx.db, {
    id: newClerkId('ema'),
    to_address: to,
    user_id: userId,
    slug: 'verification_code',
    subject: `${code} is your verification code`,
    body: `Enter ${code} to sign in to the Invitations Console. The code expires in 10 minutes. If you did not try to sign in, ignore this email.`,
    code,
    created_at: ctx.clock.now(),
  });
  return code;
}
