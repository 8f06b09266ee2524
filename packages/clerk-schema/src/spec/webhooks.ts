import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { normalizeNullable } from './index.ts';

/** Clerk's webhook events spec: `../shared/clerk/` beside the project root, or `CLERK_WEBHOOKS_SPEC`. */
export const WEBHOOKS_SPEC_PATH =
  process.env.CLERK_WEBHOOKS_SPEC ??
  fileURLToPath(new URL('../../../../../shared/clerk/webhooks-2025-04-15.yml', import.meta.url));

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const REF = '#/components/schemas/';

let loaded: { ajv: Ajv; events: Record<string, unknown>; components: Record<string, unknown> } | undefined;
const compiled = new Map<string, ValidateFunction>();

function load() {
  if (loaded) return loaded;
  if (!existsSync(WEBHOOKS_SPEC_PATH)) {
    throw new Error(
      `Clerk's webhooks spec was not found at ${WEBHOOKS_SPEC_PATH}. It lives in ../shared/clerk/ beside the project root; set CLERK_WEBHOOKS_SPEC to its path.`,
    );
  }
  const spec = parse(readFileSync(WEBHOOKS_SPEC_PATH, 'utf8')) as Node;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('int64', true).addFormat('int32', true);
  const components = ((spec.components as Node | undefined)?.schemas ?? {}) as Record<string, unknown>;
  loaded = { ajv, events: (spec['x-webhooks'] ?? {}) as Record<string, unknown>, components };
  return loaded;
}

/** Property names a (resolved) schema declares, through nested `allOf`. */
function declaredKeys(node: unknown): string[] {
  if (!isNode(node)) return [];
  const own = isNode(node.properties) ? Object.keys(node.properties) : [];
  const nested = Array.isArray(node.allOf) ? node.allOf.flatMap(declaredKeys) : [];
  return [...own, ...nested];
}

/**
 * Inlines every `$ref` and closes `allOf` compositions correctly. The spec extends closed objects
 * (`additionalProperties: false`, e.g. OrganizationInvitation) with `allOf` (`user_id`, `data`), which
 * no value could satisfy under JSON Schema, as the closed member does not see its siblings. The closure
 * moves to the `allOf` node itself, allowing the properties declared by any member and nothing else.
 */
function inline(node: unknown, components: Record<string, unknown>, depth = 0): unknown {
  if (depth > 40) throw new Error('webhooks spec: $ref nesting too deep');
  if (Array.isArray(node)) return node.map((n) => inline(n, components, depth + 1));
  if (!isNode(node)) return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith(REF)) {
    const { $ref, ...siblings } = node;
    const target = inline(components[$ref.slice(REF.length)], components, depth + 1);
    return Object.keys(siblings).length === 0 ? target : { ...siblings, allOf: [target] };
  }
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) out[key] = inline(value, components, depth + 1);
  if (Array.isArray(out.allOf)) {
    const members = out.allOf as unknown[];
    if (members.some((m) => isNode(m) && m.additionalProperties === false)) {
      const keys = new Set(members.flatMap(declaredKeys));
      out.allOf = members.map((m) => {
        if (!isNode(m) || m.additionalProperties !== false) return m;
        const { additionalProperties: _closed, ...open } = m;
        return open;
      });
      out.properties = {
        ...Object.fromEntries([...keys].map((k) => [k, {}])),
        ...(isNode(out.properties) ? out.properties : {}),
      };
      out.additionalProperties = false;
    }
  }
  return out;
}

/** Event types the spec describes (`x-webhooks`). */
export function webhookEventTypes(): string[] {
  return Object.keys(load().events);
}

/**
 * Validates a webhook event (`{type, data, object, timestamp, instance_id, …}`) against the request
 * body schema of its type in Clerk's webhooks spec; returns readable errors, empty when valid.
 */
export function webhookEventErrors(event: unknown): string[] {
  const type = isNode(event) && typeof event.type === 'string' ? event.type : undefined;
  if (!type) return ['/ event has no type'];
  let validate = compiled.get(type);
  if (!validate) {
    const { ajv, events, components } = load();
    const operation = (events[type] as Node | undefined)?.post as Node | undefined;
    const content = ((operation?.requestBody as Node | undefined)?.content as Node | undefined)?.[
      'application/json'
    ] as Node | undefined;
    if (!content?.schema) return [`/ unknown event type ${type}`];
    validate = ajv.compile(normalizeNullable(inline(content.schema, components)) as object);
    compiled.set(type, validate);
  }
  if (validate(event)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
