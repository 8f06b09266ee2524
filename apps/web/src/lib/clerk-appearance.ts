import type { ClerkProviderProps } from '@clerk/react';

/**
 * Clerk's components in our colours: every value is one of our tokens (under the `--clerk-ic-*` names
 * tokens.css gives them for Clerk), which switch between the light and dark themes by themselves
 * (`light-dark()`), so Clerk follows the theme toggle live.
 */
export const clerkAppearance: NonNullable<ClerkProviderProps['appearance']> = {
  variables: {
    colorPrimary: 'var(--clerk-ic-accent)',
    colorPrimaryForeground: 'var(--clerk-ic-accent-contrast)',
    colorBackground: 'var(--clerk-ic-surface)',
    colorForeground: 'var(--clerk-ic-text)',
    colorMutedForeground: 'var(--clerk-ic-text-muted)',
    colorMuted: 'var(--clerk-ic-surface-2)',
    colorNeutral: 'var(--clerk-ic-text)',
    colorInput: 'var(--clerk-ic-surface)',
    colorInputForeground: 'var(--clerk-ic-text)',
    colorDanger: 'var(--clerk-ic-danger)',
    colorRing: 'var(--clerk-ic-focus)',
    borderRadius: 'var(--radius)',
    fontFamily: 'var(--font-sans)',
  },
  elements: {
    // Our cards' edge and shadow, so Clerk's card sits beside ours as one of them.
    cardBox: { boxShadow: 'var(--shadow-sm)', border: '1px solid var(--clerk-ic-border)', width: '100%' },
    rootBox: { width: '100%' },
  },
};
