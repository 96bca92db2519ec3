import { eq } from 'drizzle-orm';
import { apiKeys, partnerOrgs, tenants, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { ROLE_PERMISSIONS, type PartnerType, type Role } from '../../../../sdk/src/admin/roles.js';
import type { Me } from '../../../../sdk/src/admin/auth.js';
import type { Principal } from '../principal.js';
import { signInNameOf } from './login-code.js';

export type UserRow = typeof users.$inferSelect;

async function context(db: Db, tenantId: string | null, orgId: string | null) {
  const [tenant] = tenantId
    ? await db.select({ id: tenants.id, name: tenants.name, slug: tenants.slug, requireTotpForOwners: tenants.requireTotpForOwners }).from(tenants).where(eq(tenants.id, tenantId)).limit(1)
    : [];
  const [org] = orgId ? await db.select({ id: partnerOrgs.id, name: partnerOrgs.name, type: partnerOrgs.type }).from(partnerOrgs).where(eq(partnerOrgs.id, orgId)).limit(1) : [];
  return {
    tenant: tenant ? { id: tenant.id, name: tenant.name, slug: tenant.slug } : null,
    requireTotpForOwners: tenant?.requireTotpForOwners ?? false,
    partnerOrg: org ? { id: org.id, name: org.name, type: org.type as PartnerType } : null,
  };
}

/** Whether the tenant makes this user (an owner) sign in with TOTP. */
export async function totpRequired(db: Db, user: Pick<UserRow, 'role' | 'tenantId'>): Promise<boolean> {
  if (user.role !== 'owner' || !user.tenantId) return false;
  const [t] = await db.select({ r: tenants.requireTotpForOwners }).from(tenants).where(eq(tenants.id, user.tenantId)).limit(1);
  return t?.r ?? false;
}

/** What `GET /me` and a finished sign-in answer for a user. No secrets, no password hash. */
export async function userView(db: Db, user: UserRow): Promise<Me> {
  const ctx = await context(db, user.tenantId, user.partnerOrgId);
  const role = user.role as Role;
  return {
    type: 'user', id: user.id, displayName: user.displayName, loginCode: user.loginCode, signInName: signInNameOf(user.loginCode, ctx.tenant?.slug ?? null), role, permissions: [...ROLE_PERMISSIONS[role]],
    tenant: ctx.tenant, partnerOrg: ctx.partnerOrg, locale: user.locale === 'en' ? 'en' : 'nl',
    totpEnabled: user.totpEnabledAt !== null, totpRequired: role === 'owner' && ctx.requireTotpForOwners,
  };
}

/** `GET /me` for any principal: a signed-in user or an sk_ key. */
export async function principalView(db: Db, p: Principal): Promise<Me | null> {
  if (p.type === 'user') {
    const [user] = await db.select().from(users).where(eq(users.id, p.id)).limit(1);
    return user ? userView(db, user) : null;
  }
  const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, p.id)).limit(1);
  if (!key) return null;
  const ctx = await context(db, p.tenantId, p.partnerOrgId);
  return {
    type: 'api_key', id: p.id, displayName: p.displayName, loginCode: null, signInName: null, role: p.role, permissions: [...ROLE_PERMISSIONS[p.role]],
    tenant: ctx.tenant, partnerOrg: ctx.partnerOrg, locale: p.locale, totpEnabled: false, totpRequired: false,
  };
}

/** The audit chain a user's actions go to: their tenant's, or `_platform` for operators. */
export const auditTenantOf = (tenantId: string | null) => tenantId ?? '_platform';
