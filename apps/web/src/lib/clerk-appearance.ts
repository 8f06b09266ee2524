import type { ClerkProviderProps } from '@clerk/react';

/**
 * Clerk's components in our colours: every value is one of our CSS variables, which switch between
 * the light and dark themes by themselves (`light-dark()`), so Clerk follows the theme toggle live.
 */
export const clerkAppearance: NonNullable<ClerkProviderProps['appearance']> = {
  variables: {
    colorPrimary: 'var(--accent)',
    colorPrimaryForeground: 'var(--accent-contrast)',
    colorBackground: 'var(--surface)',
    colorForeground: 'var(--text)',
    colorMutedForeground: 'var(--text-muted)',
    colorMuted: 'var(--surface-2)',
    colorNeutral: 'var(--text)',
    colorInput: 'var(--surface)',
    colorInputForeground: 'var(--text)',
    colorDanger: 'var(--danger)',
    colorRing: 'var(--focus)',
    borderRadius: 'var(--radius)',
    fontFamily: 'var(--font-sans)',
  },
  elements: {
    // The card sits in our own frame, which carries the border and shadow.
    cardBox: { boxShadow: 'none', border: '1px solid var(--border)' },
  },
};
