import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, isCommonPassword, PASSWORD_MAX } from './policy.js';
import { COMMON_PASSWORDS_TEXT } from './common-passwords.js';

const codes = (p: string, loginCode?: string) => checkPasswordPolicy(p, { loginCode }).map((e) => e.code);

describe('password policy (ASVS 5)', () => {
  it('needs 12 characters, counted as code points', () => {
    expect(codes('abcdefghijk')).toEqual(['too_short']);
    expect(codes('vlinder-kaas')).toEqual([]);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(codes('🦋'.repeat(11))).toEqual(['too_short']);
    expect(codes('🦋'.repeat(12))).toEqual([]);
  });

  it('allows 128 characters and more, refuses absurd lengths', () => {
    expect(codes('x1y2z3w4'.repeat(16))).toEqual([]);
    expect(codes('q'.repeat(PASSWORD_MAX + 1))).toEqual(['too_long']);
  });

  it('has no composition rules: lower-case letters and spaces are fine', () => {
    expect(codes('paarse olifant fietst')).toEqual([]);
  });

  it('refuses common passwords, case-insensitively', () => {
    expect(codes('qwerty123456')).toEqual(['common_password']);
    expect(codes('QWERTY123456')).toEqual(['common_password']);
    expect(codes('1qaz2wsx3edc')).toEqual(['common_password']);
    expect(isCommonPassword('Password')).toBe(true);
  });

  it('refuses the login code as password', () => {
    expect(codes('jan.de.vries.01', 'Jan.de.Vries.01')).toEqual(['same_as_login_code']);
  });

  it('names the field it was told', () => {
    expect(checkPasswordPolicy('short', { path: 'newPassword' })).toEqual([{ path: 'newPassword', code: 'too_short', message: expect.any(String) }]);
  });

  it('ships the list as lower-case lines with the long entries', () => {
    const list = COMMON_PASSWORDS_TEXT.split('\n');
    expect(list.length).toBeGreaterThan(3000);
    expect(list.every((p) => p === p.toLowerCase() && p.length > 0)).toBe(true);
    expect(list.filter((p) => [...p].length >= 12).length).toBeGreaterThan(300);
  });
});
