import { type ReactNode, useEffect, useId, useRef } from 'react';
import { X } from './icons.tsx';
import './dialog.css';

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
      dialog.showModal();
      // showModal() focuses the first focusable element (the close button); prefer the marked field.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      // Keeping focus inside and bringing it back load with the first dialog, not with the page.
      let stop: (() => void) | undefined;
      // Back without scrolling, as a closing <dialog> does: the view under it stays as it was, though
      // the control that opened it may sit under a sticky header.
      let back = () => previous?.isConnected && previous.focus({ preventScroll: true });
      let closed = false;
      void import('./dialog-focus.ts').then(({ keepFocusIn, focusBack }) => {
        if (closed) return;
        stop = keepFocusIn(dialog);
        back = focusBack(previous);
      });
      return () => {
        closed = true;
        stop?.();
        if (dialog.open) dialog.close();
        back();
      };
    }
    return undefined;
  }, [open]);

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
