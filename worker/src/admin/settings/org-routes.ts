import { Hono, type MiddlewareHandler } from 'hono';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { partnerOrgs, sessions, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { can } from '../../../../sdk/src/admin/roles.js';
import { OrganisationCreateSchema, OrganisationPatchSchema, type OrganisationList, type OrganisationView } from '../../../../sdk/src/admin/settings.js';
import type { PartnerType } from '../../../../sdk/src/admin/roles.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';

type OrgRow = typeof partnerOrgs.$inferSelect;
const toView = (o: OrgRow): OrganisationView => ({ id: o.id, name: o.name, type: o.type as PartnerType, disabled: o.disabledAt !== null, createdAt: o.createdAt, disabledAt: o.disabledAt });

async function findOrg(db: Db, tenantId: string, id: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(partnerOrgs).where(and(eq(partnerOrgs.id, id), eq(partnerOrgs.tenantId, tenantId))).limit(1);
  return row ?? null;
}

/** Staff assign cases to organisations, so they may list them; only owners change them. */
const canList: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const role = c.var.principal.role;
  return can(role, 'cases.assign') || can(role, 'settings.manage') ? next() : problem('forbidden');
};

/**
 * R22 partner organisations (technician, repair centre, carrier). Disabling one stops its users
 * and keys at once (authenticate refuses partners of a disabled organisation) and ends their sessions.
 */
export function orgRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant);

  r.get('/', canList, async (c) => {
    const rows = await c.var.deps.db.select().from(partnerOrgs).where(eq(partnerOrgs.tenantId, tenantOf(c.var.principal))).orderBy(asc(partnerOrgs.name), asc(partnerOrgs.id));
    return c.json({ items: rows.map(toView) } satisfies OrganisationList);
  });

  r.post('/', requirePermission('settings.manage'), async (c) => {
    const body = await readBody(c, OrganisationCreateSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const now = clock.now();
    const row: OrgRow = { id: uuidv7(now), tenantId, name: body.data.name, type: body.data.type, createdAt: now, disabledAt: null };
    const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'partner_org.created', entityType: 'partner_org', entityId: row.id, fields: ['name', 'type'] };
    await c.var.audit.withAppend(tenantId, [entry], (rows) => db.batch([db.insert(partnerOrgs).values(row), auditInsert(db, rows)]));
    return c.json(toView(row), 201);
  });

  r.patch('/:id', requirePermission('settings.manage'), async (c) => {
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const org = await findOrg(db, tenantId, c.req.param('id'));
    if (!org) return problem('not_found');
    const body = await readBody(c, OrganisationPatchSchema);
    if (!body.ok) return body.res;
    const p = body.data;
    const fields: string[] = [];
    if (p.name !== undefined && p.name !== org.name) fields.push('name');
    if (p.disabled !== undefined && p.disabled !== (org.disabledAt !== null)) fields.push('disabled');
    if (!fields.length) return c.json(toView(org));
    const now = clock.now();
    const disabling = fields.includes('disabled') && p.disabled === true;
    const set = { ...(p.name !== undefined ? { name: p.name } : {}), ...(fields.includes('disabled') ? { disabledAt: p.disabled ? now : null } : {}) };
    const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'partner_org.updated', entityType: 'partner_org', entityId: org.id, fields };
    const members = db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.partnerOrgId, org.id)));
    await c.var.audit.withAppend(tenantId, [entry], (rows) =>
      db.batch([
        db.update(partnerOrgs).set(set).where(eq(partnerOrgs.id, org.id)),
        ...(disabling ? [db.update(sessions).set({ revokedAt: now }).where(and(inArray(sessions.userId, members), isNull(sessions.revokedAt)))] : []),
        auditInsert(db, rows),
      ]),
    );
    return c.json(toView((await findOrg(db, tenantId, org.id))!));
  });
  return r;
}
