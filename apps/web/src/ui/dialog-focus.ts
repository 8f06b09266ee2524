// A modal dialog's keyboard focus, loaded once the dialog has opened (dialog.tsx).

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea,[tabindex]';

/** Controls under `el` that Tab reaches, in document order (none of ours set a positive tabindex). */
const tabbable = (el: Element) =>
  [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (c) => c.tabIndex >= 0 && (c.checkVisibility?.() ?? true),
  );

/**
 * Tab and Shift+Tab go round the dialog's controls, never out of it to the browser; when what had
 * focus goes away (a form replaced by its success view, "Revoke" by "Done"), focus moves to the
 * dialog's marked control, else its first one after the close button. Returns the stop.
 */
export function keepFocusIn(dialog: HTMLDialogElement): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const controls = tabbable(dialog);
    const first = controls[0];
    const last = controls.at(-1);
    if (event.key !== 'Tab' || !first || !last) return;
    const at = document.activeElement;
    if (event.shiftKey ? at === first || !dialog.contains(at) : at === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };
  const refocus = () => {
    if (!dialog.open || dialog.contains(document.activeElement)) return;
    const [close, ...rest] = tabbable(dialog);
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? rest[0] ?? close)?.focus();
  };
  const changes = new MutationObserver(refocus);
  changes.observe(dialog, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
  dialog.addEventListener('keydown', onKeyDown);
  return () => {
    changes.disconnect();
    dialog.removeEventListener('keydown', onKeyDown);
  };
}

/**
 * Where focus goes back to when the dialog closes: the control that opened it, or, when that is
 * gone (a revoked row loses its Revoke button), the nearest control around where it was. Without
 * scrolling: closing leaves the view under the dialog as it was.
 */
export function focusBack(previous: HTMLElement | null): () => void {
  const around: Element[] = [];
  for (let at = previous?.parentElement; at && at !== document.body; at = at.parentElement) around.push(at);
  return () => {
    if (previous?.isConnected) previous.focus({ preventScroll: true });
    else
      around
        .find((el) => el.isConnected && el.querySelector(FOCUSABLE))
        ?.querySelector<HTMLElement>(FOCUSABLE)
        ?.focus({ preventScroll: true });
  };
}
