import { Hono } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions } from '../../db/schema.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { auditInsert } from '../../audit/log.js';
import type { AdminEnv } from '../env.js';
import { clearSessionCookie, findSession, readSessionCookie, revokeSession } from '../sessions.js';
import { LoginInputSchema, type LoginResult } from '../../../../sdk/src/admin/auth.js';
import { readBody } from './body.js';
import { brakedPasswordCheck } from './password-attempt.js';
import { checkCredentials, finishSignIn, mfaSessionOf, startMfa } from './signin.js';
import { acceptTotpCode, issueTotpSecret } from './totp-check.js';
import { auditTenantOf, totpRequired } from './view.js';

/**
 * R13 sign-in, TOTP, sign-out (these routes authenticate themselves; CSRF still applies).
 *
 * - `POST /login {loginCode, password}` → `{stage:'done', user}` with a full session cookie,
 *   or `{stage:'totp'}` / `{stage:'totp_setup'}` with a 5-minute `mfa` session cookie.
 * - `POST /totp {code}` (mfa session of a user with TOTP) → `{stage:'done', user}`.
 * - `POST /totp/setup` (mfa session of an owner whose tenant requires TOTP and who has none)
 *   → `{secret, otpauthUri}`; `POST /totp/enable {code}` → `{stage:'done', user}`.
 * - `POST /logout` → 204; the session is revoked server-side.
 */
export function authRoutes() {
  const r = new Hono<AdminEnv>();

  r.post('/login', async (c) => {
    const body = await readBody(c, LoginInputSchema);
    if (!body.ok) return body.res;
    const { db } = c.var.deps;
    const loginCode = body.data.loginCode.toLowerCase();
    // Counted before the hash, per IP, account+source and account; see password-attempt.ts.
    const user = await brakedPasswordCheck(c, loginCode, () => checkCredentials(db, loginCode, body.data.password));
    if (user instanceof Response) return user;
    if (!user) return problem('invalid_credentials');
    let result: LoginResult;
    if (user.totpEnabledAt !== null) {
      await startMfa(c, user);
      result = { stage: 'totp' };
    } else if (await totpRequired(db, user)) {
      await startMfa(c, user);
      result = { stage: 'totp_setup' };
    } else {
      result = await finishSignIn(c, user);
    }
    return c.json(result);
  });

  r.post('/totp', async (c) => {
    const mfa = await mfaSessionOf(c);
    if ('refusal' in mfa) return mfa.refusal;
    const { user, session } = mfa;
    if (user.totpEnabledAt === null || !user.totpSecret) return problem('conflict', { detail: 'Set up TOTP first (POST /auth/totp/setup).' });
    const accepted = await acceptTotpCode(c, user, user.totpSecret);
    if (accepted instanceof Response) return accepted;
    return c.json(await finishSignIn(c, { ...user, totpLastStep: accepted.step }, { mfaSession: session }));
  });

  r.post('/totp/setup', async (c) => {
    const mfa = await mfaSessionOf(c);
    if ('refusal' in mfa) return mfa.refusal;
    const { user } = mfa;
    // Never replace an active secret with only a password: that would bypass the second factor.
    if (user.totpEnabledAt !== null) return problem('conflict', { detail: 'TOTP is already set up; send a code to POST /auth/totp.' });
    return issueTotpSecret(c, user);
  });

  r.post('/totp/enable', async (c) => {
    const mfa = await mfaSessionOf(c);
    if ('refusal' in mfa) return mfa.refusal;
    const { user, session } = mfa;
    if (user.totpEnabledAt !== null) return problem('conflict', { detail: 'TOTP is already set up; send a code to POST /auth/totp.' });
    if (!user.totpSecret) return problem('conflict', { detail: 'Call POST /auth/totp/setup first.' });
    const accepted = await acceptTotpCode(c, user, user.totpSecret);
    if (accepted instanceof Response) return accepted;
    const extra = { totpEnabledAt: c.var.deps.clock.now(), totpLastStep: accepted.step };
    return c.json(await finishSignIn(c, user, { mfaSession: session, extra, extraAudit: [{ action: 'user.totp_enabled', fields: ['totpSecret'] }] }));
  });

  r.post('/logout', async (c) => {
    const { db, clock } = c.var.deps;
    const token = readSessionCookie(c);
    const found = token ? await findSession(db, token, clock.now()) : null;
    if (found?.ok) {
      const s = found.session;
      const now = clock.now();
      if (s.stage === 'full') {
        const entry = { id: uuidv7(now), at: now, actorType: 'user' as const, actorId: s.userId, action: 'user.signed_out', entityType: 'user', entityId: s.userId, fields: [] };
        await c.var.audit.withAppend(auditTenantOf(s.tenantId), [entry], (rows) =>
          db.batch([db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, s.id), isNull(sessions.revokedAt))), auditInsert(db, rows)]),
        );
      } else {
        await revokeSession(db, s.id, now);
      }
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return r;
}
