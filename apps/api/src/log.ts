/**
 * Structured JSON-lines logging with pino. Secrets never reach a line: pino's `redact` blanks fields
 * named like credentials (the keys carry them by name), and a hook on every serialized line blanks the
 * secret key, any JWT and any Clerk key wherever they appear, and cuts out `private_metadata` at any
 * depth (values do not always come under a telling name).
 */
import pino from 'pino';
import { stripPrivateMetadataBytes } from './upstream/strip-private-metadata.ts';

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** Receives each JSON line (tests); default: stdout, written asynchronously by pino's destination. */
  write?: (line: string) => void;
  /** Exact strings that must never be written (the secret key). */
  secrets?: string[];
  now?: () => number;
}

const REDACTED = '[redacted]';
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'token',
  'session_token',
  'secret',
  'secret_key',
  'jwt',
  'password',
  'session',
];
// Top level and under `headers` only: pino's wildcard paths (`*.key`) cost more than the rest of a
// log line; deeper values are still covered by the line hook below.
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [`["${key}"]`, `headers["${key}"]`]);
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const CLERK_KEY = /\bsk_(?:live|test)_\w+/g;
const PRIVATE_METADATA = '"private_metadata"';

/** A serialized line without `private_metadata` members, at any depth. */
function withoutPrivateMetadata(json: string): string {
  const cut = stripPrivateMetadataBytes(Buffer.from(json));
  if (cut) return Buffer.from(cut.buffer, cut.byteOffset, cut.byteLength).toString('utf8');
  // The byte cut declined (an escaped key could hide): parse and drop, as the relay does.
  return JSON.stringify(JSON.parse(json), (key, value) => (key === 'private_metadata' ? undefined : value));
}

/** `line` with each secret, JWT and Clerk key replaced; the checks before each pattern keep clean lines cheap. */
export function redactLine(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  if (out.includes('eyJ')) out = out.replace(JWT, REDACTED);
  if (out.includes('sk_')) out = out.replace(CLERK_KEY, REDACTED);
  if (out.includes(PRIVATE_METADATA)) {
    const end = out.endsWith('\n') ? out.length - 1 : out.length;
    out = `${withoutPrivateMetadata(out.slice(0, end))}${out.slice(end)}`;
  }
  return out;
}

let isoSecond = Number.NaN;
let isoPrefix = '';

/**
 * `new Date(ms).toISOString()`, the part up to the second formatted once per second: a full
 * `toISOString` per line is a visible share of a request's logging.
 */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    const iso = new Date(second * 1000).toISOString();
    // Outside years 0000-9999 the format differs (`+012345-…`); format those in full.
    if (iso.length !== 24) return new Date(ms).toISOString();
    isoSecond = second;
    isoPrefix = iso.slice(0, 20);
  }
  const millis = Math.floor(ms - second * 1000);
  return `${isoPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

// A quarter of Linux's default pipe buffer: a batch still fits while the reader catches up.
const BATCH_CHARS = 16 * 1024;

/**
 * stdout, one write system call per 16 KiB of lines (or every 100 ms when fewer come): a write to a
 * pipe costs more than the rest of a request's logging, and most of it is per call, not per byte.
 * Lines are joined here and handed to pino's destination
 * (sonic-boom, synchronous, from the event loop) as one chunk: sonic-boom's own `minLength` batching
 * measures the pending text again on every line, which flattens the whole batch each time.
 * Handing writes to libuv's thread pool (pino's asynchronous mode) cost more CPU per request still.
 */
function stdoutInBatches(): pino.DestinationStream {
  const destination = pino.destination({ dest: 1, sync: true });
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    destination.write(chunk);
  };
  setInterval(flush, 100).unref();
  // Lines still in the batch go out before the process ends.
  process.once('exit', () => {
    flush();
    destination.flushSync();
  });
  return {
    write(line: string) {
      pending += line;
      if (pending.length >= BATCH_CHARS) flush();
    },
  };
}

/** A pino logger writing JSON lines (`time`, `level` as a word, `msg`), with the redaction above. */
export function createLogger(options: LoggerOptions = {}, bindings: Record<string, unknown> = {}): Logger {
  // A secret as written inside a JSON string too (quotes, backslashes and controls are escaped).
  const secrets = [
    ...new Set(
      (options.secrets ?? []).filter((s) => s !== '').flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]),
    ),
  ];
  const now = options.now ?? Date.now;
  const write = options.write;
  const logger = pino(
    {
      base: null,
      timestamp: () => `,"time":"${isoTime(now())}"`,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: (line) => redactLine(line, secrets) },
    },
    write
      ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
      : stdoutInBatches(),
  );
  return Object.keys(bindings).length > 0 ? logger.child(bindings) : logger;
}

/** A logger that writes nowhere (for tests that do not look at logs). */
export const silentLogger: Logger = pino({ level: 'silent' });
