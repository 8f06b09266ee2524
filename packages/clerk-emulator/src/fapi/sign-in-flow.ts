import { timingSafeEqual } from 'node:crypto';
import {
  clerkErrors,
  type FapiAttemptFirstFactorBody,
  type FapiCreateSignInBody,
  type FapiPrepareFirstFactorBody,
  newClerkId,
  normalizeEmail,
} from '@invites/clerk-schema';
import type { EmulatorContext } from '../context.ts';
import { raise } from '../http/respond.ts';
import { verifyPassword } from '../services/password.ts';
import { type ClientRow, updateClient } from '../store/clients.ts';
import { activeClientSessions, insertSession } from '../store/sessions.ts';
import { settleSignInToken, signInTokenByTicket } from '../store/sign-in-tokens.ts';
import { insertSignIn, type SignInRow, saveSignIn } from '../store/sign-ins.ts';
import { getUser, userIdByEmail } from '../store/users.ts';
import { EMAIL_CODE_TTL_MS, sendEmailCode } from './email-code.ts';

// The sign-in state machine behind `/v1/client/sign_ins`: identify (email address), then one first
// factor (password or email code), or a ticket (a Backend API sign-in token) that completes at
// once. Completing creates a session on the browser's client. Failed attempts are saved before the
// error is raised, so the attempt count survives.

const SIGN_IN_ABANDON_MS = 86_400_000;
/** Wrong codes allowed before the code stops working. */
export const MAX_CODE_ATTEMPTS = 5;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `POST /v1/client/sign_ins`: a new attempt replaces the client's current one. */
export function createSignIn(
  ctx: EmulatorContext,
  client: ClientRow,
  input: FapiCreateSignInBody,
): SignInRow {
  const { db, clock } = ctx;
  const now = clock.now();
  // Single-session mode: a browser holds one signed-in session at a time.
  if (activeClientSessions(db, client.id, now).length > 0) raise(clerkErrors.sessionExists());
  const row: SignInRow = {
    id: newClerkId('sia'),
    client_id: client.id,
    user_id: null,
    identifier: null,
    status: 'needs_identifier',
    factor_strategy: null,
    factor_status: null,
    factor_attempts: 0,
    factor_expire_at: null,
    email_address_id: null,
    code: null,
    created_session_id: null,
    abandon_at: now + SIGN_IN_ABANDON_MS,
    created_at: now,
    updated_at: now,
  };
  if (input.strategy === 'ticket') return redeemTicket(ctx, client, row, input.ticket);
  if (input.identifier !== undefined && input.identifier.trim() !== '') {
    const identifier = normalizeEmail(input.identifier);
    const userId = userIdByEmail(db, identifier) ?? raise(clerkErrors.identifierNotFound());
    Object.assign(row, { user_id: userId, identifier, status: 'needs_first_factor' });
  } else if (input.strategy !== undefined && input.strategy !== '') {
    raise(clerkErrors.paramMissing('identifier'));
  }
  insertSignIn(db, row);
  updateClient(db, client.id, { signInId: row.id }, now);
  if (input.strategy === 'password') {
    return attemptFirstFactor(ctx, client, row, { strategy: 'password', password: input.password });
  }
  if (input.strategy === 'email_code') return prepareFirstFactor(ctx, row, { strategy: 'email_code' });
  return row;
}

function redeemTicket(
  ctx: EmulatorContext,
  client: ClientRow,
  row: SignInRow,
  ticket: string | undefined,
): SignInRow {
  const { db, clock } = ctx;
  if (!ticket) return raise(clerkErrors.paramMissing('ticket'));
  const token = signInTokenByTicket(db, ticket);
  if (token?.status !== 'pending') return raise(clerkErrors.ticketInvalid());
  if (token.expires_at <= clock.now()) return raise(clerkErrors.ticketExpired());
  const record = getUser(db, token.user_id) ?? raise(clerkErrors.ticketInvalid());
  if (!settleSignInToken(db, token.id, 'accepted', clock.now())) raise(clerkErrors.ticketInvalid());
  Object.assign(row, {
    user_id: token.user_id,
    identifier: record.emails[0]?.email_address ?? null,
    factor_strategy: 'ticket',
  });
  insertSignIn(db, row);
  return complete(ctx, client, row, token.org_id);
}

