import { lazy, Suspense, useState } from 'react';
import { useShortcut } from './shortcuts.ts';

const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog.tsx').then((m) => ({ default: m.ShortcutsDialog })),
);

/** "?" opens the list of the page's keyboard shortcuts (its code loads on first use). */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useShortcut({ key: '?', description: 'Show keyboard shortcuts', run: () => setOpen(true) });
  return open ? (
    <Suspense fallback={null}>
      <ShortcutsDialog onClose={() => setOpen(false)} />
    </Suspense>
  ) : null;
}
