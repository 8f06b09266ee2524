import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const BAPI_FILE = 'bapi-2026-05-12.yml';
const FAPI_FILE = 'fapi-2026-05-12.yml';

/**
 * `shared/clerk/` beside the project root: the nearest one above this package, so a checkout in a
 * nested worktree finds it too.
 */
function findSharedSpec(file: string): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'clerk', file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return fileURLToPath(new URL(`../../../../../shared/clerk/${file}`, import.meta.url));
    dir = parent;
  }
}

/** Clerk's Backend API spec: `../shared/clerk/` beside the project root, or `CLERK_OPENAPI_SPEC`. */
export const SPEC_PATH = process.env.CLERK_OPENAPI_SPEC ?? findSharedSpec(BAPI_FILE);

/** Clerk's Frontend API spec: `CLERK_FAPI_OPENAPI_SPEC`, else beside the Backend API spec. */
export const FAPI_SPEC_PATH =
  process.env.CLERK_FAPI_OPENAPI_SPEC ??
  (process.env.CLERK_OPENAPI_SPEC ? join(dirname(SPEC_PATH), FAPI_FILE) : findSharedSpec(FAPI_FILE));

/**
 * OpenAPI's `nullable: true` means "or null", but ajv honours it only beside a `type`, an `enum`
 * still rejects null, and a composite (`allOf`, `oneOf`, `$ref`) under it too: rewrite those.
 */
export function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, normalizeNullable(value)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  // A nullable enum accepts null even when its list does not name it.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  const composite = ['allOf', 'oneOf', 'anyOf', '$ref'].some((key) => key in out);
  if (out.nullable === true && (out.type === undefined || composite)) {
    const { nullable: _nullable, description: _description, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

interface LoadedSpec {
  ajv: Ajv;
  doc: Record<string, unknown>;
  compiled: Map<string, ValidateFunction>;
}
const loaded = new Map<string, LoadedSpec>();

function load(path: string): LoadedSpec {
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new Error(
      `Clerk's OpenAPI spec was not found at ${path}. It lives in ../shared/clerk/ beside the project root; set CLERK_OPENAPI_SPEC (and CLERK_FAPI_OPENAPI_SPEC) to its path.`,
    );
  }
  const doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('int64', true).addFormat('int32', true);
  ajv.addSchema({ $id: 'clerk', components: normalizeNullable(doc.components) } as object);
  const spec = { ajv, doc, compiled: new Map<string, ValidateFunction>() };
  loaded.set(path, spec);
  return spec;
}

function describe(check: ValidateFunction): string[] {
  return (check.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Validates `value` against `#/components/schemas/<name>` of Clerk's Backend API spec; readable errors, empty when valid. */
export function specErrors(name: string, value: unknown): string[] {
  const spec = load(SPEC_PATH);
  let check = spec.compiled.get(name);
  if (!check) {
    check = spec.ajv.compile({ $ref: `clerk#/components/schemas/${name}` });
    spec.compiled.set(name, check);
  }
  return check(value) ? [] : describe(check);
}

/** Validates `value` against `#/components/schemas/<name>` of Clerk's Frontend API spec. */
export function fapiSchemaErrors(name: string, value: unknown): string[] {
  const spec = load(FAPI_SPEC_PATH);
  const key = `schema:${name}`;
  let check = spec.compiled.get(key);
  if (!check) {
    check = spec.ajv.compile({ $ref: `clerk#/components/schemas/${name}` });
    spec.compiled.set(key, check);
  }
  return check(value) ? [] : describe(check);
}

type Operations = Record<string, { responses?: Record<string, { $ref?: string; content?: unknown }> }>;

/** The Frontend API path templates and their operations (method lower-cased). */
function fapiPaths(): Record<string, Operations> {
  return load(FAPI_SPEC_PATH).doc.paths as Record<string, Operations>;
}

/** The spec's path template (`/v1/client/sign_ins/{sign_in_id}`) matching a concrete path, if any. */
export function fapiPathTemplate(path: string): string | undefined {
  const segments = path.split('/');
  return Object.keys(fapiPaths()).find((template) => {
    const parts = template.split('/');
    return (
      parts.length === segments.length &&
      parts.every((part, i) => (/^\{[^}]+\}$/.test(part) ? segments[i] !== '' : part === segments[i]))
    );
  });
}

/** True when the Frontend API spec documents `method` on `template`. */
export function fapiHasOperation(method: string, template: string): boolean {
  return Boolean(fapiPaths()[template]?.[method.toLowerCase()]);
}

/** `#/components/…` references of an inline schema, pointed at the registered components. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace(/^#/, 'clerk#') : rebase(value),
    ]),
  );
}

/**
 * Validates a Frontend API answer against the response the spec documents for `method`, the path
 * (concrete or template) and `status`. Problems are readable strings, empty when valid; an
 * undocumented operation or status is a problem too.
 */
export function fapiResponseErrors(method: string, path: string, status: number, body: unknown): string[] {
  const template = fapiPathTemplate(path);
  const operation = template && fapiPaths()[template]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${path} is not in the Frontend API spec`];
  let response = operation.responses?.[String(status)];
  if (!response) return [`${method} ${template} documents no ${status} response`];
  const spec = load(FAPI_SPEC_PATH);
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    const responses = (spec.doc.components as { responses: Record<string, typeof response> }).responses;
    response = responses[name] ?? {};
  }
  const schema = (response.content as { 'application/json'?: { schema?: unknown } } | undefined)?.[
    'application/json'
  ]?.schema;
  if (!schema) return [`${method} ${template} ${status} documents no JSON body`];
  const key = `${method} ${template} ${status}`;
  let check = spec.compiled.get(key);
  if (!check) {
    check = spec.ajv.compile(rebase(normalizeNullable(schema)) as object);
    spec.compiled.set(key, check);
  }
  return check(body) ? [] : describe(check);
}
