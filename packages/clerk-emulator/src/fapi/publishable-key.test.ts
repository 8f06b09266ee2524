import { describe, expect, it } from 'vitest';
import { cookieSuffixFor, EMULATOR_PUBLISHABLE_KEY, publishableKeyFor } from './publishable-key.ts';

describe('the publishable key', () => {
  it('is a production key naming a dotted host (pk_live_ + base64 of "<host>$", unpadded)', () => {
    expect(EMULATOR_PUBLISHABLE_KEY).toMatch(/^pk_live_[A-Za-z0-9+/]+$/);
    const decoded = Buffer.from(EMULATOR_PUBLISHABLE_KEY.slice('pk_live_'.length), 'base64').toString();
    expect(decoded).toBe('clerk.emulator.localhost$');
    expect(publishableKeyFor('clerk.console.example')).toBe(
      `pk_live_${Buffer.from('clerk.console.example$').toString('base64').replace(/=+$/, '')}`,
    );
  });

  it('refuses a host clerk-js would refuse (no dot)', () => {
    expect(() => publishableKeyFor('localhost')).toThrow(/dotted host/);
  });

  it('gives the cookie suffix clerk-js 6.40 derives from it (seen on its __session_<suffix> cookie)', () => {
    expect(cookieSuffixFor(EMULATOR_PUBLISHABLE_KEY)).toBe('6HuNFWf4');
  });
});
