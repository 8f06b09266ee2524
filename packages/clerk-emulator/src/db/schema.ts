/**
 * Bumped when the schema changes; a database with another version is wiped and re-seeded.
 * 5: webhook_deliveries (4 was the webhooks branch before the Frontend API's tables of 3 met it).
 * 6: users' banned and locked flags, sessions by user (the last sign-in).
 */
export const SCHEMA_VERSION = 6;

// Every table has an INTEGER PRIMARY KEY `seq` (a stable rowid, needed by the external-content
// FTS index) and the Clerk ID as a unique `id`. Timestamps are Unix milliseconds.
// Invitation status is stored as pending | accepted | revoked; `expired` is computed on read
// (pending and expires_at <= now), so every status filter is written against `@now`.
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS roles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  permissions TEXT NOT NULL DEFAULT '[]',
  is_creator_eligible INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  first_name TEXT,
  last_name TEXT,
  username TEXT,
  external_id TEXT,
  public_metadata TEXT NOT NULL DEFAULT '{}',
  private_metadata TEXT NOT NULL DEFAULT '{}',
  unsafe_metadata TEXT NOT NULL DEFAULT '{}',
  -- scrypt digest (see services/password.ts); the password itself is never stored.
  password_digest TEXT,
  password_updated_at INTEGER,
  -- Clerk's ban and lock (support tools): a banned or locked user cannot sign in.
  banned INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS users_created ON users (created_at);

CREATE TABLE IF NOT EXISTS user_emails (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  email_address TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS user_emails_user ON user_emails (user_id, position);

CREATE TABLE IF NOT EXISTS organizations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  max_allowed_memberships INTEGER NOT NULL DEFAULT 0,
  admin_delete_enabled INTEGER NOT NULL DEFAULT 1,
  public_metadata TEXT NOT NULL DEFAULT '{}',
  private_metadata TEXT NOT NULL DEFAULT '{}',
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS organizations_created ON organizations (created_at);

CREATE TABLE IF NOT EXISTS memberships (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  public_metadata TEXT NOT NULL DEFAULT '{}',
  private_metadata TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (org_id, user_id)
);
CREATE INDEX IF NOT EXISTS memberships_user ON memberships (user_id, created_at);

CREATE TABLE IF NOT EXISTS invitations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  email_address TEXT NOT NULL,
  role TEXT NOT NULL,
  inviter_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
  public_metadata TEXT NOT NULL DEFAULT '{}',
  private_metadata TEXT NOT NULL DEFAULT '{}',
  redirect_url TEXT,
  ticket TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Per-organization pages: unfiltered, by status (expires_at inside so expired-on-read filters stay
-- in the index), by email (exact filter, duplicate check and email ordering).
CREATE INDEX IF NOT EXISTS inv_org_created ON invitations (org_id, created_at);
CREATE INDEX IF NOT EXISTS inv_org_status_created ON invitations (org_id, status, created_at, expires_at);
CREATE INDEX IF NOT EXISTS inv_org_email ON invitations (org_id, email_address, created_at);
CREATE INDEX IF NOT EXISTS inv_org_status_email ON invitations (org_id, status, email_address, expires_at);
-- Counts of pending / expired and the next expiry (when a cached count stops being exact).
CREATE INDEX IF NOT EXISTS inv_org_status_expires ON invitations (org_id, status, expires_at);
-- Instance-wide pages.
CREATE INDEX IF NOT EXISTS inv_created ON invitations (created_at);
CREATE INDEX IF NOT EXISTS inv_status_created ON invitations (status, created_at, expires_at);
CREATE INDEX IF NOT EXISTS inv_email ON invitations (email_address);
CREATE INDEX IF NOT EXISTS inv_status_email ON invitations (status, email_address, expires_at);
CREATE INDEX IF NOT EXISTS inv_status_expires ON invitations (status, expires_at);

-- Case-insensitive substring search on email_address (the instance-wide \`query\`), 3+ characters.
CREATE VIRTUAL TABLE IF NOT EXISTS invitations_fts USING fts5 (
  email_address, content = 'invitations', content_rowid = 'seq', tokenize = 'trigram'
);
CREATE TRIGGER IF NOT EXISTS invitations_fts_insert AFTER INSERT ON invitations BEGIN
  INSERT INTO invitations_fts (rowid, email_address) VALUES (new.seq, new.email_address);
END;
CREATE TRIGGER IF NOT EXISTS invitations_fts_delete AFTER DELETE ON invitations BEGIN
  INSERT INTO invitations_fts (invitations_fts, rowid, email_address) VALUES ('delete', old.seq, old.email_address);
END;
CREATE TRIGGER IF NOT EXISTS invitations_fts_update AFTER UPDATE OF email_address ON invitations BEGIN
  INSERT INTO invitations_fts (invitations_fts, rowid, email_address) VALUES ('delete', old.seq, old.email_address);
  INSERT INTO invitations_fts (rowid, email_address) VALUES (new.seq, new.email_address);
END;

CREATE TABLE IF NOT EXISTS sessions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  active_org_id TEXT,
  status TEXT NOT NULL,
  expire_at INTEGER NOT NULL,
  abandon_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_client ON sessions (client_id, status);
-- A user's last sign-in is their newest session.
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id, created_at);

-- Frontend API: a browser's client (identified by the random token in its __client cookie), its
-- current sign-in attempt, the sign-in tokens (tickets) minted through the Backend API, and the
-- emails the emulator would have sent.
CREATE TABLE IF NOT EXISTS clients (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  cookie_token TEXT NOT NULL UNIQUE,
  sign_in_id TEXT,
  last_active_session_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS sign_ins (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  user_id TEXT,
  identifier TEXT,
  status TEXT NOT NULL,
  factor_strategy TEXT,
  factor_status TEXT,
  factor_attempts INTEGER NOT NULL DEFAULT 0,
  factor_expire_at INTEGER,
  email_address_id TEXT,
  code TEXT,
  created_session_id TEXT,
  abandon_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS sign_in_tokens (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,
  org_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS emails (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  to_address TEXT NOT NULL,
  user_id TEXT,
  slug TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  code TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS emails_to ON emails (to_address, seq);

-- Signed webhook events and their delivery state (src/webhooks/); times on the real clock.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
`;

/** Tables holding data (not the signing key in `meta`), in delete order. */
export const DATA_TABLES = [
  'emails',
  'sign_in_tokens',
  'sign_ins',
  'clients',
  'webhook_deliveries',
  'sessions',
  'invitations',
  'memberships',
  'user_emails',
  'users',
  'organizations',
  'roles',
] as const;
