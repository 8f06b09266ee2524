import { z } from 'zod';
import {
  DEFAULT_DB_PATH,
  DEFAULT_SECRET_KEY,
  DEFAULT_TOKEN_TTL_SECONDS,
  MAX_TOKEN_TTL_SECONDS,
  MIN_TOKEN_TTL_SECONDS,
} from './config.ts';
import { isWebhookSecret } from './webhooks/signing.ts';

const EnvSchema = z.object({
  CLERK_EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  CLERK_EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  CLERK_EMULATOR_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_\S+$/, 'must look like sk_test_…')
    .default(DEFAULT_SECRET_KEY),
  CLERK_EMULATOR_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  CLERK_EMULATOR_SEED: z.enum(['demo', 'none']).default('demo'),
  CLERK_EMULATOR_RATE_LIMITS: z.enum(['clerk', 'off']).default('clerk'),
  CLERK_EMULATOR_TIME_SCALE: z.coerce.number().positive().default(1),
  CLERK_EMULATOR_PUBLIC_URL: z.url().optional(),
  CLERK_EMULATOR_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(MIN_TOKEN_TTL_SECONDS)
    .max(MAX_TOKEN_TTL_SECONDS)
    .default(DEFAULT_TOKEN_TTL_SECONDS),
  CLERK_EMULATOR_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  CLERK_EMULATOR_WEBHOOK_SECRET: z
    .string()
    .refine(isWebhookSecret, 'must look like whsec_<base64>')
    .optional(),
});
export type EmulatorEnv = z.infer<typeof EnvSchema>;

/** Reads and validates the emulator's environment once; throws one message naming every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): EmulatorEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(present);
  const paired =
    (present.CLERK_EMULATOR_WEBHOOK_URL === undefined) ===
    (present.CLERK_EMULATOR_WEBHOOK_SECRET === undefined);
  if (result.success && paired) return result.data;
  const problems = (result.error?.issues ?? []).map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  if (!paired)
    problems.push('  CLERK_EMULATOR_WEBHOOK_URL, CLERK_EMULATOR_WEBHOOK_SECRET: set both or neither');
  throw new Error(`clerk-emulator: invalid configuration\n${problems.join('\n')}`);
}
