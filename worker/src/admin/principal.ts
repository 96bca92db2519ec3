import type { PartnerType, Role } from '../../../sdk/src/admin/roles.js';

/**
 * Who is calling the admin API, established by `authenticate` from a session cookie or an
 * `sk_` key, never from the request body. `tenantId` is null only for platform operators.
 */
export type Principal = {
  type: 'user' | 'api_key';
  /** The user's id, or the API key's id. */
  id: string;
  tenantId: string | null;
  role: Role;
  partnerOrgId: string | null;
  partnerType: PartnerType | null;
  sessionId: string | null;
  displayName: string;
  locale: 'nl' | 'en';
};

/** The audit-log actor for a principal. */
export const actorOf = (p: Principal) => ({ actorType: p.type === 'user' ? ('user' as const) : ('api_key' as const), actorId: p.id });

/** The tenant a tenant-scoped handler works in; operators have none (their routes check this). */
export function tenantOf(p: Principal): string {
  if (!p.tenantId) throw new Error('tenant-scoped route reached without a tenant');
  return p.tenantId;
}
