import { z } from 'zod';

/** The one place process environment is read and validated. */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const httpUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) URL');

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
});

export type Env = z.infer<typeof EnvSchema>;

const SECRET_VARS = new Set(['CLERK_SECRET_KEY', 'CLERK_JWT_KEY']);

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError with a readable message. */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const shown = SECRET_VARS.has(name) ? '' : ` (got ${JSON.stringify(source[name])})`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.CLERK_SECRET_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  CLERK_SECRET_KEY: is required when NODE_ENV=production (the demo emulator never runs in production)',
    );
  }
  return env;
}
