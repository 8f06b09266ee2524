// Path patterns name their parameters with `$`: '/orgs/$orgId/invitations'.

type Segments<P extends string> = P extends `${infer Head}/${infer Tail}` ? Head | Segments<Tail> : P;
type ParamOf<S extends string> = S extends `$${infer Name}` ? Name : never;

/** The parameters of a path pattern: `{ orgId: string }` for '/orgs/$orgId/invitations'. */
export type PathParams<P extends string> = { [K in ParamOf<Segments<P>>]: string };

interface Segment {
  /** The literal text, or the parameter's name. */
  value: string;
  param: boolean;
}

export interface CompiledPath {
  pattern: string;
  segments: Segment[];
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

/** Parses a pattern once for matching. */
export function compilePath(pattern: string): CompiledPath {
  const segments = split(pattern).map((s) =>
    s.startsWith('$') ? { value: s.slice(1), param: true } : { value: s, param: false },
  );
  return { pattern: `/${segments.map((s) => (s.param ? `$${s.value}` : s.value)).join('/')}`, segments };
}

/** Joins a parent's pattern and a child's relative one. */
export function joinPath(parent: string, child: string): string {
  return `/${[...split(parent), ...split(child)].join('/')}`;
}

/**
 * The parameters (decoded) when `pathname` matches `path` exactly (a trailing slash is ignored),
 * else null.
 */
export function matchPath(path: CompiledPath, pathname: string): Record<string, string> | null {
  const parts = split(pathname);
  if (parts.length !== path.segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of path.segments.entries()) {
    const part = parts[i] as string;
    if (!segment.param) {
      if (part !== segment.value) return null;
      continue;
    }
    try {
      params[segment.value] = decodeURIComponent(part);
    } catch {
      return null; // malformed escape: no route can use it
    }
  }
  return params;
}

/**
 * Orders patterns so the most specific is tried first: at the first segment where two differ, a
 * literal beats a parameter ('…/invitations/bulk' before '…/invitations/$invitationId').
 */
export function bySpecificity(a: CompiledPath, b: CompiledPath): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i += 1) {
    const diff = Number(a.segments[i]?.param) - Number(b.segments[i]?.param);
    if (diff !== 0) return diff;
  }
  return b.segments.length - a.segments.length;
}

/** Fills a pattern's parameters, each encoded as one path segment. */
export function interpolatePath(pattern: string, params: Record<string, string> = {}): string {
  const parts = split(pattern).map((s) => {
    if (!s.startsWith('$')) return s;
    const value = params[s.slice(1)];
    if (value === undefined) throw new Error(`router: ${pattern} needs the parameter ${s.slice(1)}`);
    return encodeURIComponent(value);
  });
  return `/${parts.join('/')}`;
}