function requireIdentified(row: SignInRow): string {
  if (row.status === 'complete' || row.status === 'abandoned' || !row.user_id) {
    return raise(clerkErrors.paramValueInvalid('sign_in_id', row.id));
  }
  return row.user_id;
}

/** `prepare_first_factor`: `email_code` sends a fresh code (to the user's address). */
export function prepareFirstFactor(
  ctx: EmulatorContext,
  row: SignInRow,
  input: FapiPrepareFirstFactorBody,
): SignInRow {
  const userId = requireIdentified(row);
  if (input.strategy !== 'email_code') raise(clerkErrors.strategyNotAllowed(input.strategy));
  const record = getUser(ctx.db, userId) ?? raise(clerkErrors.identifierNotFound());
  const email = input.email_address_id
    ? record.emails.find((e) => e.id === input.email_address_id)
    : record.emails[0];
  if (!email) return raise(clerkErrors.paramValueInvalid('email_address_id', input.email_address_id));
  const now = ctx.clock.now();
  Object.assign(row, {
    factor_strategy: 'email_code',
    factor_status: 'unverified',
    factor_attempts: 0,
    factor_expire_at: now + EMAIL_CODE_TTL_MS,
    email_address_id: email.id,
    code: sendEmailCode(ctx, email.email_address, userId),
    updated_at: now,
  });
  saveSignIn(ctx.db, row);
  return row;
}

/** `attempt_first_factor` with a password or the prepared email code; completes the sign-in when right. */
export function attemptFirstFactor(
  ctx: EmulatorContext,
  client: ClientRow,
  row: SignInRow,
  input: FapiAttemptFirstFactorBody,
): SignInRow {
  const userId = requireIdentified(row);
  const now = ctx.clock.now();
  if (input.strategy === 'password') {
    const digest = getUser(ctx.db, userId)?.user.password_digest;
    if (!digest) return raise(clerkErrors.strategyNotAllowed('password'));
    if (!input.password) return raise(clerkErrors.paramMissing('password'));
    const attempts = row.factor_strategy === 'password' ? row.factor_attempts + 1 : 1;
    Object.assign(row, { factor_strategy: 'password', factor_attempts: attempts, updated_at: now });
    if (!verifyPassword(input.password, digest)) {
      Object.assign(row, { factor_status: 'unverified', factor_expire_at: null });
      saveSignIn(ctx.db, row);
      return raise(clerkErrors.passwordIncorrect());
    }
    return complete(ctx, client, row, null);
  }
  if (input.strategy === 'email_code') {
    if (row.factor_strategy !== 'email_code' || !row.code) return raise(clerkErrors.verificationMissing());
    if (row.factor_status === 'failed') return raise(clerkErrors.verificationFailed());
    if (row.factor_status === 'expired' || (row.factor_expire_at ?? 0) <= now) {
      Object.assign(row, { factor_status: 'expired', updated_at: now });
      saveSignIn(ctx.db, row);
      return raise(clerkErrors.verificationExpired());
    }
    if (!input.code) return raise(clerkErrors.paramMissing('code'));
    if (!sameText(input.code.trim(), row.code)) {
      const attempts = row.factor_attempts + 1;
      const failed = attempts >= MAX_CODE_ATTEMPTS;
      Object.assign(row, {
        factor_attempts: attempts,
        factor_status: failed ? 'failed' : 'unverified',
        updated_at: now,
      });
      saveSignIn(ctx.db, row);
      return raise(failed ? clerkErrors.verificationFailed() : clerkErrors.codeIncorrect());
    }
    return complete(ctx, client, row, null);
  }
  return raise(clerkErrors.strategyNotAllowed(input.strategy));
}

/** The factor is verified: a new session on the client becomes its last active one. */
function complete(ctx: EmulatorContext, client: ClientRow, row: SignInRow, orgId: string | null): SignInRow {
  const { db, clock } = ctx;
  const now = clock.now();
  const sessionId = newClerkId('sess');
  db.transaction(() => {
    insertSession(db, {
      id: sessionId,
      clientId: client.id,
      userId: row.user_id ?? '',
      activeOrgId: orgId,
      now,
    });
    Object.assign(row, {
      status: 'complete',
      factor_status: 'verified',
      code: null,
      created_session_id: sessionId,
      updated_at: now,
    });
    saveSignIn(db, row);
    updateClient(db, client.id, { signInId: null, lastActiveSessionId: sessionId }, now);
  })();
  return row;
}
