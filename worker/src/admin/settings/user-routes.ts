import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { UserCreateSchema, type UserList } from '../../../../sdk/src/admin/settings.js';
import type { FieldError } from '../../../../sdk/src/schemas/index.js';
import { hashPassword } from '../auth/password.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { fieldError, invalid, readBody } from '../http/body.js';
import { passwordErrors } from './field-checks.js';
import { userCredentialRoutes } from './user-credentials.js';
import { patchUser } from './user-patch.js';
import { findTenantUser, isActiveOrg, loginCodeTaken, toUserView, userColumns } from './user-view.js';
import { isLoginCodeViolation, loginCodeConflict, newUserRow, userCreatedFields } from './user-write.js';

/** Owner (settings.manage): the tenant's users. Password hashes and TOTP secrets never leave. */
export function userRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant, requirePermission('settings.manage'));

  r.get('/', async (c) => {
    const rows = await c.var.deps.db.select(userColumns).from(users).where(eq(users.tenantId, tenantOf(c.var.principal))).orderBy(asc(users.loginCode));
    return c.json({ items: rows.map(toUserView) } satisfies UserList);
  });

  r.post('/', async (c) => {
    const body = await readBody(c, UserCreateSchema, (b) => passwordErrors(b.password, b.loginCode));
    if (!body.ok) return body.res;
    const u = body.data;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const orgId = u.partnerOrgId ?? null;
    const errors: FieldError[] = [];
    if (u.role === 'partner' && !orgId) errors.push(fieldError('partnerOrgId', 'required', 'A partner user belongs to a partner organisation.'));
    if (u.role === 'partner' && orgId && !(await isActiveOrg(db, tenantId, orgId))) errors.push(fieldError('partnerOrgId', 'invalid_value', 'No such active partner organisation.'));
    if (u.role !== 'partner' && orgId) errors.push(fieldError('partnerOrgId', 'invalid_value', 'Only partner users belong to a partner organisation.'));
    if (errors.length) return invalid(errors);
    if (await loginCodeTaken(db, tenantId, u.loginCode)) return loginCodeConflict();

    const passwordHash = await hashPassword(u.password);
    const now = clock.now();
    const row = newUserRow({ tenantId, loginCode: u.loginCode, displayName: u.displayName, role: u.role, partnerOrgId: orgId, locale: u.locale, passwordHash }, now);
    const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'user.created', entityType: 'user', entityId: row.id, fields: userCreatedFields(row as { partnerOrgId: string | null }) };
    try {
      await c.var.audit.withAppend(tenantId, [entry], (rows) => db.batch([db.insert(users).values(row), auditInsert(db, rows)]));
    } catch (err) {
      if (isLoginCodeViolation(err)) return loginCodeConflict();
      throw err;
    }
    return c.json(toUserView((await findTenantUser(db, tenantId, row.id))!), 201);
  });

  r.patch('/:id', async (c) => {
    const result = await patchUser(c);
    return result instanceof Response ? result : c.json(result);
  });

  r.route('/', userCredentialRoutes());
  return r;
}
