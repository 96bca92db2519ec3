import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { UserPatchSchema, type UserView } from '../../../../sdk/src/admin/settings.js';
import type { AdminEnv } from '../env.js';
import { actorOf, tenantOf } from '../principal.js';
import { fieldError, invalid, readBody } from '../http/body.js';
import { orRefusal, Refused } from '../http/refused.js';
import { findTenantUser, isActiveOrg, otherActiveOwners, toUserView } from './user-view.js';
import { revokeSessionsStatement } from './user-write.js';

const lastOwner = () => problem('conflict', { detail: 'The last active owner cannot be demoted or disabled; make another user owner first.' });

/**
 * `PATCH /users/:id`: name, role, organisation, language, disabled. A change of role or
 * organisation, or disabling, ends the user's sessions in the same batch. An owner cannot
 * demote or disable themself, and the tenant always keeps an active owner (409 `conflict`).
 */
export async function patchUser(c: Context<AdminEnv>): Promise<UserView | Response> {
  const { db, clock } = c.var.deps;
  const principal = c.var.principal;
  const tenantId = tenantOf(principal);
  const target = await findTenantUser(db, tenantId, c.req.param('id')!);
  if (!target) return problem('not_found');
  const body = await readBody(c, UserPatchSchema);
  if (!body.ok) return body.res;
  const p = body.data;

  const role = p.role ?? target.role;
  const orgId = p.partnerOrgId !== undefined ? p.partnerOrgId : role === 'partner' ? target.partnerOrgId : null;
  if (role === 'partner' && !orgId) return invalid([fieldError('partnerOrgId', 'required', 'A partner user belongs to a partner organisation.')]);
  if (role !== 'partner' && orgId) return invalid([fieldError('partnerOrgId', 'invalid_value', 'Only partner users belong to a partner organisation.')]);
  if (role === 'partner' && orgId !== target.partnerOrgId && !(await isActiveOrg(db, tenantId, orgId!))) {
    return invalid([fieldError('partnerOrgId', 'invalid_value', 'No such active partner organisation.')]);
  }
  const disabled = p.disabled ?? target.disabledAt !== null;
  const fields: string[] = [];
  if (p.displayName !== undefined && p.displayName !== target.displayName) fields.push('displayName');
  if (role !== target.role) fields.push('role');
  if (orgId !== target.partnerOrgId) fields.push('partnerOrgId');
  if (p.locale !== undefined && p.locale !== target.locale) fields.push('locale');
  if (disabled !== (target.disabledAt !== null)) fields.push('disabled');
  if (!fields.length) return toUserView(target);

  const self = principal.type === 'user' && principal.id === target.id;
  if (self && (fields.includes('role') || fields.includes('disabled'))) return problem('conflict', { detail: 'You cannot change your own role or disable yourself.' });

  const now = clock.now();
  const revoke = fields.includes('role') || fields.includes('partnerOrgId') || (fields.includes('disabled') && disabled);
  const losesOwner = target.role === 'owner' && target.disabledAt === null && (role !== 'owner' || disabled);
  const actor = actorOf(principal);
  const entries = [
    { id: uuidv7(now), at: now, ...actor, action: 'user.updated', entityType: 'user', entityId: target.id, fields },
    ...(revoke ? [{ id: uuidv7(now), at: now, ...actor, action: 'user.sessions_revoked', entityType: 'user', entityId: target.id, fields: [] }] : []),
  ];
  const set: Partial<typeof users.$inferInsert> = { updatedAt: now, role, partnerOrgId: orgId, disabledAt: disabled ? (target.disabledAt ?? now) : null };
  if (p.displayName !== undefined) set.displayName = p.displayName;
  if (p.locale !== undefined) set.locale = p.locale;
  const done = await orRefusal(() =>
    // The owner count is read inside the tenant's serialised append, so two demotions cannot both pass here.
    c.var.audit.withAppend(tenantId, entries, async (rows) => {
      if (losesOwner && (await otherActiveOwners(db, tenantId, target.id)) === 0) throw new Refused(lastOwner());
      await db.batch([db.update(users).set(set).where(eq(users.id, target.id)), ...(revoke ? [revokeSessionsStatement(db, target.id, now)] : []), auditInsert(db, rows)]);
    }),
  );
  if (done instanceof Response) return done;
  return toUserView((await findTenantUser(db, tenantId, target.id))!);
}
