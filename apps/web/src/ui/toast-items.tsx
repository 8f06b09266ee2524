import type { RefObject } from 'react';
import { AlertCircle, Check, X } from './icons.tsx';
import type { ToastItem } from './toast.tsx';
import { useToastPlacement } from './toast-placement.ts';

/** The toasts on show, newest last, each dismissible, placed clear of the controls they would cover. */
export function ToastItems({
  items,
  region,
  onDismiss,
}: {
  items: ToastItem[];
  region: RefObject<HTMLElement | null>;
  onDismiss: (id: number) => void;
}) {
  // Over the pagination controls a toast would hide the very buttons a person reaches for next.
  useToastPlacement(region, items.length > 0);
  return items.map((t) => (
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
        onClick={() => onDismiss(t.id)}
      >
        <X size={14} />
      </button>
    </li>
  ));
}
