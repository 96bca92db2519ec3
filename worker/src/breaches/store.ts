import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { breaches, breachTenants, tenants, users } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { AffectedRow, BreachRow } from './views.js';

/** R18: reading the breach register. */

export async function findBreach(db: Db, id: string): Promise<BreachRow | undefined> {
  const [row] = await db.select().from(breaches).where(eq(breaches.id, id));
  return row;
}

/** Every breach (or one), newest discovery first, with its affected tenants (by name). */
export async function platformBreaches(db: Db, id?: string): Promise<{ breach: BreachRow; affected: AffectedRow[] }[]> {
  const rows = await db.select().from(breaches).where(id ? eq(breaches.id, id) : undefined).orderBy(desc(breaches.discoveredAt), desc(breaches.id));
  if (!rows.length) return [];
  const affected = await db
    .select({ t: breachTenants, tenantName: tenants.name })
    .from(breachTenants)
    .innerJoin(tenants, eq(tenants.id, breachTenants.tenantId))
    .where(id ? eq(breachTenants.breachId, id) : undefined)
    .orderBy(asc(tenants.name), asc(breachTenants.tenantId));
  const by = new Map<string, AffectedRow[]>();
  for (const a of affected) by.set(a.t.breachId, [...(by.get(a.t.breachId) ?? []), { ...a.t, tenantName: a.tenantName }]);
  return rows.map((breach) => ({ breach, affected: by.get(breach.id) ?? [] }));
}

/** The breaches this tenant was notified of (or one of them), newest discovery first. */
export async function tenantBreaches(db: Db, tenantId: string, id?: string): Promise<{ breach: BreachRow; mine: AffectedRow & { notifiedAt: number } }[]> {
  const rows = await db
    .select({ b: breaches, t: breachTenants, tenantName: tenants.name, userName: users.displayName })
    .from(breachTenants)
    .innerJoin(breaches, eq(breaches.id, breachTenants.breachId))
    .innerJoin(tenants, eq(tenants.id, breachTenants.tenantId))
    .leftJoin(users, and(eq(users.id, breachTenants.followUpBy), eq(users.tenantId, tenantId)))
    .where(and(eq(breachTenants.tenantId, tenantId), isNotNull(breachTenants.notifiedAt), id ? eq(breachTenants.breachId, id) : undefined))
    .orderBy(desc(breaches.discoveredAt), desc(breaches.id));
  return rows.map((r) => ({ breach: r.b, mine: { ...r.t, notifiedAt: r.t.notifiedAt!, tenantName: r.tenantName, followUpUserName: r.userName } }));
}

/** Which of `ids` are tenants. */
export async function existingTenants(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db.select({ id: tenants.id }).from(tenants).where(inArray(tenants.id, ids.slice(i, i + 90)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The affected tenants of a breach (rows as stored). */
export const affectedOf = (db: Db, breachId: string) => db.select().from(breachTenants).where(eq(breachTenants.breachId, breachId));

/** Tenants with a webhook endpoint (their notifications also queue a `breach.notified` delivery). */
export async function hookedTenants(db: Db): Promise<Set<string>> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(isNotNull(tenants.webhookUrl));
  return new Set(rows.map((r) => r.id));
}
