/**
 * R15/R22: who may do what in the admin API. One table, shared by the worker (enforcement)
 * and the admin page (what to show). Partners also get a field projection per organisation
 * type (worker/src/admin/projection.ts).
 */
export const TENANT_ROLES = ['owner', 'staff', 'auditor', 'partner'] as const;
export const ROLES = [...TENANT_ROLES, 'operator'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const PARTNER_TYPES = ['technician', 'repair_centre', 'carrier'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PERMISSIONS = [
  /** Read cases (partners: only their organisation's, projected). */
  'cases.read',
  /** Change status, add notes. */
  'cases.work',
  /** Assign a case to a partner organisation. */
  'cases.assign',
  /** CSV/JSON export and print view of cases (logged, R7). */
  'cases.export',
  /** Find subjects, rectify, access export, withdraw consent (R6, R9, R11). */
  'subjects.manage',
  /** Erase a subject by anonymisation (R10). */
  'subjects.erase',
  /** Read the audit log and the export/print log, export the latter (R8, R17). */
  'logs.read',
  /** Tenant settings, consent texts, users, partner organisations, API keys. */
  'settings.manage',
  /** Platform: create and list tenants. Never consumers' data. */
  'tenants.manage',
  /** Read the tenant's registers: art. 30 register, breaches, sub-processors, agreement, retention, statistics (R16–R18, R20, R21, R23). */
  'registers.read',
  /** Act on them for the tenant: accept the agreement, object to a sub-processor, breach follow-up, retention policy, webhooks. */
  'registers.manage',
  /** Platform: the processor's registers — breach register, sub-processors, agreement versions, processor profile, cross-tenant statistics. */
  'platform.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ['cases.read', 'cases.work', 'cases.assign', 'cases.export', 'subjects.manage', 'subjects.erase', 'logs.read', 'settings.manage', 'registers.read', 'registers.manage'],
  staff: ['cases.read', 'cases.work', 'cases.assign', 'cases.export', 'subjects.manage'],
  auditor: ['logs.read', 'registers.read'],
  partner: ['cases.read', 'cases.work', 'cases.export'],
  operator: ['tenants.manage', 'platform.manage'],
};

export const can = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);

/** Whether `a` may do everything `b` may (a role covers itself). */
export const covers = (a: Role, b: Role): boolean => ROLE_PERMISSIONS[b].every((p) => ROLE_PERMISSIONS[a].includes(p));

/**
 * The lesser of two roles: the one the other covers (`owner` and `staff` → `staff`). Null when
 * neither covers the other (`staff` and `auditor`): no single role is at most both.
 * An sk_ key acts as the lesser of its own role and its creator's current role.
 */
export function lesserRole(a: Role, b: Role): Role | null {
  if (covers(a, b)) return b;
  if (covers(b, a)) return a;
  return null;
}

/**
 * Key roles whose creation asks the creating user for their password (and TOTP code) again, and
 * that an API key can never create: those that manage users, keys or the platform.
 */
export const needsStepUp = (role: Role): boolean => can(role, 'settings.manage') || can(role, 'platform.manage');
