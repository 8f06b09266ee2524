import { useDeferredValue, useMemo } from 'react';
import { useAddressCheck } from '../api/check-addresses.ts';
import { addressSet } from '../utils/address-set.ts';
import {
  type CheckState,
  type ClassifyOptions,
  classifyRows,
  resolveRole,
  validateRows,
} from '../utils/classify-rows.ts';
import { parseAddresses } from '../utils/parse-addresses.ts';
import type { ColumnChoice } from '../utils/table-columns.ts';
import { useDebouncedValue } from '../utils/use-debounced-value.ts';

/** The most addresses one job (and one check) takes. */
export const MAX_ROWS = 20_000;
const CHECK_DEBOUNCE_MS = 300;
const NOTHING_TO_CHECK: CheckState = { status: 'done', pending: new Map(), members: new Map() };

type PreviewOptions = Omit<ClassifyOptions, 'check'> & {
  /** The admin's email and role column per pasted table. */
  columns: Readonly<Record<string, ColumnChoice>>;
};

/**
 * The preview of a paste, recomputed as it changes: parse, validate, then the live check (debounced,
 * for valid unique addresses only, keyed by their set) and the classification.
 */
export function useBulkPreview(orgId: string, text: string, options: PreviewOptions) {
  const { defaultRole, roles, includeMembers, includePending, rowIncludes, rowRoles, columns } = options;
  // Typing stays responsive with a large paste: React renders the preview after the keystroke.
  const deferredText = useDeferredValue(text);
  const parsed = useMemo(() => {
    const isRole = roles ? (cell: string) => resolveRole(cell, roles) !== null : undefined;
    return parseAddresses(deferredText, { columns, isRole });
  }, [deferredText, columns, roles]);
  const validated = useMemo(() => validateRows(parsed.rows), [parsed]);
  const current = useMemo(() => addressSet(validated.unique, MAX_ROWS), [validated.unique]);
  const asked = useDebouncedValue(current, CHECK_DEBOUNCE_MS);
  const check = useAddressCheck(orgId, asked);

  const answer = check.data;
  const failed = check.isError;
  const checkState = useMemo<CheckState>(() => {
    if (current.size === 0) return NOTHING_TO_CHECK;
    // An answer belongs to the set it was asked for; a newer paste waits for its own.
    if (asked.hash !== current.hash || asked.size !== current.size) return { status: 'checking' };
    if (answer) return { status: 'done', ...answer };
    return failed ? { status: 'error' } : { status: 'checking' };
  }, [current, asked, answer, failed]);

  const classified = useMemo(
    () =>
      classifyRows(validated.rows, {
        check: checkState,
        defaultRole,
        roles,
        includeMembers,
        includePending,
        rowIncludes,
        rowRoles,
      }),
    [validated.rows, checkState, defaultRole, roles, includeMembers, includePending, rowIncludes, rowRoles],
  );

  return {
    ...classified,
    tables: parsed.tables,
    headerLines: parsed.headerLines,
    /** The paste being typed is ahead of the preview (a large paste renders a moment later). */
    stale: deferredText !== text,
    checkState,
    checkError: checkState.status === 'error' ? check.error : null,
    retryCheck: () => void check.refetch(),
    checkedCount: current.size,
  };
}
