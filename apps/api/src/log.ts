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

/** `value` with each secret, JWT and Clerk key replaced; the checks before each regex keep clean lines cheap. */
function redactString(value: string, secrets: readonly string[]): string {
  let out = value;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  if (out.includes('eyJ')) out = out.replace(JWT, REDACTED);
  if (out.includes('sk_')) out = out.replace(CLERK_KEY, REDACTED);
  return out;
}

// Field names repeat from line to line, so the name test is remembered (bounded: names may come from data).
const sensitiveKeys = new Map<string, boolean>();
function isSensitiveKey(key: string): boolean {
  let known = sensitiveKeys.get(key);
  if (known === undefined) {
    known = SENSITIVE_KEY.test(key);
    if (sensitiveKeys.size < 512) sensitiveKeys.set(key, known);
  }
  return known;
}

/** A copy of `value` with secrets, tokens and sensitive fields replaced by "[redacted]". */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[truncated]';
  if (value instanceof Error) {
    return redact({ name: value.name, message: value.message, stack: value.stack }, secrets, depth + 1);
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] =
      isSensitiveKey(key) && v !== null && v !== undefined ? REDACTED : redact(v, secrets, depth + 1);
  }
  return out;
}

/** A JSON-lines logger; every field goes through `redact`. */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const sink: Sink = {
    write: options.write ?? ((line: string) => process.stdout.write(`${line}\n`)),
    secrets: options.secrets ?? [],
    now: options.now ?? Date.now,
  };
  return new BoundLogger(sink, bound);
}

type Sink = Required<LoggerOptions>;

// A class, not closures: a child logger per request then allocates one small object (and, under tsx,
// no per-closure name bookkeeping). Children share their parent's sink.
class BoundLogger implements Logger {
  constructor(
    private readonly sink: Sink,
    private readonly bound: LogFields,
  ) {}

  info(msg: string, fields?: LogFields): void {
    this.emit('info', msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    this.emit('warn', msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    this.emit('error', msg, fields);
  }

  child(fields: LogFields): Logger {
    return new BoundLogger(this.sink, { ...this.bound, ...fields });
  }

  private emit(level: LogLevel, msg: string, fields?: LogFields): void {
    const entry = { time: new Date(this.sink.now()).toISOString(), level, msg, ...this.bound, ...fields };
    this.sink.write(JSON.stringify(redact(entry, this.sink.secrets)));
  }
}

/** A logger that writes nowhere (for tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ write: () => {} });
