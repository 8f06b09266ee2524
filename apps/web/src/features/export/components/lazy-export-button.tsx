import { type ComponentProps, lazy, Suspense } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Download } from '../../../ui/icons.tsx';

// The export button's code (progress, cancel, messages) is a chunk of its own, fetched when the page
// first renders: the first route's code stays within its budget, the table does not wait for it.
const ExportButton = lazy(() => import('./export-button.tsx').then((m) => ({ default: m.ExportButton })));

/**
 * `ExportButton`, loaded with the page (or once it stops being `deferred`); until then the same
 * button, not yet usable.
 */
export function LazyExportButton({
  deferred = false,
  ...props
}: ComponentProps<typeof ExportButton> & { deferred?: boolean }) {
  const waiting = (
    <Button disabled>
      <Download size={14} />
      Export CSV
    </Button>
  );
  return deferred ? (
    waiting
  ) : (
    <Suspense fallback={waiting}>
      <ExportButton {...props} />
    </Suspense>
  );
}
