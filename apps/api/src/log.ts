/** Structured JSON-lines logging with redaction of secrets and session tokens. */
import { isoTime, StdoutLines } from './log-output.ts';

export type LogFields = Record<string, unknown>;
export type LogLevel = 'info' | 'warn' | 'error';

/** The access-log entry of one request: a fixed shape, so its line is built without the generic walk. */
export interface AccessEntry {
  request_id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  trace_id: string | null;
  user_id: string | null;
}

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  /** Writes the `request` line of one request (redacted like every other line). */
  access(entry: AccessEntry): void;
}

export interface LoggerOptions {
  /** Receives one serialized JSON line per entry (default: stdout, buffered per event-loop turn). */
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

/** True when JSON.stringify would escape something in `value` (quote, backslash, control, surrogate). */
function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** `value` redacted, as a JSON string literal (JSON.stringify, a runtime call, only when it must escape). */
function safeString(value: string, secrets: readonly string[]): string {
  const clean = redactString(value, secrets);
  return needsEscape(clean) ? JSON.stringify(clean) : `"${clean}"`;
}

/** A number as JSON.stringify writes it. */
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/** A JSON-lines logger; every field goes through `redact`. */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const sink: Sink = {
    write: options.write ?? StdoutLines.shared().write,
    secrets: options.secrets ?? [],
    now: options.now ?? Date.now,
  };
  return new BoundLogger(sink, bound, null);
}

type Sink = Required<LoggerOptions>;

// A class, not closures: a child logger per request then allocates one small object (and, under tsx,
// no per-closure name bookkeeping). Children share their parent's sink and merge fields only when
// they write, so a request's child loggers cost nothing until something is logged.
class BoundLogger implements Logger {
  private boundJson: string | undefined;

  constructor(
    private readonly sink: Sink,
    private readonly own: LogFields,
    private readonly parent: BoundLogger | null,
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
    return new BoundLogger(this.sink, fields, this);
  }

  access(e: AccessEntry): void {
    // Same keys and order as `info('request', …)` would write; string values are redacted one by one
    // (the keys are fixed and none is sensitive), numbers are written as they are.
    const secrets = this.sink.secrets;
    this.boundJson ??= this.serializeBound();
    this.sink.write(
      `{"time":"${isoTime(this.sink.now())}","level":"info","msg":"request"${this.boundJson}` +
        `,"request_id":${safeString(e.request_id, secrets)},"method":${safeString(e.method, secrets)}` +
        `,"path":${safeString(e.path, secrets)},"status":${num(e.status)},"duration_ms":${num(e.duration_ms)}` +
        `${e.trace_id === null ? '' : `,"trace_id":${safeString(e.trace_id, secrets)}`}` +
        `${e.user_id === null ? '' : `,"user_id":${safeString(e.user_id, secrets)}`}}`,
    );
  }

  private bound(): LogFields {
    return this.parent ? { ...this.parent.bound(), ...this.own } : this.own;
  }

  /** The bound fields as `,"key":value…` (empty when there are none). */
  private serializeBound(): string {
    const json = JSON.stringify(redact(this.bound(), this.sink.secrets));
    return json === '{}' ? '' : `,${json.slice(1, -1)}`;
  }

  private emit(level: LogLevel, msg: string, fields?: LogFields): void {
    const entry = { time: isoTime(this.sink.now()), level, msg, ...this.bound(), ...fields };
    this.sink.write(JSON.stringify(redact(entry, this.sink.secrets)));
  }
}

/** A logger that writes nowhere (for tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ write: () => {} });
