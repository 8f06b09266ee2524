import { type ReactNode, Suspense, useState } from 'react';
import { Button, type ButtonProps } from './button.tsx';

interface LazyDialogButtonProps<T> extends Omit<ButtonProps, 'onClick' | 'onPointerEnter' | 'onFocus'> {
  /** Starts loading the dialog's code (its lazy component's import): on pointer or focus, before the click. */
  preload: () => Promise<unknown>;
  /** What the dialog works on, taken at the click (a selection may change under an open dialog). */
  take: () => T;
  /** The dialog for what was taken; `close` puts the button back. */
  dialog: (taken: T, close: () => void) => ReactNode;
  /** Shows no button while the dialog is closed (nothing to act on). */
  unavailable?: boolean;
}

/**
 * A button that opens a dialog whose code loads on first use, not with the page: the selection bar's
 * "Revoke selected" and "Resend selected".
 */
export function LazyDialogButton<T>({
  preload,
  take,
  dialog,
  unavailable,
  ...button
}: LazyDialogButtonProps<T>) {
  const [taken, setTaken] = useState<{ value: T } | null>(null);
  if (unavailable && taken === null) return null;
  return (
    <>
      <Button
        {...button}
        onClick={() => setTaken({ value: take() })}
        onPointerEnter={() => void preload()}
        onFocus={() => void preload()}
      />
      {taken ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          {dialog(taken.value, () => setTaken(null))}
        </Suspense>
      ) : null}
    </>
  );
}
