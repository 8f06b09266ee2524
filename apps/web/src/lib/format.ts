const numberFormat = new Intl.NumberFormat('en-US');

/** 2134 → "2,134". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** The visible range of a page: "1–25 of 2,134" (en dash), "0 of 0" when empty, "None of 276" past the end. */
export function formatRange(page: number, pageSize: number, total: number): string {
  if (total <= 0) return '0 of 0';
  const first = (page - 1) * pageSize + 1;
  if (first > total) return `None of ${formatCount(total)}`;
  const last = Math.min(page * pageSize, total);
  return `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}

/** Number of pages for a total (at least 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "Ada Lovelace", falling back to the identifier (email) when there is no name. */
export function fullName(
  person: { first_name: string | null; last_name: string | null } | null | undefined,
  fallback = '',
): string {
  const name = [person?.first_name, person?.last_name].filter(Boolean).join(' ').trim();
  return name || fallback;
}

/** "org:admin" → "Admin" when no display name is known. */
export function roleLabel(role: string): string {
  const key = role.startsWith('org:') ? role.slice(4) : role;
  return key.charAt(0).toUpperCase() + key.slice(1).replaceAll('_', ' ');
}
