import type { Db } from '../../db/database.ts';
import type { ClientRow } from '../../store/clients.ts';
import { activeClientSessions } from '../../store/sessions.ts';
import { getSignIn } from '../../store/sign-ins.ts';
import { CLIENT_COOKIE_MAX_AGE_S } from '../cookies.ts';
import type { SessionTokenMinter } from '../session-token.ts';
import { toFapiSession } from './session.ts';
import { toSignIn } from './sign-in.ts';

/** Clerk's Client: the browser's signed-in sessions and its sign-in in progress. */
export function toClient(db: Db, row: ClientRow, now: number, mint?: SessionTokenMinter) {
  const sessions = activeClientSessions(db, row.id, now);
  const signIn = row.sign_in_id ? getSignIn(db, row.sign_in_id) : undefined;
  const lastActive = sessions.some((s) => s.id === row.last_active_session_id)
    ? row.last_active_session_id
    : (sessions.at(-1)?.id ?? null);
  return {
    object: 'client' as const,
    id: row.id,
    sessions: sessions.map((session) => toFapiSession(db, session, now, mint)),
    sign_in: signIn && signIn.status !== 'complete' ? toSignIn(db, signIn) : null,
    sign_up: null,
    last_active_session_id: lastActive,
    last_authentication_strategy: null,
    cookie_expires_at: row.updated_at + CLIENT_COOKIE_MAX_AGE_S * 1000,
    captcha_bypass: false,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** `__client_uat`: the client's last update in unix seconds while it has a signed-in session, else 0. */
export function clientUat(db: Db, row: ClientRow, now: number): number {
  return activeClientSessions(db, row.id, now).length > 0 ? Math.floor(row.updated_at / 1000) : 0;
}
