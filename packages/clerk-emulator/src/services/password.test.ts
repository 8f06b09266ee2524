import { describe, expect, it } from 'vitest';
import { demoPasswordDigest, hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('stores a salted scrypt digest that verifies the password and nothing else', () => {
    const digest = hashPassword('correct horse battery');
    expect(digest).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(digest).not.toContain('correct horse');
    expect(hashPassword('correct horse battery')).not.toBe(digest);
    expect(verifyPassword('correct horse battery', digest)).toBe(true);
    expect(verifyPassword('correct horse batterY', digest)).toBe(false);
    expect(verifyPassword('correct horse battery', 'bcrypt$whatever')).toBe(false);
  });

  it("applies Clerk's length rules: 8 characters at least, 72 bytes at most", () => {
    expect(passwordProblem('1234567')?.errors[0]?.code).toBe('form_password_length_too_short');
    expect(passwordProblem('12345678')).toBeNull();
    expect(passwordProblem('a'.repeat(72))).toBeNull();
    expect(passwordProblem('€'.repeat(25))?.errors[0]?.code).toBe('form_password_size_in_bytes_exceeded');
  });

  it('hashes the demo password once per process', () => {
    expect(demoPasswordDigest('demo-password-1')).toBe(demoPasswordDigest('demo-password-1'));
    expect(verifyPassword('demo-password-1', demoPasswordDigest('demo-password-1'))).toBe(true);
  });
});
