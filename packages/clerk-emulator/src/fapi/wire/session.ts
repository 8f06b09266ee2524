import type { Db } from '../../db/database.ts';
import type { SessionRow } from '../../store/sessions.ts';
import { getUser } from '../../store/users.ts';
import type { SessionTokenMinter } from '../session-token.ts';
import { fapiPublicUserData, toFapiUser } from './user.ts';

/**
 * Clerk's Frontend API Session: the session with its user (null when the user is gone) and, while it
 * is active, a fresh `last_active_token` (clerk-js derives the signed-in state from its claims).
 */
export function toFapiSession(db: Db, row: SessionRow, now: number, mint?: SessionTokenMinter) {
  const record = getUser(db, row.user_id);
  return {
    object: 'session' as const,
    id: row.id,
    status: row.status,
    expire_at: row.expire_at,
    abandon_at: row.abandon_at,
    last_active_at: row.updated_at,
    last_active_token: row.status === 'active' && mint ? { object: 'token' as const, jwt: mint(row) } : null,
    last_active_organization_id: row.active_org_id,
    actor: null,
    tasks: null,
    ...(record ? { user: toFapiUser(db, record, now) } : {}),
    public_user_data: record ? fapiPublicUserData(record) : null,
    // Minutes since the first factor was verified (at sign-in); -1: no second factor.
    factor_verification_age: [Math.max(0, Math.floor((now - row.created_at) / 60_000)), -1],
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
