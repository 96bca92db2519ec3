import { BREACH_DEADLINE_MS } from '../webhooks/index.js';
import type {
  BreachDataCategory, BreachFacts, BreachFollowUp, DeadlineStatus, PlatformBreachTenant, PlatformBreachView, TenantBreachView,
} from '../../../sdk/src/admin/breaches.js';
import type { breaches, breachTenants } from '../db/schema.js';

/** R18: turning register rows into the views both sides see. Pure functions. */

export type BreachRow = typeof breaches.$inferSelect;
export type BreachTenantRow = typeof breachTenants.$inferSelect;
/** An affected tenant with its name, and the follow-up author's display name where the caller may see it. */
export type AffectedRow = BreachTenantRow & { tenantName: string; followUpUserName?: string | null };

const iso = (ms: number) => new Date(ms).toISOString();

export const deadlineOf = (b: Pick<BreachRow, 'discoveredAt'>) => b.discoveredAt + BREACH_DEADLINE_MS;

/** `met` when notified at most 48 h after discovery; `missed` when later, or not yet and the 48 h have passed; else `pending`. */
export function deadlineStatus(discoveredAt: number, notifiedAt: number | null, now: number): DeadlineStatus {
  const deadline = discoveredAt + BREACH_DEADLINE_MS;
  if (notifiedAt !== null) return notifiedAt <= deadline ? 'met' : 'missed';
  return now > deadline ? 'missed' : 'pending';
}

export function breachFacts(b: BreachRow): BreachFacts {
  return {
    id: b.id, discoveredAt: iso(b.discoveredAt), deadlineAt: iso(deadlineOf(b)), description: b.description,
    dataCategories: b.dataCategories as BreachDataCategory[], approxSubjects: b.approxSubjects, consequences: b.consequences,
    measures: b.measures, recordedAt: iso(b.recordedAt),
  };
}

export function followUpOf(t: AffectedRow): BreachFollowUp | null {
  if (t.followUpAt === null || t.reportedToAuthority === null) return null;
  return {
    reportedToAuthority: t.reportedToAuthority, reportedAt: t.reportedAt === null ? null : iso(t.reportedAt), note: t.followUpNote ?? '',
    at: iso(t.followUpAt), userId: t.followUpBy ?? '', userName: t.followUpUserName ?? null,
  };
}

export function platformView(b: BreachRow, affected: AffectedRow[], now: number): PlatformBreachView {
  const tenants: PlatformBreachTenant[] = affected.map((t) => ({
    tenantId: t.tenantId, tenantName: t.tenantName, notifiedAt: t.notifiedAt === null ? null : iso(t.notifiedAt),
    deadline: deadlineStatus(b.discoveredAt, t.notifiedAt, now), followUp: followUpOf({ ...t, followUpUserName: null }),
  }));
  return {
    ...breachFacts(b), recordedBy: b.recordedBy, tenants,
    pendingTenants: tenants.filter((t) => t.deadline === 'pending').length,
    missedTenants: tenants.filter((t) => t.deadline === 'missed').length,
  };
}

/** The tenant's view; only for a notified tenant (the caller filters). Never names other tenants. */
export function tenantView(b: BreachRow, mine: AffectedRow & { notifiedAt: number }): TenantBreachView {
  return {
    ...breachFacts(b), notifiedAt: iso(mine.notifiedAt),
    deadline: deadlineStatus(b.discoveredAt, mine.notifiedAt, mine.notifiedAt) as 'met' | 'missed',
    followUp: followUpOf(mine),
  };
}
