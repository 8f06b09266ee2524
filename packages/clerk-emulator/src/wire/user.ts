import { metadata } from '../store/sql-helpers.ts';
import type { EmailRow, UserRecord } from '../store/users.ts';
import { DEFAULT_IMAGE_URL } from './image.ts';

function toEmailAddress(row: EmailRow) {
  return {
    id: row.id,
    object: 'email_address' as const,
    email_address: row.email_address,
    reserved: false,
    verification: {
      object: 'verification_admin' as const,
      status: 'verified' as const,
      strategy: 'admin' as const,
      attempts: null,
      expire_at: null,
    },
    linked_to: [],
    matches_sso_connection: false,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Clerk's full User object (every field the spec requires; additionalProperties is false there). */
export function toUser({ user, emails }: UserRecord) {
  return {
    id: user.id,
    object: 'user' as const,
    external_id: user.external_id,
    primary_email_address_id: emails[0]?.id ?? null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    locale: null,
    image_url: DEFAULT_IMAGE_URL,
    has_image: false,
    public_metadata: metadata(user.public_metadata),
    private_metadata: metadata(user.private_metadata),
    unsafe_metadata: metadata(user.unsafe_metadata),
    email_addresses: emails.map(toEmailAddress),
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: user.password_digest !== null,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: user.password_updated_at,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.last_sign_in_at,
    banned: user.banned === 1,
    locked: user.locked === 1,
    deprovisioned: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: user.created_at,
    updated_at: user.updated_at,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: null,
    legal_accepted_at: null,
    bypass_client_trust: false,
  };
}

/** `public_inviter_data` / `public_user_data` built from a user and its primary address. */
export function publicUserData(record: UserRecord) {
  return {
    user_id: record.user.id,
    first_name: record.user.first_name,
    last_name: record.user.last_name,
    image_url: DEFAULT_IMAGE_URL,
    has_image: false,
    identifier: record.emails[0]?.email_address ?? '',
  };
}
