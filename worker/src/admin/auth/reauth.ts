import type { Context } from 'hono';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { fieldProblem } from './body.js';
import { signInNameOf, tenantSlugOf } from './login-code.js';
import { brakedPasswordCheck } from './password-attempt.js';
import { checkOwnPassword } from './signin.js';
import { checkTotpCode } from './totp-check.js';
import type { UserRow } from './view.js';

type Ctx = Context<AdminEnv>;

/** What a signed-in user sends again to confirm a sensitive change. */
export type Reauth = { password: string; totpCode?: string | undefined };

/**
 * Step-up check for sensitive changes by a signed-in user (password change, TOTP changes,
 * owner- or operator-level API keys): the password again, and the TOTP code too when the
 * user has TOTP on. Braked like sign-in (password-attempt.ts: counted before the hash, per IP,
 * account+source and account), so a stolen session cannot be used to guess the password. Null
 * when confirmed; otherwise the refusal to answer with (422 `wrong_password` / `invalid_totp`
 * on the named field, 429, or 503 `server_busy`).
 */
export async function confirmIdentity(
  c: Ctx,
  user: UserRow,
  input: Reauth,
  o: { paths?: { password: string; totpCode?: string }; totp?: 'if-enrolled' | 'no' } = {},
): Promise<Response | null> {
  const paths = o.paths ?? { password: 'password', totpCode: 'totpCode' };
  const { db } = c.var.deps;
  // The same account counter as sign-in, which counts the full sign-in name (code@slug).
  const signInName = signInNameOf(user.loginCode, await tenantSlugOf(db, user.tenantId));
  const checked = await brakedPasswordCheck(c, signInName, async () => ((await checkOwnPassword(db, user.id, input.password)) ? true : null));
  if (checked instanceof Response) return checked;
  if (!checked) return fieldProblem(paths.password, 'wrong_password', 'The password is wrong.');
  if ((o.totp ?? 'if-enrolled') === 'if-enrolled' && user.totpEnabledAt !== null && user.totpSecret) {
    if (!input.totpCode) return fieldProblem(paths.totpCode ?? 'totpCode', 'required', 'Enter the code from your authenticator app.');
    const accepted = await checkTotpCode(c, user, user.totpSecret, input.totpCode);
    if (accepted instanceof Response) return accepted;
  }
  return null;
}

/** The refusal for a principal that has no password to confirm (an API key). */
export const noReauthForKeys = () => problem('forbidden', { detail: 'This change needs a signed-in user who confirms their password; an API key cannot make it.' });
