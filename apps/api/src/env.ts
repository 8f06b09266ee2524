import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The one place process environment is read and validated. */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The api store when DATABASE_URL is unset: a SQLite file under the repository's `.data/`. */
export const DEFAULT_DATABASE_PATH = resolve(REPO_ROOT, '.data/api.db');

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const httpUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) URL');

/**
 * DATABASE_URL as the store opens it: a `postgres://` URL as given, `:memory:`, or an absolute SQLite
 * path (`file:` URLs and paths relative to the repository root resolved). Other URL schemes are refused.
 */
const databaseUrl = z.string().transform((v, ctx) => {
  const value = v.trim();
  if (value === ':memory:') return value;
  if (/^postgres(?:ql)?:\/\//i.test(value)) {
    if (!URL.canParse(value) || new URL(value).hostname === '') {
      ctx.addIssue({ code: 'custom', message: 'must be a postgres://user:password@host:port/db URL' });
      return z.NEVER;
    }
    return value;
  }
  if (/^file:/i.test(value)) {
    if (!URL.canParse(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a valid file: URL' });
      return z.NEVER;
    }
    return fileURLToPath(value);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be a postgres:// URL, a SQLite file path or :memory:' });
    return z.NEVER;
  }
  return isAbsolute(value) ? value : resolve(REPO_ROOT, value);
});

/** A whole number of milliseconds within [min, max]. */
function milliseconds(min: number, max: number) {
  const message = `must be a whole number of milliseconds (${min}-${max})`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** `pk_test_` or `pk_live_` + base64 of `<frontend api host>$`, as Clerk's SDKs parse it. */
function isPublishableKey(value: string): boolean {
  const match = /^pk_(?:test|live)_([A-Za-z0-9+/_-]+={0,2})$/.exec(value);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return /^[a-z0-9.-]+\.[a-z0-9.-]+(?::\d+)?\$$/i.test(decoded);
}

const origin = z
  .string()
  .refine((v) => URL.canParse(v) && new URL(v).origin === v.replace(/\/$/, ''), 'must be an origin');

const EnvSchema = z.object({
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a port number (0-65535)' })
      .int('must be a port number (0-65535)')
      .min(0, 'must be a port number (0-65535)')
      .max(65535, 'must be a port number (0-65535)')
      .default(3000),
  ),
  HOST: optional(z.string().regex(/^[\w.:-]+$/, 'must be a host name or address')),
  NODE_ENV: z.preprocess(
    blankToUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  CLERK_API_URL: z.preprocess(blankToUndefined, httpUrl.default('https://api.clerk.com')),
  CLERK_SECRET_KEY: optional(z.string().regex(/^\S{8,}$/, 'must be a Clerk secret key (sk_…)')),
  /** The instance's publishable key, handed to Clerk's frontend SDK in the browser. */
  CLERK_PUBLISHABLE_KEY: optional(
    z.string().refine(isPublishableKey, 'must be a Clerk publishable key (pk_test_… or pk_live_…)'),
  ),
  /** Where `/__clerk/v1/*` is forwarded; unset: the Frontend API of the publishable key (production). */
  CLERK_FAPI_URL: optional(httpUrl),
  CLERK_JWT_KEY: optional(
    z
      .string()
      .transform((v) => v.replaceAll('\\n', '\n').trim())
      .refine(
        (v) => v.startsWith('-----BEGIN PUBLIC KEY-----') && v.endsWith('-----END PUBLIC KEY-----'),
        'must be a PEM public key (-----BEGIN PUBLIC KEY----- …)',
      ),
  ),
  AUTHORIZED_PARTIES: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((p) => p.trim().replace(/\/$/, ''))
            .filter((p) => p !== '')
        : [],
    z.array(origin),
  ),
  CLERK_SIGN_IN_URL: optional(httpUrl),
  CLERK_EMULATOR_RATE_LIMITS: z.preprocess(blankToUndefined, z.enum(['clerk', 'off']).default('clerk')),
  /** The embedded emulator's SQLite file (`:memory:` for a throwaway run); relative paths are from the repo root. */
  CLERK_EMULATOR_DB: optional(z.string().min(1)),
  /** The embedded emulator's loopback port (unset: a free one); lets tests reach its fault controls. */
  CLERK_EMULATOR_PORT: optional(
    z.coerce
      .number({ error: 'must be a port number (0-65535)' })
      .int('must be a port number (0-65535)')
      .min(0, 'must be a port number (0-65535)')
      .max(65535, 'must be a port number (0-65535)'),
  ),
  /** Lifetime of the embedded emulator's session tokens (Clerk's is 60 s). */
  CLERK_EMULATOR_TOKEN_TTL_S: optional(
    z.coerce
      .number({ error: 'must be a whole number of seconds (10-3600)' })
      .int('must be a whole number of seconds (10-3600)')
      .min(10, 'must be a whole number of seconds (10-3600)')
      .max(3600, 'must be a whole number of seconds (10-3600)'),
  ),
  /** How long one upstream request may take before the api answers 504 (default 10000). */
  UPSTREAM_TIMEOUT_MS: optional(milliseconds(100, 120_000)),
  /** Signing secret of the Clerk webhook endpoint (`whsec_…`); unset: `POST /api/webhooks/clerk` answers 404. */
  CLERK_WEBHOOK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      .refine(
        (v) => /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(v),
        "must be the endpoint's signing secret from Clerk's dashboard (whsec_…)",
      ),
  ),
  /** The api's store (bulk jobs, activity log): Postgres URL, SQLite path or `:memory:`. */
  DATABASE_URL: z.preprocess(blankToUndefined, databaseUrl.default(DEFAULT_DATABASE_PATH)),
});

