import type { ListSearch, SortKey, SortValue } from '../../../lib/search-schemas.ts';

/** Clerk's list query (`status`, `order_by`, `limit`, `offset`) for a list's URL state. */
export function toListQuery({ status, sort, page, pageSize }: ListSearch) {
  return { status, order_by: sort, limit: pageSize, offset: (page - 1) * pageSize };
}

/** The next sort when a column header is clicked: same key flips direction, a new key starts ascending (Email) or newest first (Created). */
export function nextSort(current: SortValue, key: SortKey): SortValue {
  const currentKey = current.replace(/^[-+]/, '');
  if (currentKey !== key) return key === 'created_at' ? '-created_at' : 'email_address';
  return current.startsWith('-') ? key : `-${key}`;
}
