import { Hono, type Context } from 'hono';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys, partnerOrgs, users } from '../../db/schema.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { auditInsert } from '../../audit/log.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { secretKey, tokenHash } from '../tokens.js';
import { ApiKeyCreateSchema, type ApiKey } from '../../../../sdk/src/admin/auth.js';
import { needsStepUp, type TenantRole } from '../../../../sdk/src/admin/roles.js';
import { fieldProblem, readBody } from './body.js';
import { confirmIdentity, noReauthForKeys } from './reauth.js';

type KeyRow = typeof apiKeys.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A key as lists show it: never the secret or its hash. */
const view = (k: KeyRow, now: number): ApiKey => ({
  id: k.id, name: k.name, prefix: k.prefix, role: k.role as TenantRole, partnerOrgId: k.partnerOrgId,
  createdAt: iso(k.createdAt)!, expiresAt: iso(k.expiresAt), expired: k.expiresAt !== null && k.expiresAt <= now,
  lastUsedAt: iso(k.lastUsedAt), revokedAt: iso(k.revokedAt),
});

/**
 * Who may create a key of `role` (issue 9 item 4): an owner-level key only by a signed-in user
 * who confirms their password (and TOTP code when on) again; never by an API key. Null: go on.
 */
async function stepUp(c: Context<AdminEnv>, role: TenantRole, input: { password?: string | undefined; totpCode?: string | undefined }): Promise<Response | null> {
  if (!needsStepUp(role)) return null;
  const p = c.var.principal;
  if (p.type !== 'user') return noReauthForKeys();
  if (input.password === undefined) return fieldProblem('password', 'required', 'Enter your password to create a key with this role.');
  const [user] = await c.var.deps.db.select().from(users).where(eq(users.id, p.id)).limit(1);
  if (!user) return problem('session_expired');
  return confirmIdentity(c, user, { password: input.password, totpCode: input.totpCode });
}

/**
 * R13 sk_ API keys of the caller's tenant (permission `settings.manage`): list, create (the key
 * is in the answer this once; only its SHA-256 is stored; optional expiry; owner-level keys
 * only after the password again), revoke. Another tenant's key → 404. What a key may do at
 * each request is bounded by its creator's current role: ../key-rights.ts.
 */
export function apiKeyRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant, requirePermission('settings.manage'));

  r.get('/', async (c) => {
    const rows = await c.var.deps.db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantOf(c.var.principal))).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    const now = c.var.deps.clock.now();
    return c.json({ items: rows.map((k) => view(k, now)) });
  });

  r.post('/', async (c) => {
    const body = await readBody(c, ApiKeyCreateSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const expiresAt = body.data.expiresAt ? Date.parse(body.data.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= clock.now()) return fieldProblem('expiresAt', 'invalid_value', 'The expiry must be in the future.');
    const refused = await stepUp(c, body.data.role, body.data);
    if (refused) return refused;
    const partnerOrgId = body.data.role === 'partner' ? body.data.partnerOrgId! : null;
    if (partnerOrgId) {
      const [org] = await db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(and(eq(partnerOrgs.id, partnerOrgId), eq(partnerOrgs.tenantId, tenantId), isNull(partnerOrgs.disabledAt))).limit(1);
      if (!org) return fieldProblem('partnerOrgId', 'invalid_value', 'No active partner organisation with this id.');
    }
    const now = clock.now();
    const key = secretKey();
    const row: KeyRow = {
      id: uuidv7(now), tenantId, name: body.data.name, prefix: key.slice(0, 12), secretHash: tokenHash(key), role: body.data.role, partnerOrgId,
      createdBy: c.var.principal.id, createdAt: now, expiresAt, lastUsedAt: null, revokedAt: null,
    };
    const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'api_key.created', entityType: 'api_key', entityId: row.id, fields: ['name', 'role', 'partnerOrgId', 'expiresAt'] };
    await c.var.audit.withAppend(tenantId, [entry], (rows) => db.batch([db.insert(apiKeys).values(row), auditInsert(db, rows)]));
    return c.json({ ...view(row, now), key }, 201);
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
