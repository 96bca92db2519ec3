import { and, eq, isNull, ne } from 'drizzle-orm';
import { partnerOrgs, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import type { UserView } from '../../../../sdk/src/admin/settings.js';
import type { TenantRole } from '../../../../sdk/src/admin/roles.js';

/** The columns a user list may show: never `password_hash` or `totp_secret`. */
export const userColumns = {
  id: users.id,
  tenantId: users.tenantId,
  loginCode: users.loginCode,
  displayName: users.displayName,
  role: users.role,
  partnerOrgId: users.partnerOrgId,
  locale: users.locale,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  lastLoginAt: users.lastLoginAt,
  disabledAt: users.disabledAt,
};
export type UserRow = { [K in keyof typeof userColumns]: (typeof users.$inferSelect)[K] };

export const toUserView = (u: UserRow): UserView => ({
  id: u.id,
  loginCode: u.loginCode,
  displayName: u.displayName,
  role: u.role as TenantRole,
  partnerOrgId: u.partnerOrgId,
  locale: u.locale === 'en' ? 'en' : 'nl',
  totpEnabled: u.totpEnabledAt !== null,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
  lastLoginAt: u.lastLoginAt,
});

/** A user of this tenant, or null (another tenant's user and an operator look the same: absent). */
export async function findTenantUser(db: Db, tenantId: string, id: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).where(and(eq(users.id, id), eq(users.tenantId, tenantId))).limit(1);
  return row ?? null;
}

/** Whether `orgId` is an enabled partner organisation of this tenant. */
export async function isActiveOrg(db: Db, tenantId: string, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: partnerOrgs.id })
    .from(partnerOrgs)
    .where(and(eq(partnerOrgs.id, orgId), eq(partnerOrgs.tenantId, tenantId), isNull(partnerOrgs.disabledAt)))
    .limit(1);
  return !!row;
}

/** Active owners of the tenant other than `exceptId`. */
export async function otherActiveOwners(db: Db, tenantId: string, exceptId: string): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, 'owner'), isNull(users.disabledAt), ne(users.id, exceptId)))
    .limit(1);
  return rows.length;
}

/**
 * Whether another user of the same tenant (or, for `tenantId` null, another operator) has this
 * login code. Other tenants' codes never count: a 409 must not tell an owner they exist.
 */
export async function loginCodeTaken(db: Db, tenantId: string | null, loginCode: string): Promise<boolean> {
  const scope = tenantId === null ? isNull(users.tenantId) : eq(users.tenantId, tenantId);
  const [row] = await db.select({ id: users.id }).from(users).where(and(scope, eq(users.loginCode, loginCode))).limit(1);
  return !!row;
}
