export {
  DEFAULT_DB_PATH,
  DEFAULT_SECRET_KEY,
  DEFAULT_TOKEN_TTL_SECONDS,
  type EmulatorOptions,
} from './config.ts';
export { type Db, openDatabase } from './db/database.ts';
export { createEmulator, FAPI_PATH, startEmulator } from './emulator.ts';
export {
  EMULATOR_FAPI_HOST,
  EMULATOR_PUBLISHABLE_KEY,
  publishableKeyFor,
} from './fapi/publishable-key.ts';
export { type BulkSeedOptions, type BulkSeedResult, seedBulkInvitations } from './seed/bulk.ts';
export { DEMO_MEMBERS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data.ts';
export { setCountCache } from './store/count-cache.ts';
export { findInvitationPage, type InvitationListFilter } from './store/invitation-queries.ts';
export { listInvitations } from './store/invitations.ts';
export { newWebhookSecret, webhookHeaders } from './webhooks/signing.ts';
