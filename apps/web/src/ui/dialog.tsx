import { type ReactNode, useEffect, useId, useRef } from 'react';
import { X } from './icons.tsx';
import './dialog.css';

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea,[tabindex]';

/** Controls under `el` that Tab reaches, in document order (none of ours set a positive tabindex). */
const tabbable = (el: Element) =>
  [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (c) => c.tabIndex >= 0 && (c.checkVisibility?.() ?? true),
  );

export interface DialogProps {
  open: boolean;
  /** Escape, the close button or a backdrop click asked to close; the owner decides. */
  onRequestClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** `sheet` slides in from the right (details); `center` is a classic modal. */
  variant?: 'center' | 'sheet';
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/**
 * A modal on the native `<dialog>` with `showModal()`: the page behind is inert, Tab stays inside,
 * Escape asks to close, and focus returns to where it was when the dialog opened.
 */
export function Dialog({
  open,
  onRequestClose,
  title,
  description,
  children,
  footer,
  variant = 'center',
  size = 'md',
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const requestClose = useRef(onRequestClose);
  requestClose.current = onRequestClose;
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const around: Element[] = [];
      for (let at = previous?.parentElement; at && at !== document.body; at = at.parentElement)
        around.push(at);
      dialog.showModal();
      // showModal() focuses the first focusable element (the close button); prefer the marked field.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      return () => {
        if (dialog.open) dialog.close();
        if (previous?.isConnected) previous.focus();
        // The control that opened the dialog is gone (a revoked row loses its Revoke button): focus
        // goes to the nearest control around where it was, not to the page's start.
        else
          around
            .find((el) => el.isConnected && el.querySelector(FOCUSABLE))
            ?.querySelector<HTMLElement>(FOCUSABLE)
            ?.focus();
      };
    }
    return undefined;
  }, [open]);

  // When what had focus goes away (a form replaced by its success view, "Revoke" by "Done"), focus
  // moves to the dialog's marked control, else its first one after the close button.
  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog?.open || dialog.contains(document.activeElement)) return;
    const [close, ...rest] = tabbable(dialog);
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? rest[0] ?? close)?.focus();
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      requestClose.current();
    };
    // The browser may close a dialog without a cancel event (repeated Escape); if the owner still
    // wants it open (say, to confirm discarding edits), open it again.
    const onClose = () => {
      if (!openRef.current) return;
      requestClose.current();
      setTimeout(() => {
        if (openRef.current && dialog.isConnected && !dialog.open) dialog.showModal();
      }, 0);
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
    };
  }, []);

  const classes = ['dialog', `dialog-${variant}`, `dialog-${size}`, className].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onMouseDown={(event) => {
        if (event.target === ref.current) requestClose.current();
      }}
      onKeyDown={(event) => {
        // Tab and Shift+Tab go round the dialog's controls, never out of it to the browser.
        const dialog = ref.current;
        if (event.key !== 'Tab' || !dialog) return;
        const controls = tabbable(dialog);
        const first = controls[0];
        const last = controls.at(-1);
        if (!first || !last) return;
        const at = document.activeElement;
        if (event.shiftKey ? at === first || !dialog.contains(at) : at === last) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        }
      }}
    >
      <div className="dialog-panel">
        <header className="dialog-header">
          <div className="dialog-heading">
            <h2 id={titleId}>{title}</h2>
            {description ? (
              <p id={descriptionId} className="dialog-description">
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Close"
            onClick={() => requestClose.current()}
          >
            <X />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer ? <footer className="dialog-footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
