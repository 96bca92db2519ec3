import { Hono } from 'hono';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys, partnerOrgs } from '../../db/schema.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { auditInsert } from '../../audit/log.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { secretKey, tokenHash } from '../tokens.js';
import { ApiKeyCreateSchema, type ApiKey } from '../../../../sdk/src/admin/auth.js';
import type { TenantRole } from '../../../../sdk/src/admin/roles.js';
import { fieldProblem, readBody } from './body.js';

type KeyRow = typeof apiKeys.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A key as lists show it: never the secret or its hash. */
const view = (k: KeyRow): ApiKey => ({
  id: k.id, name: k.name, prefix: k.prefix, role: k.role as TenantRole, partnerOrgId: k.partnerOrgId,
  createdAt: iso(k.createdAt)!, lastUsedAt: iso(k.lastUsedAt), revokedAt: iso(k.revokedAt),
});

/**
 * R13 sk_ API keys of the caller's tenant (permission `settings.manage`): list, create (the key
 * is in the answer this once; only its SHA-256 is stored), revoke. Another tenant's key → 404.
 */
export function apiKeyRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant, requirePermission('settings.manage'));

  r.get('/', async (c) => {
    const rows = await c.var.deps.db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantOf(c.var.principal))).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    return c.json({ items: rows.map(view) });
  });

  r.post('/', async (c) => {
    const body = await readBody(c, ApiKeyCreateSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const partnerOrgId = body.data.role === 'partner' ? body.data.partnerOrgId! : null;
    if (partnerOrgId) {
      const [org] = await db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(and(eq(partnerOrgs.id, partnerOrgId), eq(partnerOrgs.tenantId, tenantId), isNull(partnerOrgs.disabledAt))).limit(1);
      if (!org) return fieldProblem('partnerOrgId', 'invalid_value', 'No active partner organisation with this id.');
    }
    const now = clock.now();
    const key = secretKey();
    const row: KeyRow = {
      id: uuidv7(now), tenantId, name: body.data.name, prefix: key.slice(0, 12), secretHash: tokenHash(key), role: body.data.role, partnerOrgId,
      createdBy: c.var.principal.id, createdAt: now, lastUsedAt: null, revokedAt: null,
    };
    const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'api_key.created', entityType: 'api_key', entityId: row.id, fields: ['name', 'role', 'partnerOrgId'] };
    await c.var.audit.withAppend(tenantId, [entry], (rows) => db.batch([db.insert(apiKeys).values(row), auditInsert(db, rows)]));
    return c.json({ ...view(row), key }, 201);
  });

  r.delete('/:id', async (c) => {
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const id = c.req.param('id');
    const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.id, id), eq(apiKeys.tenantId, tenantId))).limit(1);
    if (!row) return problem('not_found');
    if (row.revokedAt === null) {
      const now = clock.now();
      const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'api_key.revoked', entityType: 'api_key', entityId: row.id, fields: ['revokedAt'] };
      await c.var.audit.withAppend(tenantId, [entry], (rows) =>
        db.batch([db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, row.id), eq(apiKeys.tenantId, tenantId))), auditInsert(db, rows)]),
      );
    }
    return c.body(null, 204);
  });

  return r;
}
