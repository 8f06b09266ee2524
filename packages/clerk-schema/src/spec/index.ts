import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** Where Clerk's OpenAPI spec lives: `../shared/clerk/` beside the project root, or `CLERK_OPENAPI_SPEC`. */
export const SPEC_PATH =
  process.env.CLERK_OPENAPI_SPEC ??
  fileURLToPath(new URL('../../../../../shared/clerk/bapi-2026-05-12.yml', import.meta.url));

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * ajv rejects OpenAPI's `nullable: true` on a node without `type` (the spec has a few, e.g. User.scim):
 * rewrite those as `anyOf: [node, null]`.
 */
export function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, normalizeNullable(value)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, description: _description, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

function load(): Ajv {
  if (ajv) return ajv;
  if (!existsSync(SPEC_PATH)) {
    throw new Error(
      `Clerk's OpenAPI spec was not found at ${SPEC_PATH}. It lives in ../shared/clerk/ beside the project root; set CLERK_OPENAPI_SPEC to its path.`,
    );
  }
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>;
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('int64', true).addFormat('int32', true);
  ajv.addSchema({ $id: 'clerk', components: normalizeNullable(spec.components) } as object);
  return ajv;
}

/** Validates `value` against `#/components/schemas/<name>` of Clerk's spec; returns readable errors, empty when valid. */
export function specErrors(name: string, value: unknown): string[] {
  let validate = compiled.get(name);
  if (!validate) {
    validate = load().compile({ $ref: `clerk#/components/schemas/${name}` });
    compiled.set(name, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
