import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { PasswordSetSchema } from '../../../../sdk/src/admin/settings.js';
import { hashPassword } from '../auth/password.js';
import type { AdminEnv } from '../env.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';
import { passwordErrors } from './field-checks.js';
import { findTenantUser, toUserView, type UserRow } from './user-view.js';
import { revokeSessionsStatement } from './user-write.js';

/** The target user of this tenant, or the answer: 404 for another tenant's, 409 for oneself (use /me). */
async function target(c: Context<AdminEnv>): Promise<UserRow | Response> {
  const user = await findTenantUser(c.var.deps.db, tenantOf(c.var.principal), c.req.param('id')!);
  if (!user) return problem('not_found');
  if (c.var.principal.type === 'user' && c.var.principal.id === user.id) {
    return problem('conflict', { detail: 'Change your own password or second factor under /me, which asks for your current password.' });
  }
  return user;
}

/** Writes `set` on the user, ends their sessions and appends one audit entry, in one batch. */
async function credentialChange(c: Context<AdminEnv>, user: UserRow, set: Partial<typeof users.$inferInsert>, action: string, fields: string[]) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action, entityType: 'user', entityId: user.id, fields };
  await c.var.audit.withAppend(tenantOf(c.var.principal), [entry], (rows) =>
    db.batch([db.update(users).set({ ...set, updatedAt: now }).where(eq(users.id, user.id)), revokeSessionsStatement(db, user.id, now), auditInsert(db, rows)]),
  );
  return toUserView((await findTenantUser(db, tenantOf(c.var.principal), user.id))!);
}

/** An owner sets another user's password, or removes their TOTP factor (they enrol again at sign-in). */
export function userCredentialRoutes() {
  const r = new Hono<AdminEnv>();

  r.post('/:id/password', async (c) => {
    const user = await target(c);
    if (user instanceof Response) return user;
    const body = await readBody(c, PasswordSetSchema, (b) => passwordErrors(b.password, user.loginCode));
    if (!body.ok) return body.res;
    const passwordHash = await hashPassword(body.data.password);
    return c.json(await credentialChange(c, user, { passwordHash }, 'user.password_set', ['password']));
  });

  r.post('/:id/totp/reset', async (c) => {
    const user = await target(c);
    if (user instanceof Response) return user;
    return c.json(await credentialChange(c, user, { totpSecret: null, totpEnabledAt: null, totpLastStep: null }, 'user.totp_reset', ['totp']));
  });
  return r;
}
