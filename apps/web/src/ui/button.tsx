import type { ComponentPropsWithRef } from 'react';

type Variant = 'default' | 'primary' | 'danger' | 'ghost' | 'danger-ghost';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: Variant;
  size?: 'md' | 'sm' | 'icon';
  /** Shows a spinner and marks the button busy; the label stays so its accessible name does not change. */
  loading?: boolean;
}

/** The app's button: variants by intent, a busy state, and `type="button"` unless told otherwise. */
export function Button({
  variant = 'default',
  size = 'md',
  loading = false,
  className,
  type = 'button',
  disabled,
  children,
  ...props
}: ButtonProps) {
  const classes = ['btn'];
  if (variant !== 'default') classes.push(`btn-${variant}`);
  if (size === 'sm') classes.push('btn-sm');
  if (size === 'icon') classes.push('btn-icon');
  if (className) classes.push(className);
  return (
    <button
      type={type}
      className={classes.join(' ')}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
