import { Hono, type Context } from 'hono';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { auditInsert } from '../../audit/log.js';
import type { AdminEnv } from '../env.js';
import { MeUpdateSchema, PasswordChangeSchema, TotpDisableSchema, TotpSetupInputSchema } from '../../../../sdk/src/admin/auth.js';
import { readBody } from './body.js';
import { hashPassword } from './password.js';
import { checkPasswordPolicy } from './policy.js';
import { confirmIdentity } from './reauth.js';
import { acceptTotpCode, issueTotpSecret } from './totp-check.js';
import { auditTenantOf, principalView, totpRequired, type UserRow } from './view.js';

type Ctx = Context<AdminEnv>;

/** The signed-in user's row; API keys have no profile, password or TOTP to change. */
async function self(c: Ctx): Promise<UserRow | Response> {
  const p = c.var.principal;
  if (p.type !== 'user') return problem('forbidden', { detail: 'API keys cannot change a profile, password or TOTP.' });
  const [user] = await c.var.deps.db.select().from(users).where(eq(users.id, p.id)).limit(1);
  return user ?? problem('session_expired');
}

/** Writes a change to the user's own row with its audit entry in one batch. */
async function writeSelf(c: Ctx, user: UserRow, action: string, fields: string[], set: Partial<UserRow>, alsoRevokeOthers = false) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const entry = { id: uuidv7(now), at: now, actorType: 'user' as const, actorId: user.id, action, entityType: 'user', entityId: user.id, fields };
  await c.var.audit.withAppend(auditTenantOf(user.tenantId), [entry], (rows) =>
    db.batch([
      db.update(users).set({ ...set, updatedAt: now }).where(eq(users.id, user.id)),
      // A password change ends every other session of the user (a thief's included).
      db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, alsoRevokeOthers ? user.id : ''), ne(sessions.id, c.var.principal.sessionId ?? ''), isNull(sessions.revokedAt))),
      auditInsert(db, rows),
    ]),
  );
}

/** The signed-in principal: profile, password change, TOTP enrolment. */
export function meRoutes() {
  const r = new Hono<AdminEnv>();

  r.get('/', async (c) => {
    const me = await principalView(c.var.deps.db, c.var.principal);
    return me ? c.json(me) : problem('session_expired');
  });

  r.patch('/', async (c) => {
    const user = await self(c);
    if (user instanceof Response) return user;
    const body = await readBody(c, MeUpdateSchema);
    if (!body.ok) return body.res;
    const set: Partial<UserRow> = {};
    if (body.data.displayName !== undefined && body.data.displayName !== user.displayName) set.displayName = body.data.displayName;
    if (body.data.locale !== undefined && body.data.locale !== user.locale) set.locale = body.data.locale;
    const fields = Object.keys(set);
    if (fields.length > 0) await writeSelf(c, user, 'user.updated', fields, set);
    return c.json(await principalView(c.var.deps.db, c.var.principal));
  });

  r.post('/password', async (c) => {
    const user = await self(c);
    if (user instanceof Response) return user;
    const body = await readBody(c, PasswordChangeSchema);
    if (!body.ok) return body.res;
    const errors = checkPasswordPolicy(body.data.newPassword, { loginCode: user.loginCode, path: 'newPassword' });
    if (errors.length > 0) return problem('validation_failed', { errors });
    const refused = await confirmIdentity(c, user, { password: body.data.currentPassword }, { paths: { password: 'currentPassword' }, totp: 'no' });
    if (refused) return refused;
    const passwordHash = await hashPassword(body.data.newPassword);
    await writeSelf(c, user, 'user.password_changed', ['password'], { passwordHash }, true);
    return c.body(null, 204);
  });

  r.post('/totp/setup', async (c) => {
    const user = await self(c);
    if (user instanceof Response) return user;
    const body = await readBody(c, TotpSetupInputSchema);
    if (!body.ok) return body.res;
    if (user.totpEnabledAt !== null) return problem('conflict', { detail: 'TOTP is already on; turn it off first to set up a new device.' });
    // A stolen session must not be able to enrol its own authenticator (issue 9 item 15c).
    const refused = await confirmIdentity(c, user, { password: body.data.password }, { totp: 'no' });
    if (refused) return refused;
    return issueTotpSecret(c, user);
  });

  r.post('/totp/enable', async (c) => {
    const user = await self(c);
    if (user instanceof Response) return user;
    if (user.totpEnabledAt !== null) return problem('conflict', { detail: 'TOTP is already on.' });
    if (!user.totpSecret) return problem('conflict', { detail: 'Call POST /me/totp/setup first.' });
    const accepted = await acceptTotpCode(c, user, user.totpSecret);
    if (accepted instanceof Response) return accepted;
    await writeSelf(c, user, 'user.totp_enabled', ['totpSecret'], { totpEnabledAt: c.var.deps.clock.now() });
    return c.body(null, 204);
  });

  r.post('/totp/disable', async (c) => {
    const user = await self(c);
    if (user instanceof Response) return user;
    const body = await readBody(c, TotpDisableSchema);
    if (!body.ok) return body.res;
    if (user.totpEnabledAt === null) return problem('conflict', { detail: 'TOTP is not on.' });
    if (await totpRequired(c.var.deps.db, user)) return problem('conflict', { detail: 'Your organisation requires TOTP for owners.' });
    // The password and a current code: neither a stolen session nor a known password alone turns the second factor off.
    const refused = await confirmIdentity(c, user, { password: body.data.password, totpCode: body.data.totpCode }, { totp: 'if-enrolled' });
    if (refused) return refused;
    await writeSelf(c, user, 'user.totp_disabled', ['totpSecret'], { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    return c.body(null, 204);
  });

  return r;
}
