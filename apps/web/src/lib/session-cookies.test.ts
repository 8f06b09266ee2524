import { afterEach, describe, expect, it } from 'vitest';
import { setTestCookie } from '../test/cookies.ts';
import { hasFreshSessionCookie, probablySignedIn } from './session-cookies.ts';

const NOW = 1_800_000_000_000;
const jwt = (claims: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify(claims)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')}.c2ln`;

const setCookie = setTestCookie;

afterEach(() => {
  setCookie('__session', null);
  setCookie('__client_uat', null);
});

describe('session cookie hints', () => {
  it('reads a signed-in browser from __client_uat, and 0 or nothing as signed out', () => {
    expect(probablySignedIn()).toBe(false);
    setCookie('__client_uat', '0');
    expect(probablySignedIn()).toBe(false);
    setCookie('__client_uat', '1764860000');
    expect(probablySignedIn()).toBe(true);
  });

  it('uses the __session token while it has more than a few seconds to live', () => {
    expect(hasFreshSessionCookie(NOW)).toBe(false);
    setCookie('__session', jwt({ sub: 'user_1', exp: NOW / 1000 + 60 }));
    expect(hasFreshSessionCookie(NOW)).toBe(true);
    setCookie('__session', jwt({ sub: 'user_1', exp: NOW / 1000 + 5 }));
    expect(hasFreshSessionCookie(NOW)).toBe(false);
    setCookie('__session', jwt({ sub: 'user_1', exp: NOW / 1000 - 1 }));
    expect(hasFreshSessionCookie(NOW)).toBe(false);
  });

  it('ignores a cookie that is not a token', () => {
    setCookie('__session', 'garbage');
    expect(hasFreshSessionCookie(NOW)).toBe(false);
    setCookie('__session', 'a.%%%.b');
    expect(hasFreshSessionCookie(NOW)).toBe(false);
  });
});
