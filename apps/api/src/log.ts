/** Structured JSON-lines logging with redaction of secrets and session tokens. */

export type LogFields = Record<string, unknown>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Receives one serialized JSON line per entry (default: stdout). */
  write?: (line: string) => void;
  /** Exact strings that must never be written (the secret key). */
  secrets?: string[];
  now?: () => number;
}

const SENSITIVE_KEY = /authorization|cookie|token|secret|jwt|password|session|private_metadata/i;
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const CLERK_KEY = /\bsk_(?:live|test)_\w+/g;
const REDACTED = '[redacted]';

/** A copy of `value` with secrets, tokens and sensitive fields replaced by "[redacted]". */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const secret of secrets) if (secret) out = out.replaceAll(secret, REDACTED);
    return out.replace(JWT, REDACTED).replace(CLERK_KEY, REDACTED);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[truncated]';
  if (value instanceof Error) {
    return redact({ name: value.name, message: value.message, stack: value.stack }, secrets, depth + 1);
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      SENSITIVE_KEY.test(key) && v !== null && v !== undefined ? REDACTED : redact(v, secrets, depth + 1);
  }
  return out;
}

/** A JSON-lines logger; every field goes through `redact`. */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const secrets = options.secrets ?? [];
  const now = options.now ?? Date.now;
  const emit = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    const entry = { time: new Date(now()).toISOString(), level, msg, ...bound, ...fields };
    write(JSON.stringify(redact(entry, secrets)));
  };
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that writes nowhere (for tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ write: () => {} });
