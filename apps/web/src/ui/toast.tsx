import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { AlertCircle, Check, X } from './icons.tsx';
import { useToastPlacement } from './toast-placement.ts';
import './toast.css';

export interface ToastInput {
  title: string;
  description?: string;
  tone?: 'success' | 'error' | 'info';
  action?: ReactNode;
  /** Milliseconds before it hides itself; errors stay until dismissed. */
  duration?: number;
}
interface ToastItem extends ToastInput {
  id: number;
}

type Notify = (toast: ToastInput) => void;
const ToastContext = createContext<Notify | null>(null);

/** Hosts the toasts: one polite live region, newest last, each dismissible. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const region = useRef<HTMLElement>(null);
  // Over the pagination controls a toast would hide the very buttons a person reaches for next.
  useToastPlacement(region, items.length > 0);
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
          {items.map((t) => (
            <li key={t.id} className={`toast toast-${t.tone ?? 'info'}`}>
              <span className="toast-icon">{t.tone === 'error' ? <AlertCircle /> : <Check />}</span>
              <div className="toast-content">
                <p className="toast-title">{t.title}</p>
                {t.description ? <p className="toast-description">{t.description}</p> : null}
                {t.action ? <div className="toast-action">{t.action}</div> : null}
              </div>
              <button
                type="button"
                className="btn btn-ghost btn-icon btn-sm"
                aria-label="Dismiss notification"
                onClick={() => dismiss(t.id)}
              >
                <X size={14} />
              </button>
            </li>
          ))}
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
