import { describe, expect, it } from 'vitest';
import { sessionTokenFresh } from './session-token.ts';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const token = (exp: number) =>
  `h.${Buffer.from(JSON.stringify({ sub: 'user_1', exp })).toString('base64url')}.sig`;

describe('sessionTokenFresh', () => {
  it('is true only with more than the margin left before exp', () => {
    expect(sessionTokenFresh(token(NOW / 1000 + 60), NOW)).toBe(true);
    expect(sessionTokenFresh(token(NOW / 1000 + 9), NOW)).toBe(false);
    expect(sessionTokenFresh(token(NOW / 1000 - 60), NOW)).toBe(false);
    expect(sessionTokenFresh(undefined, NOW)).toBe(false);
  });

  it('is false for what is not a JWT with a numeric exp', () => {
    for (const bad of ['not-a-jwt', 'a.%%%.c', `h.${btoa('{"exp":"soon"}')}.s`]) {
      expect(sessionTokenFresh(bad, NOW)).toBe(false);
    }
  });
});