export type Env = z.infer<typeof EnvSchema>;

// DATABASE_URL may carry a database password.
const SECRET_VARS = new Set([
  'CLERK_SECRET_KEY',
  'CLERK_JWT_KEY',
  'DATABASE_URL',
  'CLERK_WEBHOOK_SIGNING_SECRET',
]);

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `schema`'s reading of `source`, or ConfigError naming every bad variable (secret values not shown). */
function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const shown = SECRET_VARS.has(name) ? '' : ` (got ${JSON.stringify(source[name])})`;
    return `  ${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Reads and validates the environment; throws ConfigError with a readable message. */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const env = parseEnv(EnvSchema, source);
  if (env.NODE_ENV === 'production' && !env.CLERK_SECRET_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  CLERK_SECRET_KEY: is required when NODE_ENV=production (the demo emulator never runs in production)',
    );
  }
  if (env.CLERK_SECRET_KEY && !env.CLERK_PUBLISHABLE_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  CLERK_PUBLISHABLE_KEY: is required with CLERK_SECRET_KEY (the browser signs in with Clerk using it)',
    );
  }
  return env;
}

const WorkerEnvSchema = EnvSchema.pick({
  CLERK_API_URL: true,
  UPSTREAM_TIMEOUT_MS: true,
  DATABASE_URL: true,
}).extend({
  CLERK_SECRET_KEY: EnvSchema.shape.CLERK_SECRET_KEY.pipe(z.string({ error: 'is required' })),
  /** Names this worker's leases (default `worker-<pid>`). */
  BULK_WORKER_ID: optional(z.string().regex(/^[\w.:-]{1,100}$/, 'must be a short name')),
  BULK_POLL_MS: optional(milliseconds(1, 600_000)),
  BULK_LEASE_MS: optional(milliseconds(100, 3_600_000)),
  BULK_BACKOFF_BASE_MS: optional(milliseconds(1, 600_000)),
  BULK_BACKOFF_MAX_MS: optional(milliseconds(1, 3_600_000)),
});

export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

/** The environment of a stand-alone bulk worker (`bulk/worker-main.ts`); throws ConfigError. */
export function loadWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  return parseEnv(WorkerEnvSchema, source);
}
