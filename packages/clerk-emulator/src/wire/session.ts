import type { Session } from '@invites/clerk-schema';
import type { SessionRow } from '../store/sessions.ts';

/** Clerk's Session object. */
export function toSession(row: SessionRow): Session {
  return {
    object: 'session',
    id: row.id,
    user_id: row.user_id,
    client_id: row.client_id,
    status: row.status,
    last_active_organization_id: row.active_org_id,
    last_active_at: row.updated_at,
    expire_at: row.expire_at,
    abandon_at: row.abandon_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
