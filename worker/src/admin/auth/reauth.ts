import type { Context } from 'hono';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { fieldProblem, rateLimited } from './body.js';
import { checkOwnPassword } from './signin.js';
import { ACCOUNT, accountKey, recordFailure, resetThrottle, retryAfter } from './throttle.js';
import { checkTotpCode } from './totp-check.js';
import type { UserRow } from './view.js';

type Ctx = Context<AdminEnv>;

/** What a signed-in user sends again to confirm a sensitive change. */
export type Reauth = { password: string; totpCode?: string | undefined };

/**
 * Step-up check for sensitive changes by a signed-in user (password change, TOTP changes,
 * owner- or operator-level API keys): the password again, and the TOTP code too when the
 * user has TOTP on. Braked like sign-in (the account counter), so a stolen session cannot be
 * used to guess the password. Null when confirmed; otherwise the refusal to answer with
 * (422 `wrong_password` / `invalid_totp` on the named field, or 429).
 */
export async function confirmIdentity(
  c: Ctx,
  user: UserRow,
  input: Reauth,
  o: { paths?: { password: string; totpCode?: string }; totp?: 'if-enrolled' | 'no' } = {},
): Promise<Response | null> {
  const paths = o.paths ?? { password: 'password', totpCode: 'totpCode' };
  const { db, clock } = c.var.deps;
  const key = accountKey(user.loginCode);
  const wait = await retryAfter(db, [key], clock.now());
  if (wait > 0) return rateLimited(wait);
  if (!(await checkOwnPassword(db, user.id, input.password))) {
    await recordFailure(db, key, ACCOUNT, clock.now());
    return fieldProblem(paths.password, 'wrong_password', 'The password is wrong.');
  }
  await resetThrottle(db, key);
  if ((o.totp ?? 'if-enrolled') === 'if-enrolled' && user.totpEnabledAt !== null && user.totpSecret) {
    if (!input.totpCode) return fieldProblem(paths.totpCode ?? 'totpCode', 'required', 'Enter the code from your authenticator app.');
    const accepted = await checkTotpCode(c, user, user.totpSecret, input.totpCode);
    if (accepted instanceof Response) return accepted;
  }
  return null;
}

/** The refusal for a principal that has no password to confirm (an API key). */
export const noReauthForKeys = () => problem('forbidden', { detail: 'This change needs a signed-in user who confirms their password; an API key cannot make it.' });
