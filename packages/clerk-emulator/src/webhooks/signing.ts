import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A fresh signing secret in Clerk's format: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** True when `secret` is `whsec_` followed by non-empty base64 (what Clerk's dashboard shows). */
export function isWebhookSecret(secret: string): boolean {
  return /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) && Buffer.from(secret.slice(6), 'base64').length > 0;
}

/**
 * The headers Clerk (through Svix, the Standard Webhooks way) sends with an event: the message id,
 * the attempt's Unix time in seconds, and `v1,` + the base64 HMAC-SHA256 of `id.timestamp.body` keyed
 * with the secret's base64 part.
 */
export function webhookHeaders(
  secret: string,
  id: string,
  body: string,
  at: Date = new Date(),
): { 'svix-id': string; 'svix-timestamp': string; 'svix-signature': string } {
  return {
    'svix-id': id,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': new Webhook(secret).sign(id, at, body),
  };
}
