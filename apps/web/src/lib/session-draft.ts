/**
 * A form's unsent values, kept per organization in this tab (sessionStorage), so a closed dialog, a
 * failed send or a reload loses nothing. A blank form stores nothing; storage that is full, disabled
 * or holds something unreadable is treated as empty.
 */
export function sessionDraft<T>({
  name,
  read,
  isBlank,
}: {
  /** The storage key's prefix: `<name>:<orgId>`. */
  name: string;
  /** The draft from what was stored (an object, possibly stale or hand-edited). */
  read: (stored: Record<string, unknown>) => T;
  isBlank: (draft: T) => boolean;
}) {
  const key = (orgId: string) => `${name}:${orgId}`;
  return {
    load(orgId: string): T | null {
      try {
        const text = sessionStorage.getItem(key(orgId));
        if (!text) return null;
        const stored: unknown = JSON.parse(text);
        if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
        return read(stored as Record<string, unknown>);
      } catch {
        return null;
      }
    },
    save(orgId: string, draft: T): void {
      try {
        if (isBlank(draft)) sessionStorage.removeItem(key(orgId));
        else sessionStorage.setItem(key(orgId), JSON.stringify(draft));
      } catch {
        // Storage full or disabled: the form on screen still holds the values.
      }
    },
    clear(orgId: string): void {
      try {
        sessionStorage.removeItem(key(orgId));
      } catch {
        // Nothing to clear.
      }
    },
  };
}
