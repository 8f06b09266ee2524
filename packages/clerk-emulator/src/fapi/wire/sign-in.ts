import type { Db } from '../../db/database.ts';
import type { SignInRow } from '../../store/sign-ins.ts';
import { getUser, type UserRecord } from '../../store/users.ts';
import { DEFAULT_IMAGE_URL } from '../../wire/image.ts';

/** The first factors the user can sign in with: their password if they have one, a code to their address. */
function firstFactors(record: UserRecord) {
  const email = record.emails[0];
  return [
    ...(record.user.password_digest ? [{ strategy: 'password' as const }] : []),
    ...(email
      ? [
          {
            strategy: 'email_code' as const,
            safe_identifier: email.email_address,
            email_address_id: email.id,
            primary: true,
          },
        ]
      : []),
  ];
}

const VERIFICATION_OBJECT: Record<string, string> = {
  password: 'verification_password',
  email_code: 'verification_otp',
  ticket: 'verification_ticket',
};

function firstFactorVerification(row: SignInRow) {
  if (!row.factor_strategy || !row.factor_status) return null;
  return {
    object: VERIFICATION_OBJECT[row.factor_strategy] ?? 'verification',
    status: row.factor_status,
    strategy: row.factor_strategy,
    attempts: row.factor_strategy === 'ticket' ? null : row.factor_attempts,
    // Only a one-time code expires; a password or ticket verification has no expiry.
    expire_at: row.factor_strategy === 'email_code' ? row.factor_expire_at : null,
  };
}

/** Clerk's SignIn object (`sign_in_attempt`). */
export function toSignIn(db: Db, row: SignInRow) {
  const record = row.user_id ? getUser(db, row.user_id) : undefined;
  return {
    object: 'sign_in_attempt' as const,
    id: row.id,
    status: row.status,
    supported_identifiers: ['email_address'],
    supported_first_factors: record && row.status !== 'complete' ? firstFactors(record) : [],
    supported_second_factors: null,
    first_factor_verification: firstFactorVerification(row),
    second_factor_verification: null,
    identifier: row.identifier,
    user_data: record
      ? {
          first_name: record.user.first_name,
          last_name: record.user.last_name,
          image_url: DEFAULT_IMAGE_URL,
          has_image: false,
        }
      : null,
    created_session_id: row.created_session_id,
    abandon_at: row.abandon_at,
  };
}
