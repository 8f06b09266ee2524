/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` escaped (use `ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface Order<K extends string = string> {
  key: K;
  dir: 'ASC' | 'DESC';
}

/** Reads Clerk's `order_by` (`-created_at`, `+name`, `name`) into a key and direction. */
export function parseOrder<K extends string>(value: string): Order<K> {
  if (value.startsWith('-')) return { key: value.slice(1) as K, dir: 'DESC' };
  return { key: (value.startsWith('+') ? value.slice(1) : value) as K, dir: 'ASC' };
}

/** A JSON array parameter for `json_each`, or null when the list is absent or empty. */
export function jsonList(values: readonly string[] | undefined): string | null {
  return values && values.length > 0 ? JSON.stringify(values) : null;
}

/** Splits Clerk's `+id` / `-id` list into included and excluded values (no sign means include). */
export function splitSigned(values: readonly string[] | undefined): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const value of values ?? []) {
    if (value.startsWith('-')) exclude.push(value.slice(1));
    else include.push(value.startsWith('+') || value.startsWith(' ') ? value.slice(1) : value);
  }
  return { include, exclude };
}

/** Parses a JSON metadata column. */
export function metadata(text: string): Record<string, unknown> {
  return text === '{}' ? {} : (JSON.parse(text) as Record<string, unknown>);
}
