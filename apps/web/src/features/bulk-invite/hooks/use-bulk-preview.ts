import { useDeferredValue, useMemo } from 'react';
import { useAddressCheck } from '../api/check-addresses.ts';
import { addressSet } from '../utils/address-set.ts';
import { type CheckState, type ClassifyOptions, classifyRows, validateRows } from '../utils/classify-rows.ts';
import { parseAddresses } from '../utils/parse-addresses.ts';
import { useDebouncedValue } from '../utils/use-debounced-value.ts';

/** The most addresses one job (and one check) takes. */
export const MAX_ROWS = 20_000;
const CHECK_DEBOUNCE_MS = 300;
const NOTHING_TO_CHECK: CheckState = { status: 'done', pending: new Map(), members: new Map() };

/**
 * The preview of a paste, recomputed as it changes: parse, validate, then the live check (debounced,
 * for valid unique addresses only, keyed by their set) and the classification.
 */
export function useBulkPreview(orgId: string, text: string, options: Omit<ClassifyOptions, 'check'>) {
  // Typing stays responsive with a large paste: React renders the preview after the keystroke.
  const deferredText = useDeferredValue(text);
  const parsed = useMemo(() => parseAddresses(deferredText), [deferredText]);
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

  const { defaultRole, roles, includePending, includeMembers, rowIncludes, rowRoles } = options;
  const classified = useMemo(
    () =>
      classifyRows(validated.rows, {
        check: checkState,
        defaultRole,
        roles,
        includePending,
        includeMembers,
        rowIncludes,
        rowRoles,
      }),
    [validated.rows, checkState, defaultRole, roles, includePending, includeMembers, rowIncludes, rowRoles],
  );

  return {
    ...classified,
    headerLine: parsed.headerLine,
    /** The paste being typed is ahead of the preview (a large paste renders a moment later). */
    stale: deferredText !== text,
    checkState,
    checkError: checkState.status === 'error' ? check.error : null,
    retryCheck: () => void check.refetch(),
    checkedCount: current.size,
  };
}
