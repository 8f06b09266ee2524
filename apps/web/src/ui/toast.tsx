import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import './toast.css';

// The live region is there from the start (a screen reader only announces changes to a region it
// already knows); what draws and places the toasts loads with the first one.
const ToastItems = lazy(() => import('./toast-items.tsx').then((m) => ({ default: m.ToastItems })));

/** Marks an element toasts must never cover (the pagination controls): see toast-placement.ts. */
export const TOAST_AVOID = { 'data-toast-avoid': '' } as const;

export interface ToastInput {
  title: string;
  description?: string;
  tone?: 'success' | 'error' | 'info';
  action?: ReactNode;
  /** Milliseconds before it hides itself; errors stay until dismissed. */
  duration?: number;
}
export interface ToastItem extends ToastInput {
  id: number;
}

type Notify = (toast: ToastInput) => void;
const ToastContext = createContext<Notify | null>(null);

/** Hosts the toasts: one polite live region, newest last, each dismissible. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const region = useRef<HTMLElement>(null);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notify>(
    (toast) => {
      const id = nextId.current++;
      setItems((list) => [...list.slice(-3), { ...toast, id }]);
      const duration = toast.duration ?? (toast.tone === 'error' ? 0 : 6000);
      if (duration > 0) setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section ref={region} className="toast-region" aria-label="Notifications">
        <ol aria-live="polite" aria-relevant="additions">
          {items.length > 0 ? (
            <Suspense fallback={null}>
              <ToastItems items={items} region={region} onDismiss={dismiss} />
            </Suspense>
          ) : null}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

/** Shows a toast. */
export function useToast(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error('useToast needs a ToastProvider');
  return notify;
}
