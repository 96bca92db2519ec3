import type { FieldError } from '../../../../sdk/src/schemas/problem.js';
import { COMMON_PASSWORDS_TEXT } from './common-passwords.js';

/**
 * R13 password rules per OWASP ASVS 5 (V6.2): at least 12 characters (code points, so an
 * emoji counts once), at least 128 allowed, no composition rules, refused when on the shipped
 * list of common passwords (case-insensitive) or equal to the login code.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

let common: Set<string> | undefined;
/** Built on first use (3k entries), not at import, so cold starts that never check stay cheap. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  return common.has(password.toLowerCase());
}

export const POLICY_MESSAGES = {
  too_short: `Use at least ${PASSWORD_MIN} characters.`,
  too_long: `Use at most ${PASSWORD_MAX} characters.`,
  common_password: 'This password is too common; choose another.',
  same_as_login_code: 'The password may not be your login code.',
} as const;

/**
 * Per-field errors for a new password (empty when it passes). `path` names the field in the
 * request (default `password`; `/me/password` uses `newPassword`).
 */
export function checkPasswordPolicy(password: string, opts: { loginCode?: string | null; path?: string } = {}): FieldError[] {
  const path = opts.path ?? 'password';
  const err = (code: keyof typeof POLICY_MESSAGES): FieldError[] => [{ path, code, message: POLICY_MESSAGES[code] }];
  const length = [...password].length;
  if (length < PASSWORD_MIN) return err('too_short');
  if (length > PASSWORD_MAX) return err('too_long');
  if (opts.loginCode && password.toLowerCase() === opts.loginCode.toLowerCase()) return err('same_as_login_code');
  if (isCommonPassword(password)) return err('common_password');
  return [];
}
