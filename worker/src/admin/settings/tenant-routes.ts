import { Hono } from 'hono';
import { asc, sql } from 'drizzle-orm';
import { tenants, users } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { createTenant } from '../../tenants/create.js';
import { signInNameOf } from '../auth/login-code.js';
import { TenantCreateSchema, type TenantCreated, type TenantList } from '../../../../sdk/src/admin/settings.js';
import { hashPassword } from '../auth/password.js';
import type { AdminEnv } from '../env.js';
import { requirePermission } from '../guards.js';
import { readBody } from '../http/body.js';
import { originErrors, passwordErrors } from './field-checks.js';
import { isLoginCodeViolation, loginCodeConflict, newUserRow, userCreatedFields } from './user-write.js';

/**
 * Platform operator (tenants.manage): lists tenants with counts and creates a tenant with its
 * first publishable key and owner. Never any consumer data.
 */
export function tenantRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requirePermission('tenants.manage'));

  r.get('/', async (c) => {
    const rows = await c.var.deps.db
      .select({
        id: tenants.id,
        name: tenants.name,
        slug: tenants.slug,
        createdAt: tenants.createdAt,
        // Written out: drizzle would render ${tenants.id} unqualified, which inside the subquery means users.id.
        users: sql<number>`(select count(*) from users u where u.tenant_id = tenants.id)`,
        cases: sql<number>`(select count(*) from cases c where c.tenant_id = tenants.id)`,
      })
      .from(tenants)
      .orderBy(asc(tenants.createdAt), asc(tenants.id));
    return c.json({ items: rows.map((t) => ({ ...t, users: Number(t.users), cases: Number(t.cases) })) } satisfies TenantList);
  });

  r.post('/', async (c) => {
    const body = await readBody(c, TenantCreateSchema, (b) => {
      const owner = (typeof b.owner === 'object' && b.owner !== null ? b.owner : {}) as Record<string, unknown>;
      return [...originErrors(b.origins, 'origins'), ...passwordErrors(owner.password, owner.loginCode, 'owner.password')];
    });
    if (!body.ok) return body.res;
    const t = body.data;
    const { db, clock } = c.var.deps;
    // Login codes are unique per tenant and this tenant is new: the owner's code cannot be taken.
    // Hash before anything is written; the tenant (one batch) and its owner (a second) follow.
    const passwordHash = await hashPassword(t.owner.password);
    const actorId = c.var.principal.id;
    const now = clock.now();
    const created = await createTenant(db, c.var.audit, now, { name: t.name, origins: t.origins, privacyUrl: t.privacyUrl, kinds: t.kinds, locales: t.locales }, actorId);
    const owner = newUserRow({ tenantId: created.tenantId, loginCode: t.owner.loginCode, displayName: t.owner.displayName, role: 'owner', partnerOrgId: null, locale: 'nl', passwordHash }, now);
    const entry = { id: uuidv7(now), at: now, actorType: 'operator' as const, actorId, action: 'user.created', entityType: 'user', entityId: owner.id, fields: userCreatedFields({ partnerOrgId: null }) };
    try {
      await c.var.audit.withAppend(created.tenantId, [entry], (rows) => db.batch([db.insert(users).values(owner), auditInsert(db, rows)]));
    } catch (err) {
      // Only if another request took the login code in the last moment: the tenant exists without an owner.
      if (isLoginCodeViolation(err)) return loginCodeConflict('owner.loginCode');
      throw err;
    }
    const out: TenantCreated = {
      tenantId: created.tenantId, name: t.name, slug: created.slug, publishableKey: created.publishableKey,
      owner: { id: owner.id!, loginCode: owner.loginCode, signInName: signInNameOf(owner.loginCode, created.slug) },
    };
    return c.json(out, 201);
  });
  return r;
}
