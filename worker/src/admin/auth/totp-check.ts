import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { TotpInputSchema } from '../../../../sdk/src/admin/auth.js';
import { readBody, rateLimited } from './body.js';
import { claimTotpStep } from './signin.js';
import { ACCOUNT, claimAttempt, resetThrottle, totpKey } from './throttle.js';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.js';
import { signInNameOf, tenantSlugOf } from './login-code.js';
import type { UserRow } from './view.js';

/**
 * Reads `{code}` from the body and accepts it for `secret` once (see `checkTotpCode`).
 * Resolves to the accepted step, or the refusal to answer with.
 */
export async function acceptTotpCode(c: Context<AdminEnv>, user: UserRow, secret: string): Promise<{ step: number } | Response> {
  const body = await readBody(c, TotpInputSchema);
  if (!body.ok) return body.res;
  return checkTotpCode(c, user, secret, body.data.code);
}

/**
 * Accepts `code` for `secret` once: throttled per user, the attempt counted before the code is
 * checked in one atomic statement (throttle.ts `claimAttempt`; 429 while locked, so parallel
 * guesses get no more than the budget), a step never accepted twice (claimed by a conditional
 * UPDATE); a right code resets the counter.
 */
export async function checkTotpCode(c: Context<AdminEnv>, user: UserRow, secret: string, code: string): Promise<{ step: number } | Response> {
  const { db, clock } = c.var.deps;
  const key = totpKey(user.id);
  const claim = await claimAttempt(db, key, ACCOUNT, clock.now());
  if (!claim.ok) return rateLimited(claim.retryAfter);
  const step = verifyTotp(secret, code, clock.now(), user.totpLastStep);
  if (step === null || !(await claimTotpStep(db, user.id, step))) return problem('invalid_totp');
  await resetThrottle(db, key);
  return { step };
}

/** Starts enrolment: a new (not yet active) secret for `user`, answered with its otpauth URI. */
export async function issueTotpSecret(c: Context<AdminEnv>, user: UserRow): Promise<Response> {
  const secret = newTotpSecret();
  await c.var.deps.db.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, user.id));
  return c.json({ secret, otpauthUri: otpauthUri(secret, signInNameOf(user.loginCode, await tenantSlugOf(c.var.deps.db, user.tenantId))) });
}
