import { and, eq } from 'drizzle-orm';
import { apiKeys, partnerOrgs, users } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { lesserRole, type PartnerType, type Role } from '../../../sdk/src/admin/roles.js';

type KeyRow = typeof apiKeys.$inferSelect;

/** What a key may act as right now: a role and, for `partner`, its organisation and type. */
export type KeyRights = { role: Role; partnerOrgId: string | null; partnerType: PartnerType | null };
type Rights = { role: Role; partnerOrgId: string | null };

/** How many keys minted by keys are followed back to a user before giving up. */
const MAX_CHAIN = 4;

/** Whether a key is live at `now`: not revoked, not past its expiry. */
export const keyLive = (k: Pick<KeyRow, 'revokedAt' | 'expiresAt'>, now: number) => k.revokedAt === null && (k.expiresAt === null || k.expiresAt > now);

async function activeOrgType(db: Db, tenantId: string, orgId: string | null): Promise<PartnerType | null> {
  if (!orgId) return null;
  const [org] = await db
    .select({ type: partnerOrgs.type, disabledAt: partnerOrgs.disabledAt })
    .from(partnerOrgs)
    .where(and(eq(partnerOrgs.id, orgId), eq(partnerOrgs.tenantId, tenantId)))
    .limit(1);
  return org && org.disabledAt === null ? (org.type as PartnerType) : null;
}

/** The lesser of two rights; a partner side keeps its organisation, and two partners must share one. */
function meet(a: Rights, b: Rights): Rights | null {
  const role = lesserRole(a.role, b.role);
  if (!role) return null;
  if (role !== 'partner') return { role, partnerOrgId: null };
  if (a.role === 'partner' && b.role === 'partner' && a.partnerOrgId !== b.partnerOrgId) return null;
  return { role, partnerOrgId: a.role === 'partner' ? a.partnerOrgId : b.partnerOrgId };
}

/**
 * The current rights of whoever created a key of `tenantId`: an enabled user of that tenant
 * (a partner only while its organisation is active), or a live key of that tenant, in turn
 * bounded by its own creator. Null when the creator is gone, disabled, revoked or expired.
 */
async function creatorRights(db: Db, tenantId: string, createdBy: string, now: number, depth: number): Promise<Rights | null> {
  const [user] = await db
    .select({ role: users.role, partnerOrgId: users.partnerOrgId, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.id, createdBy), eq(users.tenantId, tenantId)))
    .limit(1);
  if (user) {
    if (user.disabledAt !== null) return null;
    if (user.role === 'partner' && !(await activeOrgType(db, tenantId, user.partnerOrgId))) return null;
    return { role: user.role as Role, partnerOrgId: user.role === 'partner' ? user.partnerOrgId : null };
  }
  if (depth >= MAX_CHAIN) return null;
  const [key] = await db.select().from(apiKeys).where(and(eq(apiKeys.id, createdBy), eq(apiKeys.tenantId, tenantId))).limit(1);
  if (!key || !keyLive(key, now)) return null;
  return rightsOf(db, key, now, depth + 1);
}

async function rightsOf(db: Db, key: KeyRow, now: number, depth: number): Promise<Rights | null> {
  const creator = await creatorRights(db, key.tenantId, key.createdBy, now, depth);
  return creator && meet({ role: key.role as Role, partnerOrgId: key.role === 'partner' ? key.partnerOrgId : null }, creator);
}

/**
 * Issue 9 item 4: a key never outlives or outranks its creator. It acts as the lesser of its own
 * role and its creator's *current* role (sdk/src/admin/roles.ts `lesserRole`), and not at all
 * once the creator is disabled, removed, or (for a key minted by a key) revoked or expired, or
 * when the roles have no lesser one (staff vs auditor). Null: refuse the key (401).
 */
export async function keyRights(db: Db, key: KeyRow, now: number): Promise<KeyRights | null> {
  if (!keyLive(key, now)) return null;
  const rights = await rightsOf(db, key, now, 0);
  if (!rights) return null;
  if (rights.role !== 'partner') return { ...rights, partnerType: null };
  const partnerType = await activeOrgType(db, key.tenantId, rights.partnerOrgId);
  return partnerType ? { ...rights, partnerType } : null;
}
