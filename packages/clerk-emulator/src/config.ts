import { fileURLToPath } from 'node:url';
import { isWebhookSecret } from './webhooks/signing.ts';

/** Options of `createEmulator` / `startEmulator`. */
export interface EmulatorOptions {
  /** SQLite file path, or `:memory:`. Defaults to `<repo root>/.data/emulator.db`. */
  db?: string;
  /** The secret key clients must send as `Authorization: Bearer <key>`. Defaults to `DEFAULT_SECRET_KEY`. */
  secretKey?: string;
  /** Data written into an empty database: `demo` (default) or `none`. */
  seed?: 'demo' | 'none';
  /** `clerk` (default) applies Clerk's rate limits; `off` disables them. */
  rateLimits?: 'clerk' | 'off';
  /** Divides the rate-limit windows (100 turns the hourly bulk window into 36 s). Default 1. */
  timeScale?: number;
  /** Base URL used for `iss` and invitation links; defaults to the request's origin. */
  publicUrl?: string;
  /** Where signed webhook events are POSTed (with `webhookSecret`); unset: no events are sent. */
  webhookUrl?: string;
  /** The endpoint's signing secret, `whsec_…` (Clerk's format). */
  webhookSecret?: string;
  /** Lifetime of session tokens in seconds (Frontend API, and the Backend API's default). Default 60, as at Clerk. */
  tokenTtlSeconds?: number;
}

/** The documented development secret key of the emulator (short on purpose, so secret scanners ignore it). */
export const DEFAULT_SECRET_KEY = 'sk_test_emulator';

/** `<repo root>/.data/emulator.db`, resolved from this package's location (not the working directory). */
export const DEFAULT_DB_PATH = fileURLToPath(new URL('../../../.data/emulator.db', import.meta.url));

export const EMULATOR_VERSION = '0.1.0';

/** Clerk's session token lifetime. */
export const DEFAULT_TOKEN_TTL_SECONDS = 60;
export const MIN_TOKEN_TTL_SECONDS = 5;
export const MAX_TOKEN_TTL_SECONDS = 86_400;

export interface ResolvedOptions {
  db: string;
  secretKey: string;
  seed: 'demo' | 'none';
  rateLimits: 'clerk' | 'off';
  timeScale: number;
  publicUrl: string | undefined;
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  tokenTtlSeconds: number;
}

/** Applies defaults and rejects values the emulator cannot run with. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new Error(`clerk-emulator: timeScale must be a positive number, got ${timeScale}`);
  }
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY;
  if (!/^sk_(test|live)_\S+$/.test(secretKey)) {
    throw new Error('clerk-emulator: secretKey must look like sk_test_… or sk_live_…');
  }
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !URL.canParse(publicUrl)) {
    throw new Error(`clerk-emulator: publicUrl must be an absolute URL, got ${publicUrl}`);
  }
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (
    !Number.isInteger(tokenTtlSeconds) ||
    tokenTtlSeconds < MIN_TOKEN_TTL_SECONDS ||
    tokenTtlSeconds > MAX_TOKEN_TTL_SECONDS
  ) {
    throw new Error(
      `clerk-emulator: tokenTtlSeconds must be an integer from ${MIN_TOKEN_TTL_SECONDS} to ${MAX_TOKEN_TTL_SECONDS}, got ${tokenTtlSeconds}`,
    );
  }
  const { webhookUrl, webhookSecret } = options;
  if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) {
    throw new Error(`clerk-emulator: webhookUrl must be an http(s) URL, got ${webhookUrl}`);
  }
  if (webhookSecret !== undefined && !isWebhookSecret(webhookSecret)) {
    throw new Error('clerk-emulator: webhookSecret must look like whsec_<base64>');
  }
  if ((webhookUrl === undefined) !== (webhookSecret === undefined)) {
    throw new Error('clerk-emulator: webhookUrl and webhookSecret go together');
  }
  return {
    db: options.db ?? DEFAULT_DB_PATH,
    secretKey,
    seed: options.seed ?? 'demo',
    rateLimits: options.rateLimits ?? 'clerk',
    timeScale,
    publicUrl,
    webhookUrl,
    webhookSecret,
    tokenTtlSeconds,
  };
}
